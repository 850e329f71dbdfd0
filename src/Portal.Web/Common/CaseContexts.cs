using Portal.Domain.Cases;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;

namespace Portal.Web.Common;

/// <summary>Builds the context a case action needs: the current person, the time, the calendar and the active promises.</summary>
public sealed class CaseContexts(
    PortalDbContext db,
    CurrentUser user,
    TimeProvider time,
    CalendarService calendar,
    PromiseService promises,
    ServiceCatalog services,
    IEnumerable<ICaseFlowSource> flows,
    IEnumerable<ICaseActorPolicy> actors,
    IEnumerable<ICaseGuardSource> guards)
{
    private PromiseTable? table;

    /// <summary>
    /// The active promise table, read once per request (scope): each read asks the database for the table's revision
    /// through a context of its own, and a submission used to do that twice for the same table.
    /// </summary>
    public async Task<PromiseTable> PromisesAsync(CancellationToken cancellationToken) =>
        table ??= await promises.GetAsync(db, cancellationToken);

    public async Task<CaseActionContext> ForAsync(string serviceCode, CancellationToken cancellationToken, CaseActor? actor = null)
    {
        // Both caches read their revision stamps through this request's context (no context and connection of their own).
        var clock = await calendar.GetClockAsync(db, cancellationToken);
        var table = await PromisesAsync(cancellationToken);
        return new CaseActionContext(actor ?? user.ToActor(), time.GetUtcNow().UtcDateTime, clock, table.Limit, services.Get(serviceCode))
        {
            WholeProcess = table.WholeProcess,
        };
    }

    /// <summary>
    /// Whether the signed-in person acts on the applicant's side of the case without being its applicant or filer
    /// (the legal representative or an agent on an enterprise's case another filed): they may see it too.
    /// </summary>
    public async Task<bool> ActsForApplicantAsync(Case c, CancellationToken cancellationToken) =>
        user.IsSignedIn && !user.IsStaff && (await ActorOnAsync(c, cancellationToken)).ActsForApplicant;

    /// <summary>
    /// Who the signed-in person acts as on the case: its service's actor policy decides (an agent relabelled, a revoked
    /// one a bystander), else themself. Signed-in people only.
    /// </summary>
    public async Task<CaseActor> ActorOnAsync(Case c, CancellationToken cancellationToken) =>
        user.IsSignedIn && actors.FirstOrDefault(a => a.Handles(c)) is { } policy
            ? await policy.ActorAsync(c, user.ToActor(), cancellationToken)
            : user.ToActor();

    /// <summary>The context for acting on an existing case, with its service's own steps when it has any and the guards others put on it.</summary>
    public async Task<CaseActionContext> ForCaseAsync(Case c, CancellationToken cancellationToken, CaseActor? actor = null)
    {
        if (actor is null && user.IsSignedIn)
        {
            actor = await ActorOnAsync(c, cancellationToken);
        }

        var context = await ForAsync(c.ServiceCode, cancellationToken, actor);
        var extra = new List<ActionGuard>();
        foreach (var source in guards)
        {
            extra.AddRange(await source.GuardsAsync(c, cancellationToken));
        }

        context = context with { ActionGuards = extra };
        var flow = flows.FirstOrDefault(f => f.Handles(c.ServiceCode));
        return flow is null ? context : context with { Flow = await flow.LoadAsync(c, cancellationToken) };
    }
}
