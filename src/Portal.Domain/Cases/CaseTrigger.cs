namespace Portal.Domain.Cases;

public enum CaseTrigger
{
    Accept,
    AutoAccept,
    AcceptWithMissing,
    RequestSupplement,
    SubmitSupplement,
    ProposeRejection,
    ApproveRejection,
    DismissRejection,
    Complete,
    Withdraw,

    // 注销
    NoticeEnds,
    UpholdObjection,
    ReturnForCorrection,
    Resubmit,
    NotifyCreditors,
    PublishCreditorNotice,
    ClaimsPeriodEnds,
    SubmitLiquidationReport,
    CancelByAuthority,

    // 报装
    RecordSurvey,
    ReplyPlan,
    SignContract,
    ConfirmContract,
    Connect,
}
