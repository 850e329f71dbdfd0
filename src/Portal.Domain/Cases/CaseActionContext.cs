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
