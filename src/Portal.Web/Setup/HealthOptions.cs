namespace Portal.Web.Setup;

/// <summary>
/// When a background service counts as late (configuration section <c>Health</c>): Degraded after
/// <see cref="DegradedAfterIntervals"/> of its intervals without a successful run, Unhealthy after
/// <see cref="UnhealthyAfterIntervals"/>. Intervals shorter than <see cref="ShortestInterval"/> count as that long, so a
/// slow round of the 5-second notification dispatcher is not an alarm.
/// </summary>
public sealed class HealthOptions
{
    public double DegradedAfterIntervals { get; set; } = 3;

    public double UnhealthyAfterIntervals { get; set; } = 10;

    public TimeSpan ShortestInterval { get; set; } = TimeSpan.FromSeconds(20);
}
