using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The request being served, for the caches that are singletons (<see cref="Calendar.CalendarService"/>,
/// <see cref="Profiles.PromiseService"/>): asked without a context, they read their revision stamp through the request's
/// own <see cref="PortalDbContext"/> — one stamp read per request (<see cref="PortalDbContext.RevisionsSeen"/>) and no
/// second context and pooled connection per call. Outside a request (the sweep, the dispatcher, start-up) there is
/// none and they use a scope of their own, as before. Set by the web host's first middleware; a request's work is
/// sequential (one context is never used by two operations at once).
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<IServiceProvider?> Services = new();

    /// <summary>The request's services from here down the call (null outside a request).</summary>
    public static IServiceProvider? Current
    {
        get => Services.Value;
        set => Services.Value = value;
    }

    /// <summary>The request's database context, or null outside a request.</summary>
    public static PortalDbContext? Db => Services.Value?.GetService<PortalDbContext>();
}
