using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Benchmarks.Data;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Notifications;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;

namespace Portal.Benchmarks.Cases;

/// <summary>
/// The part of the portal's composition root (src/Portal.Web/Setup/PortalSetup.cs) that the deadline sweep touches:
/// the context with the <see cref="NotificationInterceptor"/> (each overdue mark writes its notifications in the same
/// save), the <see cref="IStepExpiry"/> implementations and what they need, a fixed clock and the sweep's options.
/// Registrations are copied from PortalSetup rather than shared, because PortalSetup needs a whole web host.
/// </summary>
public static class SweepServices
{
    /// <summary>A provider for the database at <paramref name="connectionString"/>; the sweep takes up to <paramref name="batchSize"/> due cases per run.</summary>
    public static ServiceProvider Build(string connectionString, int batchSize)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // A frozen clock (FakeTimeProvider never moves by itself), so cached data sets stay "due" however much later they are used.
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(DateTime.SpecifyKind(SweepData.NowUtc, DateTimeKind.Utc))));
        services.Configure<DeadlineSweepOptions>(o => o.BatchSize = batchSize);
        services.Configure<PortalTimeOptions>(_ => { });
        services.AddSingleton<NotificationInterceptor>();
        services.AddPortalDatabase(
            _ => new DatabaseSettings(DatabaseSetup.Sqlite, connectionString),
            (sp, o) => o.AddInterceptors(sp.GetRequiredService<NotificationInterceptor>()));

        // What the two IStepExpiry implementations need, as PortalSetup registers it.
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CaseContexts>();
        services.AddScoped<CaseActions>();
        services.AddScoped<ICaseLifecycle, EstablishmentLifecycle>();
        services.AddScoped<ICaseLifecycle, DeregistrationLifecycle>();
        services.AddScoped<ICaseFlowSource, DeregistrationFlows>();
        services.AddScoped<ICaseLifecycle, ConnectionLifecycle>();
        services.AddScoped<ICaseFlowSource, ConnectionFlows>();
        services.AddScoped<IStepExpiry, ConnectionOverdue>();
        services.AddScoped<DeregistrationExpiry>();
        services.AddScoped<IStepExpiry>(p => p.GetRequiredService<DeregistrationExpiry>());
        services.AddSingleton<CalendarService>();
        services.AddSingleton<PromiseService>();
        services.AddSingleton(new ServiceCatalog(ServiceRegistry.Definitions));
        services.AddSingleton<DeadlineSweeper>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
