namespace Portal.Infrastructure.Data;

/// <summary>A year whose holiday notice has been entered; other years fall back to Monday–Friday with a warning.</summary>
public class CalendarYear
{
    public int Year { get; set; }

    public string Source { get; set; } = "";
}
