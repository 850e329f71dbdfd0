using Portal.Domain.Cases;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Profiles;

namespace Portal.Web.Common;

/// <summary>Loads the service's own steps (<see cref="ICaseFlow"/>) for an existing case, e.g. 注销 with its application.</summary>
public interface ICaseFlowSource
{
    bool Handles(string serviceCode);

    Task<ICaseFlow> LoadAsync(Case c, CancellationToken cancellationToken);
}

/// <summary>Builds the context a case action needs: the current person, the time, the calendar and the active promises.</summary>
public sealed class CaseContexts(CurrentUser user, TimeProvider time, CalendarService calendar, PromiseService promises, ServiceCatalog services, IEnumerable<ICaseFlowSource> flows)
{
    public async Task<CaseActionContext> ForAsync(string serviceCode, CancellationToken cancellationToken, CaseActor? actor = null)
    {
        var clock = await calendar.GetClockAsync(cancellationToken);
        var table = await promises.GetAsync(cancellationToken);
        return new CaseActionContext(actor ?? user.ToActor(), time.GetUtcNow().UtcDateTime, clock, table.Limit, services.Get(serviceCode))
        {
            WholeProcess = table.WholeProcess,
        };
    }

    /// <summary>The context for acting on an existing case, with its service's own steps when it has any.</summary>
    public async Task<CaseActionContext> ForCaseAsync(Case c, CancellationToken cancellationToken, CaseActor? actor = null)
    {
        var context = await ForAsync(c.ServiceCode, cancellationToken, actor);
        var source = flows.FirstOrDefault(f => f.Handles(c.ServiceCode));
        return source is null ? context : context with { Flow = await source.LoadAsync(c, cancellationToken) };
    }
}
