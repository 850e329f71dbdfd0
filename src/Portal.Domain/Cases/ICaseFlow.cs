using Portal.Workflow;

namespace Portal.Domain.Cases;

/// <summary>
/// A service's own steps between 受理 and 办结, added to the shared case table: where 受理 leads, who holds each
/// step, the instant a step's limit counts from (when not the step's start), and waiting periods that end by time.
/// </summary>
public interface ICaseFlow
{
    /// <summary>The state 受理 leads to instead of 办理中.</summary>
    CaseState AcceptedState { get; }

    /// <summary>Whether only the system accepts (no window examines these cases, e.g. 报装 demand goes straight to the utility).</summary>
    bool AcceptedBySystem => false;

    void Configure(WorkflowMachine<CaseState, CaseTrigger> machine, Case c, CaseActionContext context, Func<CaseActionArgs> args);

    /// <summary>The role holding a step of this flow, or null for the shared steps.</summary>
    string? HolderOf(CaseState state);

    /// <summary>When a step's limit counts from an earlier instant (e.g. 清算组成立之日), that instant.</summary>
    DateTime? AnchorOf(CaseState state);

    /// <summary>A waiting period (公示期, 债权申报期): the trigger the system fires when its end passes.</summary>
    CaseTrigger? ExpiryOf(CaseState state);

    /// <summary>The service's own name for a shared action (e.g. 办结 is 核准注销登记 for 注销), or null.</summary>
    string? LabelOf(CaseTrigger trigger);
}
