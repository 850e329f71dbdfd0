namespace Portal.Domain.Connections;

/// <summary>How one utility's application is handled, shown to the applicant with the rule and its source.</summary>
public sealed record Classification(
    string Path,
    string Label,
    string Rule,
    string Source,
    string LimitKey,
    bool NeedsSurvey,
    bool NeedsPlanApproval,
    string? ApprovalLimitKey,
    IReadOnlyList<string> Notes);
