using Portal.Domain.Calendar;

namespace Portal.Infrastructure.Data;

/// <summary>A statutory holiday or make-up working day (调休).</summary>
public class CalendarDayEntry
{
    public DateOnly Date { get; set; }

    public DayKind Kind { get; set; }

    public string Name { get; set; } = "";
}
