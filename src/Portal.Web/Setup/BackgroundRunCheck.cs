using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Infrastructure.Health;

namespace Portal.Web.Setup;

/// <summary>
/// Reports a background service by its last successful run: Healthy while it is recent (or the service is switched off
/// in this instance), Degraded or Unhealthy when it is too old (<see cref="HealthOptions"/>). Before the first run the
/// age counts from the service's start. The data carries the last run as ISO 8601 UTC, nothing else.
/// </summary>
public sealed class BackgroundRunCheck(BackgroundRun run, TimeProvider time, HealthOptions options) : IHealthCheck
{
    public const string LastRunKey = "lastRun";

    public const string EnabledKey = "enabled";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!run.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object> { [EnabledKey] = false }));
        }

        var lastRun = run.LastSuccess;
        var data = new Dictionary<string, object>();
        if (lastRun is { } at)
        {
            data[LastRunKey] = HealthJson.Iso(at);
        }

        if ((lastRun ?? run.StartedAt) is not { } since)
        {
            // Not started yet (the host is starting): nothing is late.
            return Task.FromResult(HealthCheckResult.Healthy(data: data));
        }

        var interval = run.Interval < options.ShortestInterval ? options.ShortestInterval : run.Interval;
        var age = time.GetUtcNow() - since;
        var result = age > interval * options.UnhealthyAfterIntervals ? HealthCheckResult.Unhealthy(data: data)
            : age > interval * options.DegradedAfterIntervals ? HealthCheckResult.Degraded(data: data)
            : HealthCheckResult.Healthy(data: data);
        return Task.FromResult(result);
    }
}
