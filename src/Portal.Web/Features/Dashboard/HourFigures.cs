namespace Portal.Web.Features.Dashboard;

/// <summary>Queue numbers taken in one local hour of the day.</summary>
public sealed record HourFigures(int Hour, int Issued, int Called, double? AverageWaitMinutes, int NoShows)
{
    public string Label => $"{Hour:D2}:00-{Hour + 1:D2}:00";
}
