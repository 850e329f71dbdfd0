using Portal.Domain.Calendar;
using Portal.Workflow;

namespace Portal.Domain.Cases;

/// <summary>Everything a case needs to decide and record one action: who, when, which clock and which promises.</summary>
public sealed record CaseActionContext(
    CaseActor Actor,
    DateTime NowUtc,
    DeadlineClock Clock,
    Func<string, TimeLimit?> Limits,
    ServiceDefinition Service)
{
    /// <summary>Extra conditions a service puts on 办结 (e.g. every 同步 sub-item done), each with its Chinese description.</summary>
    public IReadOnlyList<(Func<bool> Guard, string Description)> CompletionGuards { get; init; } = [];

    /// <summary>
    /// Conditions other parts of the portal put on an action, each with its Chinese description — the material review
    /// (nothing 不合格 at 受理, every 不合格 item listed in the 一次性告知 and answered before 提交补正).
    /// </summary>
    public IReadOnlyList<ActionGuard> ActionGuards { get; init; } = [];

    /// <summary>The <see cref="ActionGuards"/> of one trigger, in the form the workflow table writes guards.</summary>
    public (Func<bool> Guard, string Description)[] GuardsOf(CaseTrigger trigger, Func<CaseActionArgs> args) =>
        ActionGuards.Where(g => g.Trigger == trigger).Select(g => ((Func<bool>)(() => g.Allows(args())), g.Description)).ToArray();

    /// <summary>The service's own steps beyond 受理 (e.g. 注销's 公示期), when it has any.</summary>
    public ICaseFlow? Flow { get; init; }

    /// <summary>
    /// Whether a promise covers the whole process from submission (全流程, e.g. 企业开办 003:9): then the service's 受理
    /// counts inside that limit and 办理 carries on the same clock, instead of a separate acceptance limit in front of it.
    /// </summary>
    public Func<string, bool> WholeProcess { get; init; } = _ => false;

    /// <summary>Whether this service's process limit is a whole-process (全流程) promise.</summary>
    public bool ProcessIsWhole => WholeProcess(Service.ProcessLimitKey);
}

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

/// <summary>A condition on one trigger that holds when <see cref="Allows"/> says so; <see cref="Description"/> is what a refused person reads.</summary>
public sealed record ActionGuard(CaseTrigger Trigger, Func<CaseActionArgs, bool> Allows, string Description);

/// <summary>The details some actions carry.</summary>
public sealed record CaseActionArgs
{
    /// <summary>The reason, the complete list of missing items, or the 容缺 item, depending on the action.</summary>
    public string? Reason { get; init; }

    /// <summary>For 容缺受理: when the applicant committed to supply the missing item.</summary>
    public DateTime? CommitmentDueUtc { get; init; }

    /// <summary>A supervisor's override allowing a second 补正 request (一次性告知 exception, SPEC 1).</summary>
    public bool SupervisorOverride { get; init; }

    public static CaseActionArgs None { get; } = new();
}
