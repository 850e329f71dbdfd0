using Portal.Domain.Cases;
using Portal.Workflow;

namespace Portal.Domain.Connections;

/// <summary>
/// The parent case of a 报装 application: accepted at once (the utilities see the demand immediately, 000:109), it
/// waits while the utilities work their own child cases and is 办结 by the system when every one is done.
/// </summary>
public sealed class ParentConnectionFlow(Func<bool> allChildrenDone) : ICaseFlow
{
    public CaseState AcceptedState => CaseState.ConnectionsRunning;

    public bool AcceptedBySystem => true;

    public void Configure(WorkflowMachine<CaseState, CaseTrigger> machine, Case c, CaseActionContext context, Func<CaseActionArgs> args)
    {
        var actor = context.Actor;
        machine.Configure(CaseState.ConnectionsRunning)
            .PermitIf(CaseTrigger.Complete, CaseState.Completed, (() => actor.IsSystem, "各专营单位全部接通后由系统办结"), (allChildrenDone, "尚有专营单位未办结"))
            .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn,
                (() => actor.IsSystem || actor.UserId == c.ApplicantId || actor.UserId == c.FiledById, "只有申请人本人或代办人可以撤回"));
    }

    public string? HolderOf(CaseState state) => state is CaseState.ConnectionsRunning or CaseState.Submitted ? "" : null;

    public DateTime? AnchorOf(CaseState state) => null;

    public CaseTrigger? ExpiryOf(CaseState state) => null;

    public string? LabelOf(CaseTrigger trigger) => trigger == CaseTrigger.AutoAccept ? "提交即受理，各专营单位同时收到" : null;
}
