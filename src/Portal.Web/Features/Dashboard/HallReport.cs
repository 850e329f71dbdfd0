namespace Portal.Web.Features.Dashboard;

public sealed record HallReport(int Issued, int Called, int NoShows, IReadOnlyList<HourFigures> ByHour, IReadOnlyList<WindowQueueFigures> ByWindow);
