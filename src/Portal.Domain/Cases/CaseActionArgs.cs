namespace Portal.Domain.Cases;

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
