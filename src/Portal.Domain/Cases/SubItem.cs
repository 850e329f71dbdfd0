using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Workflow;

namespace Portal.Domain.Cases;

public enum SubItemState
{
    /// <summary>单独办理: chosen for later, not started with the case.</summary>
    Later,
    Waiting,
    InProgress,
    Done,
    Returned,
    Cancelled,
}

public enum SubItemTrigger
{
    Begin,
    Start,
    Complete,
    Return,
    Resubmit,
    Cancel,
}

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

public static class SubItemWorkflow
{
    public static WorkflowMachine<SubItemState, SubItemTrigger> Create(SubItem item, CaseActionContext context, string? reason)
    {
        var actor = context.Actor;
        var machine = new WorkflowMachine<SubItemState, SubItemTrigger>(() => item.State, s => item.State = s, Label, Label);

        // The drawing of the track workflow (Describe) is about any track: no department or item to name.
        var departmentOnly = item.Code.Length == 0 ? "只有承办该事项的部门的后台审批人员可以办理" : $"只有{item.Department.Label()}后台审批人员可以办理“{item.Label}”";
        bool IsDepartment() => actor.Has(item.HolderRole);
        bool MayBegin() => actor.IsSystem || actor.Has(Roles.Window) || actor.IsApplicantSideOf(item.Case);
        bool MayResubmit() => actor.Has(Roles.Window) || actor.IsApplicantSideOf(item.Case);
        bool HasReason() => !string.IsNullOrWhiteSpace(reason);
        bool CaseInProgress() => item.Case.State == CaseState.InProgress;

        machine.Configure(SubItemState.Later)
            .PermitIf(SubItemTrigger.Begin, SubItemState.Waiting,
                (MayBegin, "只有申请人、窗口工作人员或系统可以启动此事项"),
                (() => actor.IsSystem || item.Case.AcceptedAt is not null, "办件受理后才能启动单独办理的事项"),
                // After 办结 a 单独办理 item is its own case, started from the enterprise's page (its department could not
                // work it here: 开始办理 needs the case 办理中).
                (() => actor.IsSystem || !item.Case.State.IsFinal(), "办件已办结，请在企业信息页面单独办理此事项"))
            .PermitIf(SubItemTrigger.Cancel, SubItemState.Cancelled, (() => actor.IsSystem, "只能随办件一并取消"));

        machine.Configure(SubItemState.Waiting)
            .PermitIf(SubItemTrigger.Start, SubItemState.InProgress, (IsDepartment, departmentOnly), (CaseInProgress, "办件受理后才能开始办理"))
            .PermitIf(SubItemTrigger.Cancel, SubItemState.Cancelled, (() => actor.IsSystem, "只能随办件一并取消"));

        machine.Configure(SubItemState.InProgress)
            .PermitIf(SubItemTrigger.Complete, SubItemState.Done, (IsDepartment, departmentOnly), (CaseInProgress, "办件不在办理中"))
            .PermitIf(SubItemTrigger.Return, SubItemState.Returned, (IsDepartment, departmentOnly), (HasReason, "退回须写明理由"), (CaseInProgress, "办件不在办理中"))
            .PermitIf(SubItemTrigger.Cancel, SubItemState.Cancelled, (() => actor.IsSystem, "只能随办件一并取消"));

        machine.Configure(SubItemState.Returned)
            .PermitIf(SubItemTrigger.Resubmit, SubItemState.Waiting, (MayResubmit, "只有申请人或窗口工作人员可以重新提交"))
            .PermitIf(SubItemTrigger.Cancel, SubItemState.Cancelled, (() => actor.IsSystem, "只能随办件一并取消"));

        return machine;
    }

    public static string Label(SubItemState state) => state switch
    {
        SubItemState.Later => "单独办理（未启动）",
        SubItemState.Waiting => "待办理",
        SubItemState.InProgress => "办理中",
        SubItemState.Done => "已办结",
        SubItemState.Returned => "已退回",
        SubItemState.Cancelled => "已取消",
        _ => state.ToString(),
    };

    /// <summary>The track workflow of a service for its guide page's drawing: any track, so no item or department is named.</summary>
    public static WorkflowDescription Describe(ServiceDefinition service)
    {
        var clock = new DeadlineClock(WorkingCalendar.ChinaDefault, TimeZoneInfo.Utc);
        var context = new CaseActionContext(CaseActor.System, DateTime.UnixEpoch, clock, _ => null, service);
        var item = new SubItem("", "", service.Department, synchronous: false);
        Case.Blank().AddSubItem(item);
        return Create(item, context, null).Describe();
    }

    /// <summary>
    /// A track's state as shown on its case: a 同步 track not begun yet starts by itself when the case is accepted,
    /// only a 单独 one waits for someone to start it.
    /// </summary>
    public static string Label(SubItem item) =>
        item.State == SubItemState.Later && item.Synchronous ? "待受理（受理后同步启动）" : Label(item.State);

    public static string Label(SubItemTrigger trigger) => trigger switch
    {
        SubItemTrigger.Begin => "启动",
        SubItemTrigger.Start => "开始办理",
        SubItemTrigger.Complete => "办结",
        SubItemTrigger.Return => "退回",
        SubItemTrigger.Resubmit => "重新提交",
        SubItemTrigger.Cancel => "取消",
        _ => trigger.ToString(),
    };
}
