using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;
using static Portal.Domain.Tests.Deregistration.DeregistrationKit;

namespace Portal.Domain.Tests.Deregistration;

/// <summary>简易注销: 受理 → 公示期 (20 working days) → 注销登记审核 (1 working day after the notice) → 办结, with objections and 容错.</summary>
public sealed class SimpleDeregistrationFlowTests
{
    [Fact]
    public void Submitted_simple_deregistration_waits_for_the_window_with_the_one_working_day_acceptance_limit()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Submit(application, China(2026, 9, 30, 9));

        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(Roles.Window, c.HolderRole);
        // 9/30 does not count, 10/1-10/7 are 国庆节: the first working day after is 10/8.
        Assert.Equal(China(2026, 10, 8, 17), c.StepDueAt);
        Assert.Equal("JYZX-20260101-000001", application.CaseNumber);
    }

    [Fact]
    public void Window_acceptance_opens_the_notice_period_held_by_market_supervision()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        var c = Submit(application, China(2026, 11, 23, 9));

        c.Fire(CaseTrigger.Accept, At(Window, China(2026, 11, 23, 10), application));

        Assert.Equal(CaseState.NoticePeriod, c.State);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        Assert.Equal(China(2026, 11, 23, 10), c.AcceptedAt);
        Assert.Equal(China(2026, 11, 23, 10), c.StepStartedAt);
        Assert.Equal(Window.UserId, c.OwnerId);
        Assert.Equal("20个工作日", c.StepLimitText);
        var accept = c.History[^1];
        Assert.Equal(nameof(CaseTrigger.Accept), accept.Action);
        Assert.Equal(CaseState.Submitted, accept.FromState);
        Assert.Equal(CaseState.NoticePeriod, accept.ToState);
        Assert.Equal(c.StepDueAt, accept.DueAt);
    }

    [Fact]
    public void Notice_period_is_twenty_working_days_in_an_ordinary_stretch()
    {
        // Mon 2026-11-23: four full weeks without holidays → Mon 12/21 is the 20th working day after it.
        var c = Accepted(SimpleApplication(China(2026, 11, 23, 9)), China(2026, 11, 23, 10));

        Assert.Equal(China(2026, 12, 21, 17), c.StepDueAt);
        // Office time from 10:00 on 11/23 (10-12 and 13-17 = 6 hours) plus 20 full days of 7 hours.
        Assert.Equal((6 * 60) + (20 * 7 * 60), c.StepLimitMinutes);
    }

    [Theory]
    // Wed 9/30: 10/1-10/7 国庆节, 10/8 (1), 10/9 (2), Sat 10/10 调休上班 (3), 10/12-16 (4-8), 10/19-23 (9-13),
    // 10/26-30 (14-18), Mon 11/2 (19), Tue 11/3 (20).
    [InlineData(9, 30, 11, 3)]
    // Fri 9/18: Sun 9/20 调休上班 (1), 9/21-24 (2-5), 9/25-27 中秋节, 9/28-30 (6-8), 10/1-7 国庆节, 10/8 (9), 10/9 (10),
    // Sat 10/10 调休上班 (11), 10/12-16 (12-16), 10/19-22 (17-20).
    [InlineData(9, 18, 10, 22)]
    // Wed 9/2: 9/3-4 (1-2), 9/7-11 (3-7), 9/14-18 (8-12), Sun 9/20 (13), 9/21-24 (14-17), 9/28-30 (18-20).
    [InlineData(9, 2, 9, 30)]
    public void Notice_accepted_before_national_day_2026_skips_the_holidays_and_counts_the_makeup_days(int month, int day, int dueMonth, int dueDay)
    {
        var c = Accepted(SimpleApplication(China(2026, month, day, 9)), China(2026, month, day, 10));

        Assert.Equal(CaseState.NoticePeriod, c.State);
        Assert.Equal(China(2026, dueMonth, dueDay, 17), c.StepDueAt);
    }

    [Fact]
    public void Notice_accepted_before_spring_festival_2026_skips_the_festival_and_counts_both_makeup_saturdays()
    {
        // Fri 2/13 15:00: Sat 2/14 调休上班 (1), 2/15-2/23 春节, 2/24-27 (2-5), Sat 2/28 调休上班 (6),
        // 3/2-6 (7-11), 3/9-13 (12-16), 3/16-19 (17-20).
        var c = Accepted(SimpleApplication(China(2026, 2, 13, 15)), China(2026, 2, 13, 15));

        Assert.Equal(China(2026, 3, 19, 17), c.StepDueAt);
        Assert.Equal(new DateTime(2026, 3, 19, 9, 0, 0, DateTimeKind.Utc), c.StepDueAt); // 17:00 Beijing is 09:00Z
        Assert.Equal(DateTimeKind.Utc, c.StepDueAt!.Value.Kind);
    }

    [Fact]
    public void Notice_cannot_end_before_its_last_day_has_passed()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        Assert.Equal(China(2026, 11, 3, 17), application.NoticeEndsAt);

        var early = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 11, 3, 16, 59), application)));
        Assert.Contains(early.UnmetGuards, g => g.Contains("届满"));
        Assert.Contains("届满", early.Message);
        Assert.Contains("2026年11月3日 17:00", early.Message);

        // The end instant itself still belongs to the notice.
        var atEnd = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.NoticeEnds, At(Market, China(2026, 11, 3, 17), application)));
        Assert.Contains(atEnd.UnmetGuards, g => g.Contains("届满"));
        Assert.Equal(CaseState.NoticePeriod, c.State);
        Assert.True(application.InNotice(China(2026, 11, 3, 17)));
        Assert.False(application.InNotice(China(2026, 11, 3, 17, 1)));
    }

    [Fact]
    public void Notice_cannot_end_while_an_objection_is_pending_and_can_once_it_is_dismissed()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        var objection = Objection(application, China(2026, 10, 20, 10));
        application.Responses.Add(objection);
        Assert.Equal(1, application.OpenObjections);

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 11, 4, 0, 5), application)));
        Assert.Contains("公示期内有尚未处理的异议，须先作出处理", refused.UnmetGuards);
        Assert.DoesNotContain(refused.UnmetGuards, g => g.Contains("届满"));
        Assert.Equal(CaseState.NoticePeriod, c.State);

        objection.Decide(false, "货款已于公示前结清，有银行回单", Market.Name, China(2026, 11, 4, 9));
        Assert.Equal(0, application.OpenObjections);
        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 11, 4, 9, 5), application));
        Assert.Equal(CaseState.FinalReview, c.State);
    }

    [Fact]
    public void A_claim_is_not_an_objection_and_does_not_hold_the_notice()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        application.Responses.Add(new NoticeResponse(application, NoticeResponseKind.Claim, "王债权", "0632-1234567", "货款", 1200m, "claim-key-00001", China(2026, 10, 9, 10)));

        Assert.Equal(NoticeDecision.Recorded, application.Responses[0].Decision);
        Assert.Equal(0, application.OpenObjections);
        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 11, 3, 17, 1), application));
        Assert.Equal(CaseState.FinalReview, c.State);
    }

    [Fact]
    public async Task Only_the_system_or_market_supervision_may_end_the_notice()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        var after = China(2026, 11, 4, 9);

        foreach (var actor in new[] { Window, Applicant, Supervisor, Tax })
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.NoticeEnds, At(actor, after, application)));
            Assert.Contains(DeregistrationFlow.MarketOnly, refused.UnmetGuards);
        }

        Assert.Contains(CaseTrigger.NoticeEnds, await c.PermittedActionsAsync(At(Market, after, application)));
        Assert.Contains(CaseTrigger.NoticeEnds, await c.PermittedActionsAsync(At(CaseActor.System, after, application)));
        Assert.Equal(CaseState.NoticePeriod, c.State);
    }

    [Fact]
    public void System_ends_the_notice_after_it_and_the_review_is_due_one_working_day_after_the_notice_end()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));

        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 11, 3, 17, 1), application));

        Assert.Equal(CaseState.FinalReview, c.State);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        Assert.Equal(China(2026, 11, 4, 17), c.StepDueAt); // Tue 11/3 17:00 + 1 working day
        Assert.Equal("1个工作日", c.StepLimitText);
        Assert.Equal(CaseActor.System.Name, c.History[^1].ActorName);
        Assert.Equal(Window.UserId, c.OwnerId); // the system does not take ownership
    }

    [Fact]
    public void Review_deadline_stays_anchored_at_the_notice_end_when_the_notice_is_closed_late()
    {
        // Accepted Wed 9/2 → notice ends Wed 9/30 17:00 → the review is due on the first working day after 国庆节.
        var application = SimpleApplication(China(2026, 9, 2, 9));
        var c = Accepted(application, China(2026, 9, 2, 10));
        Assert.Equal(China(2026, 9, 30, 17), application.NoticeEndsAt);

        // The sweep only runs after the holiday, on Fri 10/9.
        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 10, 9, 10), application));

        Assert.Equal(CaseState.FinalReview, c.State);
        Assert.Equal(China(2026, 10, 8, 17), c.StepDueAt);
        Assert.Equal(China(2026, 10, 9, 10), c.StepStartedAt);
    }

    [Fact]
    public void Notice_ending_on_the_spring_festival_makeup_saturday_puts_the_review_after_the_festival()
    {
        // Mon 1/19: 1/20-23 (1-4), 1/26-30 (5-9), 2/2-6 (10-14), 2/9-13 (15-19), Sat 2/14 调休上班 (20).
        var application = SimpleApplication(China(2026, 1, 19, 9));
        var c = Accepted(application, China(2026, 1, 19, 10));
        Assert.Equal(China(2026, 2, 14, 17), application.NoticeEndsAt);

        // 2/15-2/23 春节: the one working day of the review is Tue 2/24.
        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 2, 14, 17, 30), application));
        Assert.Equal(China(2026, 2, 24, 17), c.StepDueAt);
    }

    [Fact]
    public async Task Completion_is_not_an_action_of_the_notice_period()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(Market, China(2026, 10, 9, 10), application)));
        Assert.Equal(CaseState.NoticePeriod, refused.State);
        Assert.Contains("核准注销登记", refused.Message);
        Assert.DoesNotContain(CaseTrigger.Complete, await c.PermittedActionsAsync(At(Market, China(2026, 10, 9, 10), application)));
        Assert.Equal(CaseState.NoticePeriod, c.State);
        Assert.Null(c.ClosedAt);
    }

    [Fact]
    public void Only_market_supervision_reviewer_approves_the_cancellation_in_final_review()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = InFinalReview(application);
        var now = China(2026, 11, 4, 10);

        foreach (var actor in new[] { Window, Applicant, Supervisor, Tax, CaseActor.System })
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(actor, now, application)));
            Assert.Contains("只有市场监管后台审批人员可以核准注销登记", refused.UnmetGuards);
            Assert.Equal(CaseState.FinalReview, c.State);
        }

        c.Fire(CaseTrigger.Complete, At(Market, now, application));

        Assert.Equal(CaseState.Completed, c.State);
        Assert.True(c.State.IsFinal());
        Assert.Equal(now, c.ClosedAt);
        Assert.Null(c.StepDueAt);
        Assert.Equal(nameof(CaseTrigger.Complete), c.History[^1].Action);
        Assert.Equal(Market.UserId, c.History[^1].ActorId);
    }

    [Fact]
    public async Task Upholding_an_objection_terminates_the_simple_route_for_market_supervision_only()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        var now = China(2026, 10, 20, 10);
        application.Responses.Add(Objection(application, China(2026, 10, 19, 10)));

        var noReason = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.UpholdObjection, At(Market, now, application)));
        Assert.Contains("认定异议成立须写明理由", noReason.UnmetGuards);

        foreach (var actor in new[] { Window, Applicant, Supervisor, CaseActor.System })
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.UpholdObjection, At(actor, now, application), Because("债务未清偿")));
            Assert.Contains(DeregistrationFlow.MarketOnly, refused.UnmetGuards);
        }

        Assert.Equal(CaseState.NoticePeriod, c.State);
        c.Fire(CaseTrigger.UpholdObjection, At(Market, now, application), Because("经核实企业尚有未清偿债务"));

        Assert.Equal(CaseState.Terminated, c.State);
        Assert.True(CaseStates.IsFinal(c.State));
        Assert.Equal(now, c.ClosedAt);
        Assert.Null(c.StepDueAt);
        Assert.Equal("经核实企业尚有未清偿债务", c.History[^1].Reason);
        Assert.Empty(await c.PermittedActionsAsync(At(Applicant, now, application), Because("x")));
    }

    [Fact]
    public void Upholding_needs_a_pending_objection()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        var now = China(2026, 10, 20, 10);

        var none = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.UpholdObjection, At(Market, now, application), Because("理由")));
        Assert.Contains("没有待处理的异议", none.UnmetGuards);

        var objection = Objection(application, China(2026, 10, 19, 10));
        application.Responses.Add(objection);
        objection.Decide(false, "不成立", Market.Name, China(2026, 10, 19, 15));
        var decided = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.UpholdObjection, At(Market, now, application), Because("理由")));
        Assert.Contains("没有待处理的异议", decided.UnmetGuards);
        Assert.Equal(CaseState.NoticePeriod, c.State);
    }

    [Fact]
    public void Return_for_correction_needs_a_reason_and_market_supervision()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = InFinalReview(application);
        var now = China(2026, 11, 4, 10);

        var noReason = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ReturnForCorrection, At(Market, now, application), Because("  ")));
        Assert.Contains("退回更正须写明需要更正的事项", noReason.UnmetGuards);
        var window = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ReturnForCorrection, At(Window, now, application), Because("承诺书签字有误")));
        Assert.Contains(DeregistrationFlow.MarketOnly, window.UnmetGuards);
        Assert.Equal(0, application.Corrections);
        Assert.Equal(CaseState.FinalReview, c.State);
    }

    [Fact]
    public void Correction_rounds_return_to_the_applicant_and_come_back_with_a_fresh_review_deadline_on_the_same_case()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = InFinalReview(application);
        Assert.Equal(China(2026, 11, 4, 17), c.StepDueAt);

        // Round 1: returned Wed 11/4, corrected Fri 11/6 14:00 → due Mon 11/9 17:00 (not anchored at the notice end).
        c.Fire(CaseTrigger.ReturnForCorrection, At(Market, China(2026, 11, 4, 10), application), Because("承诺书签字人不是法定代表人"));
        Assert.Equal(CaseState.AwaitingCorrection, c.State);
        Assert.Equal(Roles.Applicant, c.HolderRole);
        Assert.Equal(1, application.Corrections);
        Assert.Null(c.StepDueAt);

        var notApplicant = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Resubmit, At(OtherApplicant, China(2026, 11, 6, 14), application), Because("已更正")));
        Assert.Contains(DeregistrationFlow.ApplicantOnly, notApplicant.UnmetGuards);
        var noReason = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Resubmit, At(Applicant, China(2026, 11, 6, 14), application)));
        Assert.Contains("请说明已更正的内容", noReason.UnmetGuards);

        c.Fire(CaseTrigger.Resubmit, At(Applicant, China(2026, 11, 6, 14), application), Because("已由法定代表人重新签署承诺书"));
        Assert.Equal(CaseState.FinalReview, c.State);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        Assert.Equal(China(2026, 11, 9, 17), c.StepDueAt);

        // Round 2: returned Mon 11/9, corrected Mon 11/9 16:00 → due Tue 11/10 17:00.
        c.Fire(CaseTrigger.ReturnForCorrection, At(Market, China(2026, 11, 9, 11), application), Because("全体投资人承诺缺一人签字"));
        Assert.Equal(2, application.Corrections);
        c.Fire(CaseTrigger.Resubmit, At(Applicant, China(2026, 11, 9, 16), application), Because("已补齐全体投资人签字"));
        Assert.Equal(China(2026, 11, 10, 17), c.StepDueAt);

        c.Fire(CaseTrigger.Complete, At(Market, China(2026, 11, 10, 9), application));
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(2, c.History.Count(e => e.Action == nameof(CaseTrigger.ReturnForCorrection)));
        Assert.Equal(2, c.History.Count(e => e.Action == nameof(CaseTrigger.Resubmit)));
        Assert.Equal(
            ["Submit", "Accept", "NoticeEnds", "ReturnForCorrection", "Resubmit", "ReturnForCorrection", "Resubmit", "Complete"],
            c.History.Select(e => e.Action));
        Assert.All(c.History, e => Assert.Same(c, e.Case));
        Assert.Equal("承诺书签字人不是法定代表人", c.History[3].Reason);
        Assert.Equal("已补齐全体投资人签字", c.History[6].Reason);
    }

    [Fact]
    public void Resubmission_before_a_holiday_counts_its_review_day_after_the_holiday()
    {
        var application = SimpleApplication(China(2026, 9, 2, 9));
        var c = Accepted(application, China(2026, 9, 2, 10));
        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 9, 30, 17, 1), application));
        Assert.Equal(China(2026, 10, 8, 17), c.StepDueAt);
        c.Fire(CaseTrigger.ReturnForCorrection, At(Market, China(2026, 10, 8, 9), application), Because("企业名称有误"));

        // Resubmitted Fri 10/9 → next working day is Sat 10/10 (调休上班).
        c.Fire(CaseTrigger.Resubmit, At(Applicant, China(2026, 10, 9, 15), application), Because("已更正企业名称"));
        Assert.Equal(China(2026, 10, 10, 17), c.StepDueAt);
    }

    [Fact]
    public void Applicant_may_withdraw_during_the_notice_but_a_stranger_may_not()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        var stranger = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Withdraw, At(OtherApplicant, China(2026, 10, 9, 10), application)));
        Assert.Contains(DeregistrationFlow.ApplicantOnly, stranger.UnmetGuards);

        c.Fire(CaseTrigger.Withdraw, At(Applicant, China(2026, 10, 9, 10), application));
        Assert.Equal(CaseState.Withdrawn, c.State);
        Assert.True(c.State.IsFinal());
    }

    [Fact]
    public void Applicant_may_withdraw_while_awaiting_correction_but_not_during_the_review()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = InFinalReview(application);
        Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Withdraw, At(Applicant, China(2026, 11, 4, 9), application)));

        c.Fire(CaseTrigger.ReturnForCorrection, At(Market, China(2026, 11, 4, 10), application), Because("材料有误"));
        c.Fire(CaseTrigger.Withdraw, At(Applicant, China(2026, 11, 5, 10), application));

        Assert.Equal(CaseState.Withdrawn, c.State);
        Assert.Equal(China(2026, 11, 5, 10), c.ClosedAt);
    }

    [Fact]
    public void Final_review_is_marked_overdue_once_its_working_day_has_passed()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = InFinalReview(application);
        Assert.Equal(China(2026, 11, 4, 17), c.StepDueAt);

        Assert.False(c.MarkOverdue(China(2026, 11, 4, 17)));
        Assert.False(c.IsOverdue);

        Assert.True(c.MarkOverdue(China(2026, 11, 4, 17, 1)));
        Assert.True(c.IsOverdue);
        Assert.Equal(China(2026, 11, 4, 17, 1), c.OverdueSince);
        var mark = c.History[^1];
        Assert.Equal(Case.OverdueAction, mark.Action);
        Assert.Equal(CaseState.FinalReview, mark.ToState);
        Assert.Equal(CaseState.FinalReview, c.State);

        Assert.False(c.MarkOverdue(China(2026, 11, 5, 9))); // only once
        Assert.Single(c.History, e => e.Action == Case.OverdueAction);

        // A resubmission after a correction starts a fresh step that is no longer overdue.
        c.Fire(CaseTrigger.ReturnForCorrection, At(Market, China(2026, 11, 5, 9), application), Because("材料有误"));
        c.Fire(CaseTrigger.Resubmit, At(Applicant, China(2026, 11, 5, 10), application), Because("已更正"));
        Assert.False(c.IsOverdue);
        Assert.Null(c.OverdueSince);
    }

    [Fact]
    public void Review_reached_late_is_overdue_at_once_because_it_counts_from_the_notice_end()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));
        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 11, 5, 9), application));

        Assert.Equal(China(2026, 11, 4, 17), c.StepDueAt);
        Assert.True(c.MarkOverdue(China(2026, 11, 5, 9, 1)));
    }

    [Fact]
    public void Notice_period_and_the_review_are_not_marked_overdue_before_their_limits()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var c = Accepted(application, China(2026, 9, 30, 10));

        Assert.False(c.MarkOverdue(China(2026, 11, 3, 16)));
        Assert.Equal(CaseTrigger.NoticeEnds, new DeregistrationFlow(application).ExpiryOf(c.State));
        Assert.Null(new DeregistrationFlow(application).ExpiryOf(CaseState.FinalReview));
    }

    [Fact]
    public void Flow_holder_and_anchor_rules_of_the_simple_route()
    {
        var application = SimpleApplication(China(2026, 9, 30, 9));
        var flow = new DeregistrationFlow(application);

        Assert.Same(application, flow.Application);
        Assert.Equal(CaseState.NoticePeriod, flow.AcceptedState);
        Assert.Null(flow.HolderOf(CaseState.Submitted));
        Assert.Equal(Roles.Applicant, flow.HolderOf(CaseState.AwaitingCorrection));
        Assert.Null(flow.AnchorOf(CaseState.FinalReview)); // no notice opened yet

        application.OpenNotice(China(2026, 9, 30, 10), China(2026, 11, 3, 17), null);
        Assert.Equal(China(2026, 11, 3, 17), flow.AnchorOf(CaseState.FinalReview));
        Assert.Null(flow.AnchorOf(CaseState.NoticePeriod));
        Assert.Equal(PromiseKeys.SimpleDeregistrationCancel, SimpleService.ProcessLimitKey);
    }

    private static Case InFinalReview(DeregistrationApplication application)
    {
        // Accepted Wed 9/30 → notice to Tue 11/3 17:00 → ended by the system a minute later → review due Wed 11/4 17:00.
        var c = Accepted(application, China(2026, 9, 30, 10));
        c.Fire(CaseTrigger.NoticeEnds, At(CaseActor.System, China(2026, 11, 3, 17, 1), application));
        Assert.Equal(CaseState.FinalReview, c.State);
        return c;
    }
}
