using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;
using static Portal.Domain.Tests.Deregistration.DeregistrationKit;

namespace Portal.Domain.Tests.Deregistration;

/// <summary>
/// 普通注销: 受理 → 通知债权人 (10 days from the group's formation) → 债权人公告 (60 days from formation) → 债权申报期
/// (45 days from the notice) → 清算报告 → 注销登记审核 (1 working day) → 办结. Calendar-day periods whose last day is not a
/// working day run to the close of office on the next working day (民法典第二百零三条).
/// </summary>
public sealed class OrdinaryDeregistrationFlowTests
{
    /// <summary>Tue 2026-09-22, local midnight: the liquidation group's formation.</summary>
    private static readonly DateTime FormedAt = China(2026, 9, 22);

    [Fact]
    public void Acceptance_starts_creditor_notification_counted_from_the_group_formation_and_rolled_past_national_day()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var c = Accepted(application, China(2026, 9, 24, 10));

        Assert.Equal(CaseState.CreditorNotification, c.State);
        Assert.Equal(Roles.Applicant, c.HolderRole);
        Assert.Equal(China(2026, 9, 24, 10), c.StepStartedAt);
        // 9/22 + 10 days = Fri 10/2, a 国庆节 holiday; the holiday runs to 10/7, so the last day is Thu 10/8.
        Assert.Equal(China(2026, 10, 8, 17), c.StepDueAt);
        Assert.Equal("10日", c.StepLimitText);
        // Warning at 75% of the calendar span from the anchor: 9/22 00:00 + 0.75 × 16 days 17 hours = 10/4 12:45.
        Assert.Equal(China(2026, 10, 4, 12, 45), c.StepWarnAt);
        // Office time from the anchor: 9/22-24, 9/28-30 and 10/8, 7 hours each.
        Assert.Equal(7 * 7 * 60, c.StepLimitMinutes);
        Assert.Null(application.NoticeEndsAt);
    }

    [Theory]
    // 9/30 + 10 = Sat 10/10, a 调休上班 day: a working day, not extended.
    [InlineData(9, 30, 10, 10)]
    // 11/11 + 10 = Sat 11/21, an ordinary weekend: Mon 11/23.
    [InlineData(11, 11, 11, 23)]
    // 2/8 + 10 = Wed 2/18, 春节 (2/15-2/23): Tue 2/24.
    [InlineData(2, 8, 2, 24)]
    // 11/2 + 10 = Thu 11/12, a working day: that day.
    [InlineData(11, 2, 11, 12)]
    public void Creditor_notification_deadline_is_ten_calendar_days_rolled_to_a_working_day(int month, int day, int dueMonth, int dueDay)
    {
        var formed = China(2026, month, day);
        var application = OrdinaryApplication(formed, formed);
        var c = Accepted(application, formed.AddHours(10));

        Assert.Equal(China(2026, dueMonth, dueDay, 17), c.StepDueAt);
    }

    [Fact]
    public void Notifying_creditors_needs_the_applicant_and_a_description()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var c = Accepted(application, China(2026, 9, 24, 10));
        var now = China(2026, 9, 28, 10);

        var window = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.NotifyCreditors, At(Window, now, application), Because("已电话通知")));
        Assert.Contains(DeregistrationFlow.ApplicantOnly, window.UnmetGuards);
        var market = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.NotifyCreditors, At(Market, now, application), Because("已电话通知")));
        Assert.Contains(DeregistrationFlow.ApplicantOnly, market.UnmetGuards);
        var noReason = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.NotifyCreditors, At(Applicant, now, application)));
        Assert.Contains("请写明通知债权人的方式、对象和日期", noReason.UnmetGuards);
        Assert.Equal(CaseState.CreditorNotification, c.State);
    }

    [Fact]
    public void Creditor_notice_is_due_sixty_days_from_the_group_formation_not_from_the_notification()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var c = Accepted(application, China(2026, 9, 24, 10));

        c.Fire(CaseTrigger.NotifyCreditors, At(Applicant, China(2026, 9, 28, 10), application), Because("9月28日书面通知已知债权人3家"));

        Assert.Equal(CaseState.CreditorNoticeDue, c.State);
        Assert.Equal(Roles.Applicant, c.HolderRole);
        // 9/22 + 60 days = Sat 11/21 → Mon 11/23.
        Assert.Equal(China(2026, 11, 23, 17), c.StepDueAt);
        Assert.Equal("60日", c.StepLimitText);
    }

    [Fact]
    public void Ordinary_route_runs_from_acceptance_to_completion()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var c = Accepted(application, China(2026, 9, 24, 10));
        c.Fire(CaseTrigger.NotifyCreditors, At(Applicant, China(2026, 9, 28, 10), application), Because("9月28日书面通知已知债权人3家"));

        var noText = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.PublishCreditorNotice, At(Applicant, China(2026, 10, 20, 10), application)));
        Assert.Contains("请填写债权人公告的内容", noText.UnmetGuards);
        c.Fire(CaseTrigger.PublishCreditorNotice, At(Applicant, China(2026, 10, 20, 10), application), Because("请债权人自公告之日起45日内申报债权"));
        OpenNoticeIfAny(c, application);

        Assert.Equal(CaseState.ClaimsPeriod, c.State);
        Assert.Equal(Roles.Applicant, c.HolderRole);
        // Tue 10/20 + 45 days = Fri 12/4.
        Assert.Equal(China(2026, 12, 4, 17), c.StepDueAt);
        Assert.Equal(China(2026, 10, 20, 10), application.NoticeStartsAt);
        Assert.Equal(China(2026, 12, 4, 17), application.NoticeEndsAt);
        Assert.Equal(CaseTrigger.ClaimsPeriodEnds, new DeregistrationFlow(application).ExpiryOf(c.State));

        var early = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ClaimsPeriodEnds, At(CaseActor.System, China(2026, 12, 4, 16), application)));
        Assert.Contains(early.UnmetGuards, g => g.Contains("届满"));
        var applicant = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ClaimsPeriodEnds, At(Applicant, China(2026, 12, 5, 9), application)));
        Assert.Contains(DeregistrationFlow.MarketOnly, applicant.UnmetGuards);
        Assert.Equal(CaseState.ClaimsPeriod, c.State);

        c.Fire(CaseTrigger.ClaimsPeriodEnds, At(CaseActor.System, China(2026, 12, 4, 17, 1), application));
        Assert.Equal(CaseState.LiquidationReport, c.State);
        Assert.Equal(Roles.Applicant, c.HolderRole);
        Assert.Null(c.StepDueAt);

        var noReport = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.SubmitLiquidationReport, At(Applicant, China(2026, 12, 9, 10), application)));
        Assert.Contains("请填写清算报告（财产清偿、债务处理和剩余财产分配情况）", noReport.UnmetGuards);
        c.Fire(CaseTrigger.SubmitLiquidationReport, At(Applicant, China(2026, 12, 9, 10), application), Because("债务已全部清偿，剩余财产已按出资比例分配"));

        Assert.Equal(CaseState.FinalReview, c.State);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        // One working day from the report (Wed 12/9), not from the end of the claims period (which would be Mon 12/7).
        Assert.Equal(China(2026, 12, 10, 17), c.StepDueAt);
        Assert.Equal(new TimeLimit(1, TimeUnit.WorkingDays), Limits(PromiseKeys.OrdinaryRegister));
        Assert.Equal("1个工作日", c.StepLimitText);

        var window = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(Window, China(2026, 12, 10, 9), application)));
        Assert.Contains("只有市场监管后台审批人员可以核准注销登记", window.UnmetGuards);
        c.Fire(CaseTrigger.Complete, At(Market, China(2026, 12, 10, 9), application));

        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(China(2026, 12, 10, 9), c.ClosedAt);
        Assert.Equal(
            ["Submit", "Accept", "NotifyCreditors", "PublishCreditorNotice", "ClaimsPeriodEnds", "SubmitLiquidationReport", "Complete"],
            c.History.Select(e => e.Action));
    }

    [Fact]
    public void Claims_period_cannot_end_without_an_opened_notice()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var c = Accepted(application, China(2026, 9, 24, 10));
        c.Fire(CaseTrigger.NotifyCreditors, At(Applicant, China(2026, 9, 28, 10), application), Because("书面通知"));
        c.Fire(CaseTrigger.PublishCreditorNotice, At(Applicant, China(2026, 10, 20, 10), application), Because("公告"));

        // Without the lifecycle hook the application knows no notice end, so the period never counts as over.
        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ClaimsPeriodEnds, At(CaseActor.System, China(2027, 1, 4, 9), application)));
        Assert.Contains(refused.UnmetGuards, g => g.Contains("届满"));
    }

    [Fact]
    public void Ordinary_final_review_may_be_returned_for_correction_and_resubmitted()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var c = Accepted(application, China(2026, 9, 24, 10));
        c.Fire(CaseTrigger.NotifyCreditors, At(Applicant, China(2026, 9, 28, 10), application), Because("书面通知"));
        c.Fire(CaseTrigger.PublishCreditorNotice, At(Applicant, China(2026, 10, 20, 10), application), Because("公告"));
        OpenNoticeIfAny(c, application);
        c.Fire(CaseTrigger.ClaimsPeriodEnds, At(Market, China(2026, 12, 7, 9), application));
        c.Fire(CaseTrigger.SubmitLiquidationReport, At(Applicant, China(2026, 12, 7, 10), application), Because("清算报告"));

        c.Fire(CaseTrigger.ReturnForCorrection, At(Market, China(2026, 12, 8, 10), application), Because("清算报告缺全体股东确认"));
        Assert.Equal(CaseState.AwaitingCorrection, c.State);
        Assert.Equal(1, application.Corrections);

        c.Fire(CaseTrigger.Resubmit, At(Applicant, China(2026, 12, 11, 16), application), Because("已补全体股东确认"));
        Assert.Equal(CaseState.FinalReview, c.State);
        Assert.Equal(China(2026, 12, 14, 17), c.StepDueAt); // Fri 12/11 → Mon 12/14
    }

    [Fact]
    public void Acceptance_long_after_the_ten_days_is_overdue_at_once()
    {
        var formed = China(2026, 11, 2);
        var application = OrdinaryApplication(formed, formed);
        var c = Accepted(application, China(2026, 11, 16, 10));

        Assert.Equal(China(2026, 11, 12, 17), c.StepDueAt);
        Assert.True(c.MarkOverdue(China(2026, 11, 16, 10, 1)));
    }

    [Fact]
    public void Applicant_may_withdraw_while_liquidating()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var c = Accepted(application, China(2026, 9, 24, 10));

        var window = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Withdraw, At(Window, China(2026, 9, 25, 10), application)));
        Assert.Contains(DeregistrationFlow.ApplicantOnly, window.UnmetGuards);
        c.Fire(CaseTrigger.Withdraw, At(Applicant, China(2026, 9, 25, 10), application));
        Assert.Equal(CaseState.Withdrawn, c.State);
    }

    [Fact]
    public void Flow_anchors_of_the_ordinary_route()
    {
        var application = OrdinaryApplication(FormedAt, China(2026, 9, 23, 9));
        var flow = new DeregistrationFlow(application);
        application.OpenNotice(China(2026, 10, 20, 10), China(2026, 12, 4, 17), "公告");

        Assert.Equal(CaseState.CreditorNotification, flow.AcceptedState);
        Assert.Equal(FormedAt, flow.AnchorOf(CaseState.CreditorNotification));
        Assert.Equal(FormedAt, flow.AnchorOf(CaseState.CreditorNoticeDue));
        Assert.Null(flow.AnchorOf(CaseState.ClaimsPeriod));
        Assert.Null(flow.AnchorOf(CaseState.FinalReview));
        Assert.Equal("公告", application.NoticeText);
        Assert.Equal(Department.Market.ReviewerRole(), flow.HolderOf(CaseState.FinalReview));
        Assert.Equal(Roles.Applicant, flow.HolderOf(CaseState.LiquidationReport));
    }
}
