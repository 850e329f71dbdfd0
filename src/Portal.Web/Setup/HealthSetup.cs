using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Notifications;

namespace Portal.Web.Setup;

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
