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
}

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
