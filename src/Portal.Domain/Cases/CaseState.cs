namespace Portal.Domain.Cases;

/// <summary>The life of every case (办件), whatever the service: 受理 → 办理 → 办结.</summary>
public enum CaseState
{
    Submitted,
    AwaitingSupplement,
    InProgress,
    RejectionProposed,
    Rejected,
    Completed,
    Withdrawn,

    // 注销 (deregistration) steps; a service's ICaseFlow configures them (SPEC 2.2).
    NoticePeriod,
    FinalReview,
    AwaitingCorrection,
    Terminated,
    CreditorNotification,
    CreditorNoticeDue,
    ClaimsPeriod,
    LiquidationReport,

    // 报装 (utility connection) steps (SPEC 2.3).
    ConnectionsRunning,
    SiteSurvey,
    PlanReply,
    ContractSigning,
    ContractConfirm,
    Connecting,
}
