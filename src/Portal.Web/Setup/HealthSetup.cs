using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Notifications;

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

/// <summary>The short JSON answer of /healthz: overall status and each check's status and last run; no descriptions, exceptions or personal data.</summary>
public static class HealthJson
{
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            var check = new JsonObject { ["status"] = entry.Status.ToString() };
            foreach (var key in new[] { BackgroundRunCheck.LastRunKey, BackgroundRunCheck.EnabledKey })
            {
                if (entry.Data.TryGetValue(key, out var value))
                {
                    check[key] = value switch
                    {
                        bool flag => JsonValue.Create(flag),
                        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                    };
                }
            }

            checks[name] = check;
        }

        var body = new JsonObject { ["status"] = report.Status.ToString(), ["checks"] = checks };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}

/// <summary>/healthz through ASP.NET Core's health checks: the database, the deadline sweep and the notification dispatcher.</summary>
public static class HealthSetup
{
    public const string Path = "/healthz";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(configuration.GetSection("Health"));
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database")
            .Add(new HealthCheckRegistration("deadlineSweep", sp => Check(sp, sp.GetRequiredService<DeadlineSweeper>().Run), HealthStatus.Unhealthy, null))
            .Add(new HealthCheckRegistration("notificationDispatcher", sp => Check(sp, sp.GetRequiredService<NotificationDispatcher>().Run), HealthStatus.Unhealthy, null));
        return services;
    }

    /// <summary>Anonymous; 200 when Healthy or Degraded, 503 when Unhealthy; never cached.</summary>
    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync }).AllowAnonymous();
        return app;
    }

    private static BackgroundRunCheck Check(IServiceProvider services, BackgroundRun run) =>
        new(run, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IOptions<HealthOptions>>().Value);
}
