using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Deregistration;

/// <summary>
/// 注销's own steps after 受理, added to the shared case table (SPEC 2.2):
/// 简易注销 受理 → 公示期 (20 working days, objections; 000:93) → 注销登记审核 (1 working day after the notice
/// ends; 000:93) → 办结; an upheld objection ends the route (简易注销终止). 容错: the review may return the
/// application for correction, the applicant corrects and resubmits on the same case (000:93, 000:491).
/// 普通注销 受理 (清算组备案) → 通知债权人 (10 days from the group's formation) → 债权人公告 (60 days from formation)
/// → 债权申报期 (45 days from the notice) → 清算报告 → 注销登记审核 → 办结 (《公司法》第二百三十五条).
/// 代位注销 / 除名: a supervisor cancels with a recorded legal reason (004:35).
/// </summary>
public sealed class DeregistrationFlow(DeregistrationApplication application) : ICaseFlow
{
    public const string MarketOnly = "只有市场监管后台审批人员可以执行此操作";
    public const string ApplicantOnly = "只有申请人本人或代办人可以执行此操作";

    public DeregistrationApplication Application => application;

    public CaseState AcceptedState => application.Route switch
    {
        DeregistrationRoute.Simple => CaseState.NoticePeriod,
        DeregistrationRoute.Ordinary => CaseState.CreditorNotification,
        _ => CaseState.FinalReview,
    };

    public void Configure(WorkflowMachine<CaseState, CaseTrigger> machine, Case c, CaseActionContext context, Func<CaseActionArgs> args)
    {
        var actor = context.Actor;
        var now = context.NowUtc;
        bool IsMarket() => actor.Has(Department.Market.ReviewerRole());
        bool SystemOrMarket() => actor.IsSystem || IsMarket();
        bool IsApplicantSide() => actor.IsApplicantSideOf(c);
        bool HasReason() => !string.IsNullOrWhiteSpace(args().Reason);
        bool NoticeOver() => application.NoticeEndsAt is { } end && now > end;
        // On a guide page's drawing there is no application, so no date to name.
        var noticeEnd = application.NoticeEndsAt is { } e ? context.Clock.Format(e) : null;

        machine.LabelTrigger(CaseTrigger.Complete, LabelOf(CaseTrigger.Complete)!);
        switch (application.Route)
        {
            case DeregistrationRoute.Simple:
                machine.Configure(CaseState.NoticePeriod, () => context.Limits(PromiseKeys.SimpleDeregistrationNotice), "简易注销公告期（承诺时限清单）")
                    .PermitIf(CaseTrigger.NoticeEnds, CaseState.FinalReview,
                        (SystemOrMarket, MarketOnly),
                        (NoticeOver, noticeEnd is null ? "公示期届满前不能进行注销登记" : $"公示期至{noticeEnd}届满，届满前不能进行注销登记"),
                        (() => application.OpenObjections == 0, "公示期内有尚未处理的异议，须先作出处理"))
                    .PermitIf(CaseTrigger.UpholdObjection, CaseState.Terminated,
                        (IsMarket, MarketOnly),
                        (() => application.OpenObjections > 0, "没有待处理的异议"),
                        (HasReason, "认定异议成立须写明理由"))
                    .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, ApplicantOnly));
                machine.Configure(CaseState.FinalReview, () => context.Limits(PromiseKeys.SimpleDeregistrationCancel), "公告期满后注销登记（承诺时限清单）");
                break;

