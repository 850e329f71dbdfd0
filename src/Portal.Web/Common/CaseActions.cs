using Portal.Domain.Cases;

namespace Portal.Web.Common;

/// <summary>
/// Fires triggers on cases and their parallel sub-items, and keeps the two consistent: a case's 同步 sub-items
/// begin when it is accepted (with the case's deadline), follow its deadline when its clock resumes, are
/// cancelled when it ends without 办结; the case cannot be 办结 while a 同步 sub-item is open, and is 办结 by the
/// system (统一出件) as soon as the last one is done. Service hooks then run. Callers load the case with its
/// <see cref="Case.SubItems"/>.
/// </summary>
public sealed class CaseActions(IEnumerable<ICaseLifecycle> lifecycles)
{
    public async Task FireAsync(Case c, CaseTrigger trigger, CaseActionContext context, CaseActionArgs? args, CancellationToken cancellationToken)
    {
        var from = c.State;
        c.Fire(trigger, context with { CompletionGuards = OpenTracks(c) }, args);
        await AfterAsync(c, from, context, cancellationToken);
    }

    public async Task FireSubItemAsync(Case c, SubItem item, SubItemTrigger trigger, CaseActionContext context, string? reason, CancellationToken cancellationToken)
    {
        item.Fire(trigger, context, reason, c.StepDueAt);

        // Any sub-item move changes the case: concurrent moves on one case conflict instead of both missing
        // that together they finished it.
        c.BumpVersion();
        if (trigger == SubItemTrigger.Complete && c.State == CaseState.InProgress && OpenTracks(c).Count == 0)
        {
            await FireAsync(c, CaseTrigger.Complete, context with { Actor = CaseActor.System }, null, cancellationToken);
        }
    }

    /// <summary>
    /// The actions a person may take on a case now, as the case page offers them: the open 同步 tracks guard 办结, and a
    /// probe carries a reason, a commitment date and (for supervisors) the 补正 override so actions needing them show.
    /// </summary>
    public static Task<IReadOnlyList<CaseTrigger>> PermittedForAsync(Case c, CaseActionContext context, bool supervisor)
    {
        var probe = new CaseActionArgs { Reason = "probe", CommitmentDueUtc = context.NowUtc.AddDays(30), SupervisorOverride = supervisor };
        return c.PermittedActionsAsync(context with { CompletionGuards = OpenTracks(c) }, probe);
    }

    /// <summary>Guards for 办结: one per 同步 sub-item that is not done, in Chinese.</summary>
    public static IReadOnlyList<(Func<bool> Guard, string Description)> OpenTracks(Case c) =>
        c.SubItems
            .Where(s => s.Synchronous && s.State != SubItemState.Done)
            .Select(s => ((Func<bool>)(() => false), $"并联事项“{s.Label}”尚未办结"))
            .ToList();

    public async Task<IReadOnlyList<CaseLink>> LinksAsync(Case c, CancellationToken cancellationToken)
    {
        var links = new List<CaseLink>();
        foreach (var lifecycle in lifecycles.Where(l => l.Handles(c.ServiceCode)))
        {
            links.AddRange(await lifecycle.LinksAsync(c, cancellationToken));
        }

        return links;
    }

    private async Task AfterAsync(Case c, CaseState from, CaseActionContext context, CancellationToken cancellationToken)
    {
        var system = context with { Actor = CaseActor.System };
        if (c.State == CaseState.InProgress && from != CaseState.InProgress)
        {
            foreach (var item in c.SubItems)
            {
                if (item.Synchronous && item.State == SubItemState.Later)
                {
                    item.Fire(SubItemTrigger.Begin, system, null, c.StepDueAt);
                }
                else
                {
                    item.FollowCaseDeadline(c.StepDueAt);
                }
            }
        }

        if (c.State is CaseState.Rejected or CaseState.Withdrawn)
        {
            foreach (var item in c.SubItems.Where(s => s.State is SubItemState.Later or SubItemState.Waiting or SubItemState.InProgress or SubItemState.Returned))
            {
                item.Fire(SubItemTrigger.Cancel, system, $"办件{c.State.Label()}");
            }
        }

        if (c.State != from)
        {
            foreach (var lifecycle in lifecycles.Where(l => l.Handles(c.ServiceCode)))
            {
                await lifecycle.OnStateChangedAsync(c, from, context, cancellationToken);
            }
        }
    }
}
