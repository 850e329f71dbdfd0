using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Workflow;

namespace Portal.Domain.Cases;

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
