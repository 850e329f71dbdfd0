using Portal.Domain.Organisation;
using Portal.Workflow;

namespace Portal.Domain.Cases;

/// <summary>
/// One parallel track of a case (并联办理), held by one department's back office with its own small workflow:
/// 待办理 → 办理中 → 已办结, or 已退回 with a reason. Its transitions are written to the case's history.
/// </summary>
public class SubItem
{
    private SubItem()
    {
    }

    public SubItem(string code, string label, Department department, bool synchronous)
    {
        Code = code;
        Label = label;
        Department = department;
        HolderRole = department.ReviewerRole();
        Synchronous = synchronous;
        State = SubItemState.Later;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public Case Case { get; internal set; } = null!;

    public string Code { get; private set; } = "";

    public string Label { get; private set; } = "";

    public Department Department { get; private set; }

    public string HolderRole { get; private set; } = "";

    /// <summary>同步 (with the case) or 单独 (later, separately).</summary>
    public bool Synchronous { get; private set; }

    public SubItemState State { get; internal set; }

    public DateTime? StartedAt { get; private set; }

    /// <summary>The track's deadline, stored when it begins (the whole case's promise; the tracks run in parallel).</summary>
    public DateTime? DueAt { get; private set; }

    public DateTime? DoneAt { get; private set; }

    public string? Reason { get; private set; }

    public string? HandledByName { get; private set; }

    public long Version { get; private set; }

    public bool IsOpen => State is SubItemState.Waiting or SubItemState.InProgress or SubItemState.Returned;

    public void BumpVersion() => Version++;

    /// <summary>Fires a trigger; throws <see cref="InvalidTransitionException"/> with Chinese reasons when not allowed.</summary>
    public void Fire(SubItemTrigger trigger, CaseActionContext context, string? reason = null, DateTime? dueUtc = null)
    {
        var machine = SubItemWorkflow.Create(this, context, reason);
        machine.Transitioned += t =>
        {
            var now = context.NowUtc;
            switch (t.Destination)
            {
                case SubItemState.Waiting when t.Trigger == SubItemTrigger.Begin:
                    StartedAt = now;
                    DueAt = dueUtc;
                    break;
                case SubItemState.Done:
                    DoneAt = now;
                    break;
            }

            Reason = t.Trigger is SubItemTrigger.Return or SubItemTrigger.Cancel ? reason : t.Destination == SubItemState.Waiting ? null : Reason;
            if (context.Actor.IsStaff && !context.Actor.IsSystem)
            {
                HandledByName = context.Actor.Name;
            }

            Case.Note($"SubItem.{t.Trigger}", $"{Label}：{SubItemWorkflow.Label(t.Trigger)}", context.Actor, now, reason);
        };
        machine.Fire(trigger);
    }

    /// <summary>The actions the given actor may take on this track now (<paramref name="reason"/>: what the action would carry).</summary>
    public Task<IReadOnlyList<SubItemTrigger>> PermittedActionsAsync(CaseActionContext context, string? reason) =>
        SubItemWorkflow.Create(this, context, reason).PermittedTriggersAsync();

    /// <summary>Moves an open track's deadline with its case (e.g. when the case's clock resumed after 补正).</summary>
    public void FollowCaseDeadline(DateTime? dueUtc)
    {
        if (IsOpen)
        {
            DueAt = dueUtc;
        }
    }
}