            case DeregistrationRoute.Ordinary:
                machine.Configure(CaseState.CreditorNotification, () => context.Limits(PromiseKeys.OrdinaryCreditorNotify), "清算组成立之日起通知债权人")
                    .PermitIf(CaseTrigger.NotifyCreditors, CaseState.CreditorNoticeDue,
                        (IsApplicantSide, ApplicantOnly),
                        (HasReason, "请写明通知债权人的方式、对象和日期"))
                    .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, ApplicantOnly));
                machine.Configure(CaseState.CreditorNoticeDue, () => context.Limits(PromiseKeys.OrdinaryCreditorNotice), "清算组成立之日起发布债权人公告")
                    .PermitIf(CaseTrigger.PublishCreditorNotice, CaseState.ClaimsPeriod,
                        (IsApplicantSide, ApplicantOnly),
                        (HasReason, "请填写债权人公告的内容"))
                    .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, ApplicantOnly));
                machine.Configure(CaseState.ClaimsPeriod, () => context.Limits(PromiseKeys.OrdinaryClaims), "公告之日起债权申报期")
                    .PermitIf(CaseTrigger.ClaimsPeriodEnds, CaseState.LiquidationReport,
                        (SystemOrMarket, MarketOnly),
                        (NoticeOver, noticeEnd is null ? "债权申报期届满前不能提交清算报告" : $"债权申报期至{noticeEnd}届满，届满前不能提交清算报告"))
                    .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, ApplicantOnly));
                machine.Configure(CaseState.LiquidationReport)
                    .PermitIf(CaseTrigger.SubmitLiquidationReport, CaseState.FinalReview,
                        (IsApplicantSide, ApplicantOnly),
                        (HasReason, "请填写清算报告（财产清偿、债务处理和剩余财产分配情况）"))
                    .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, ApplicantOnly));
                machine.Configure(CaseState.FinalReview, () => context.Limits(PromiseKeys.OrdinaryRegister), "提交清算报告后注销登记（承诺时限清单）");
                break;

            default:
                machine.Configure(CaseState.Submitted)
                    .PermitIf(CaseTrigger.CancelByAuthority, CaseState.Completed,
                        (() => actor.Has(Roles.Supervisor), "只有督查可以依职权注销（代位注销、除名）"),
                        (HasReason, "依职权注销须写明法律依据和理由"));
                break;
        }

        // 注销登记审核 and 容错 (000:93): a correctable refusal goes back to the applicant on the same case.
        machine.Configure(CaseState.FinalReview)
            .PermitIf(CaseTrigger.Complete, CaseState.Completed, (IsMarket, "只有市场监管后台审批人员可以核准注销登记"))
            .PermitIf(CaseTrigger.ReturnForCorrection, CaseState.AwaitingCorrection,
                (IsMarket, MarketOnly),
                (HasReason, "退回更正须写明需要更正的事项"));
        machine.Configure(CaseState.AwaitingCorrection)
            .OnEntry(application.CountCorrection, "容错次数加一")
            .PermitIf(CaseTrigger.Resubmit, CaseState.FinalReview,
                (IsApplicantSide, ApplicantOnly),
                (HasReason, "请说明已更正的内容"))
            .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, ApplicantOnly));
    }

    public string? HolderOf(CaseState state) => state switch
    {
        CaseState.NoticePeriod or CaseState.FinalReview => Department.Market.ReviewerRole(),
        CaseState.AwaitingCorrection or CaseState.CreditorNotification or CaseState.CreditorNoticeDue
            or CaseState.ClaimsPeriod or CaseState.LiquidationReport => Roles.Applicant,
        CaseState.Submitted when application.Route.IsByAuthority() => Roles.Supervisor,
        _ => null,
    };

    public DateTime? AnchorOf(CaseState state) => state switch
    {
        CaseState.CreditorNotification or CaseState.CreditorNoticeDue => application.GroupFormedAt,
        // "公告期满后1个工作日内办结": the first review counts from the notice's end, a resubmission from itself.
        CaseState.FinalReview when application.Route == DeregistrationRoute.Simple && application.Corrections == 0 => application.NoticeEndsAt,
        _ => null,
    };

    public string? LabelOf(CaseTrigger trigger) => trigger == CaseTrigger.Complete ? "核准注销登记" : null;

    public CaseTrigger? ExpiryOf(CaseState state) => state switch
    {
        CaseState.NoticePeriod => CaseTrigger.NoticeEnds,
        CaseState.ClaimsPeriod => CaseTrigger.ClaimsPeriodEnds,
        _ => null,
    };
}
