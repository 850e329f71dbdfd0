namespace Portal.Web.Features.Dashboard;

/// <summary>Queue numbers called to one window.</summary>
public sealed record WindowQueueFigures(string Window, int Called, int Served, int NoShows, double? AverageWaitMinutes, double? AverageServiceMinutes);
