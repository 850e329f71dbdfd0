using Portal.Domain.Cases;

namespace Portal.Web.Features.Dashboard;

/// <summary>What the figures need of one case.</summary>
public sealed record CaseFacts(long Id, string ServiceCode, string ApplicantId, DateTime? ClosedAt, CaseState State)
{
    /// <summary>
    /// 办结: the case ended with a decision (办结, 不予受理, 简易注销终止). A case the applicant withdrew (撤回) ended
    /// without one and is not 办结, though it is closed.
    /// </summary>
    public bool IsConcluded => ClosedAt is not null && State.IsFinal() && State != CaseState.Withdrawn;
}
