using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Tests.Cases;

/// <summary>The shared case workflow, without a web host or database: every transition and guard.</summary>
public sealed class CaseWorkflowTests
{
    private static readonly TimeZoneInfo ChinaZone = DeadlineClock.ChinaStandardTime();
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, ChinaZone);
    private static readonly ServiceDefinition Service = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");

    private static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor OtherApplicant = new("applicant-2", "李华", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });
    private static readonly CaseActor Market = new("market-1", "市场监管审批员", new HashSet<string> { Department.Market.ReviewerRole() });
    private static readonly CaseActor Tax = new("tax-1", "税务审批员", new HashSet<string> { Department.Tax.ReviewerRole() });
    private static readonly CaseActor Supervisor = new("supervisor-1", "赵督查", new HashSet<string> { Roles.Supervisor });

    private static DateTime China(int month, int day, int hour, int minute = 0, int year = 2026) =>
        Clock.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    private static TimeLimit? Limits(string key) => PolicyProfiles.Taian.Find(key)?.Limit;

    private static CaseActionContext At(CaseActor actor, DateTime nowUtc) => new(actor, nowUtc, Clock, Limits, Service);

    private static Case Submitted(DateTime? at = null) =>
        Case.Submit("QYKB-20261123-000001", "测试公司设立登记", (Applicant.UserId, Applicant.Name), Channel.Online, At(Applicant, at ?? China(11, 23, 9)));

    [Fact]
    public void Submitting_starts_the_acceptance_step_with_a_stored_deadline_and_one_history_row()
    {
        var c = Submitted(China(11, 23, 9));

        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(Roles.Window, c.HolderRole);
        Assert.Equal(China(11, 24, 17), c.StepDueAt); // 1 working day: the day of submission does not count
        var e = Assert.Single(c.History);
        Assert.Equal("Submit", e.Action);
        Assert.Null(e.FromState);
        Assert.Equal(CaseState.Submitted, e.ToState);
        Assert.Equal(c.StepDueAt, e.DueAt);
    }

    [Fact]
    public void Window_accepts_and_the_processing_step_gets_the_profile_limit_in_office_hours()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 10, 30)));

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        Assert.Equal(China(11, 23, 15, 30), c.StepDueAt); // 泰安: 4 office hours, lunch 12:00-13:00 excluded
        Assert.Equal(240, c.StepLimitMinutes);
        Assert.Equal(China(11, 23, 14, 30), c.StepWarnAt); // 75% of 240 minutes = 180 minutes
        Assert.Equal(China(11, 23, 10, 30), c.AcceptedAt);
        Assert.Equal(Window.UserId, c.OwnerId); // 首问负责: the first staff member who handled it
        Assert.Equal(2, c.History.Count);
    }

    [Fact]
    public void Processing_limit_started_before_a_holiday_ends_after_it()
    {
        var c = Submitted(China(9, 30, 15));
        c.Fire(CaseTrigger.Accept, At(Window, China(9, 30, 15)));

        // 15:00-17:00 on 30 September, then 1-7 October are holidays: the remaining 2 hours fall on 8 October.
        Assert.Equal(China(10, 8, 11), c.StepDueAt);
    }

    [Fact]
    public void Window_clerk_cannot_reject_without_supervisor()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.ProposeRejection, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "经营范围含前置许可事项" });
        Assert.Equal(CaseState.RejectionProposed, c.State);
        Assert.Equal(Roles.Supervisor, c.HolderRole);

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ApproveRejection, At(Window, China(11, 23, 11))));
        Assert.Contains(CaseWorkflow.WindowCannotRejectRule, refused.UnmetGuards);
        Assert.Equal(CaseState.RejectionProposed, c.State);

        c.Fire(CaseTrigger.ApproveRejection, At(Supervisor, China(11, 23, 11)));
        Assert.Equal(CaseState.Rejected, c.State);
        Assert.Null(c.StepDueAt);
    }

    [Fact]
    public async Task A_window_cannot_reject_directly_there_is_no_such_action()
    {
        var c = Submitted();
        var actions = await c.PermittedActionsAsync(At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "x" });
        Assert.DoesNotContain(CaseTrigger.ApproveRejection, actions);
        Assert.Contains(CaseTrigger.ProposeRejection, actions);
    }

    [Fact]
    public void Rejection_proposal_needs_a_reason()
    {
        var c = Submitted();
        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ProposeRejection, At(Window, China(11, 23, 10))));
        Assert.Contains("提出不予受理须写明理由", refused.UnmetGuards);
    }

    [Fact]
    public void Supervisor_dismissing_a_proposal_returns_the_case_to_where_it_was()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));
        c.Fire(CaseTrigger.ProposeRejection, At(Market, China(11, 23, 10)), new CaseActionArgs { Reason = "名称与已有企业近似" });
        c.Fire(CaseTrigger.DismissRejection, At(Supervisor, China(11, 23, 11)), new CaseActionArgs { Reason = "名称不构成近似" });

        Assert.Equal(CaseState.InProgress, c.State);
    }

    [Fact]
    public void A_dismissed_rejection_proposal_resumes_the_acceptance_clock_where_it_stood()
    {
        // Submitted Monday 09:00: 1 working day to accept, due Tuesday 17:00.
        var c = Submitted(China(11, 23, 9));
        Assert.Equal(China(11, 24, 17), c.StepDueAt);

        // The window proposes a rejection on Tuesday at 16:00 with one office hour left; the supervisor takes until Friday.
        c.Fire(CaseTrigger.ProposeRejection, At(Window, China(11, 24, 16)), new CaseActionArgs { Reason = "名称近似" });
        c.Fire(CaseTrigger.DismissRejection, At(Supervisor, China(11, 27, 10)), new CaseActionArgs { Reason = "名称不构成近似" });

        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(China(11, 27, 11), c.StepDueAt); // the hour that was left, not a fresh working day (Monday 17:00)
        Assert.Equal(China(11, 27, 10), c.StepWarnAt); // 75% was already used: yellow at once
        Assert.False(c.IsOverdue);
        Assert.Equal(c.StepDueAt, c.History[^1].DueAt); // the timeline shows the resumed deadline
    }

    [Fact]
    public void A_case_that_was_late_when_the_rejection_was_proposed_stays_late_after_the_dismissal()
    {
        var c = Submitted(China(11, 23, 9));
        Assert.True(c.MarkOverdue(China(11, 25, 9))); // the sweep: 受理 was due Tuesday 17:00
        var since = c.OverdueSince;

        c.Fire(CaseTrigger.ProposeRejection, At(Window, China(11, 25, 10)), new CaseActionArgs { Reason = "名称近似" });
        Assert.False(c.IsOverdue); // the supervisor's own step is on time
        c.Fire(CaseTrigger.DismissRejection, At(Supervisor, China(11, 25, 11)), new CaseActionArgs { Reason = "名称不构成近似" });

        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(China(11, 24, 17), c.StepDueAt); // the original deadline, already past
        Assert.True(c.IsOverdue);
        Assert.Equal(since, c.OverdueSince);
        Assert.False(c.MarkOverdue(China(11, 25, 12))); // marked once: no second "超过承诺时限" in the history
        Assert.Single(c.History, e => e.Action == Case.OverdueAction);
    }

    [Fact]
    public void A_case_late_but_not_yet_swept_when_proposed_is_left_to_the_sweep_after_the_dismissal()
    {
        var c = Submitted(China(11, 23, 9));
        c.Fire(CaseTrigger.ProposeRejection, At(Window, China(11, 25, 10)), new CaseActionArgs { Reason = "名称近似" });
        c.Fire(CaseTrigger.DismissRejection, At(Supervisor, China(11, 25, 11)), new CaseActionArgs { Reason = "名称不构成近似" });

        Assert.Equal(China(11, 24, 17), c.StepDueAt);
        Assert.True(c.MarkOverdue(China(11, 25, 11, 1)));
    }

    [Fact]
    public void A_dismissed_proposal_during_processing_resumes_the_processing_clock_and_a_recount_keeps_it()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9)));                       // 泰安: 4 office hours → 14:00
        c.Fire(CaseTrigger.ProposeRejection, At(Market, China(11, 23, 10)), new CaseActionArgs { Reason = "经营范围含前置许可事项" });
        c.Fire(CaseTrigger.DismissRejection, At(Supervisor, China(11, 24, 9)), new CaseActionArgs { Reason = "许可可后置" });

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(China(11, 24, 12), c.StepDueAt); // 3 office hours were left at 10:00: 09:00-12:00 Tuesday
        Assert.Equal(240, c.StepLimitMinutes);

        // Counting the step again (a holiday change) replays the same interruption, not a fresh limit from the dismissal.
        Assert.Null(c.Reschedule(At(CaseActor.System, China(11, 24, 9, 30)), Case.CalendarChangeReason));
        Assert.Equal(China(11, 24, 12), c.StepDueAt);
    }

    [Fact]
    public void A_tolerance_acceptance_tells_the_commitment_date_in_local_time_in_the_history()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.AcceptWithMissing, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "住所产权证明", CommitmentDueUtc = China(11, 30, 17) });

        Assert.Equal("住所产权证明（申请人承诺于2026年11月30日 17:00前补齐）", c.History[^1].Reason);
        Assert.Equal("住所产权证明", c.ToleranceItem);
    }

    [Fact]
    public void Second_supplement_request_is_refused_without_supervisor_override()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.RequestSupplement, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "1. 公司章程\n2. 住所证明" });
        c.Fire(CaseTrigger.SubmitSupplement, At(Applicant, China(11, 23, 14)));
        Assert.Equal(CaseState.Submitted, c.State);

        var refused = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RequestSupplement, At(Window, China(11, 23, 15)), new CaseActionArgs { Reason = "再补一份" }));
        Assert.Contains(CaseWorkflow.SupplementOnceRule, refused.UnmetGuards);

        c.Fire(CaseTrigger.RequestSupplement, At(Supervisor, China(11, 23, 15)), new CaseActionArgs { Reason = "股东会决议（督查批准再次补正）", SupervisorOverride = true });
        Assert.Equal(CaseState.AwaitingSupplement, c.State);
        Assert.Equal(2, c.SupplementCount);
    }

    [Fact]
    public void Supplement_pauses_the_clock_and_resuming_keeps_the_office_time_that_was_left()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9)));            // due 13:00... 4 office hours → 14:00
        Assert.Equal(China(11, 23, 14), c.StepDueAt);

        c.Fire(CaseTrigger.RequestSupplement, At(Market, China(11, 23, 10)), new CaseActionArgs { Reason = "补充股东身份证明" });
        Assert.Equal(CaseState.AwaitingSupplement, c.State);
        Assert.Null(c.StepDueAt);
        Assert.Equal(180, c.PausedRemainingMinutes);
        Assert.Equal(Roles.Applicant, c.HolderRole);

        // The applicant answers on Friday afternoon; the 3 hours left run 16:00-17:00 Friday and 09:00-11:00 Monday.
        c.Fire(CaseTrigger.SubmitSupplement, At(Applicant, China(11, 27, 16)));
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(China(11, 30, 11), c.StepDueAt);
        Assert.Null(c.PausedAt);
    }

    [Fact]
    public void Tolerance_acceptance_records_the_missing_item_and_commitment_date()
    {
        var c = Submitted();
        var due = China(11, 30, 17);
        c.Fire(CaseTrigger.AcceptWithMissing, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "住所产权证明", CommitmentDueUtc = due });

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal("住所产权证明", c.ToleranceItem);
        Assert.Equal(due, c.ToleranceDueAt);
    }

    [Fact]
    public void Tolerance_acceptance_without_a_future_commitment_date_is_refused()
    {
        var c = Submitted();
        var refused = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.AcceptWithMissing, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "住所产权证明", CommitmentDueUtc = China(11, 20, 17) }));
        Assert.Contains("容缺受理须有申请人承诺补齐的日期（晚于现在）", refused.UnmetGuards);
    }

    [Fact]
    public void Only_the_holding_department_completes_a_case()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9)));

        var byTax = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(Tax, China(11, 23, 10))));
        Assert.Contains("只有市场监管后台审批人员可以办结", byTax.UnmetGuards);
        Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(Window, China(11, 23, 10))));

        c.Fire(CaseTrigger.Complete, At(Market, China(11, 23, 10)));
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(China(11, 23, 10), c.ClosedAt);
        Assert.Equal("", c.HolderRole);
    }

    [Fact]
    public void A_service_completion_guard_blocks_completion_with_its_own_sentence()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9)));
        var context = At(Market, China(11, 23, 10)) with { CompletionGuards = [(() => false, "印章刻制尚未办结")] };

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, context));
        Assert.Equal(["印章刻制尚未办结"], refused.UnmetGuards);
    }

    [Fact]
    public void Only_the_applicant_side_withdraws_or_answers_a_supplement()
    {
        var c = Submitted();
        Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Withdraw, At(OtherApplicant, China(11, 23, 10))));
        c.Fire(CaseTrigger.RequestSupplement, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "章程" });
        Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.SubmitSupplement, At(Window, China(11, 23, 11))));
        c.Fire(CaseTrigger.Withdraw, At(Applicant, China(11, 23, 11)));
        Assert.Equal(CaseState.Withdrawn, c.State);
    }

    [Fact]
    public async Task Final_states_permit_nothing()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Withdraw, At(Applicant, China(11, 23, 10)));
        foreach (var actor in new[] { Applicant, Window, Market, Supervisor })
        {
            Assert.Empty(await c.PermittedActionsAsync(At(actor, China(11, 23, 11)), new CaseActionArgs { Reason = "x", SupervisorOverride = true }));
        }

        Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 11))));
    }

    [Fact]
    public void An_illegal_transition_explains_itself_in_chinese()
    {
        var c = Submitted();
        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(Market, China(11, 23, 10))));
        Assert.Contains("待受理", refused.Message);
        Assert.Contains("办结", refused.Message);
    }

    [Fact]
    public void Marking_overdue_happens_once_and_only_after_the_deadline()
    {
        var c = Submitted(China(11, 23, 9));
        Assert.False(c.MarkOverdue(China(11, 24, 16)));
        Assert.True(c.MarkOverdue(China(11, 24, 17, 1)));
        Assert.False(c.MarkOverdue(China(11, 24, 18)));
        Assert.True(c.IsOverdue);
        Assert.Equal("Overdue", c.History[^1].Action);

        c.Fire(CaseTrigger.Accept, At(Window, China(11, 25, 9)));
        Assert.False(c.IsOverdue); // a new step starts with a new deadline
    }

    [Fact]
    public void Every_transition_writes_who_when_from_to_and_why()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.RequestSupplement, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "章程" });
        var e = c.History[^1];
        Assert.Equal(Window.UserId, e.ActorId);
        Assert.Equal("王芳", e.ActorName);
        Assert.Equal("窗口工作人员", e.ActorRole);
        Assert.Equal(China(11, 23, 10), e.At);
        Assert.Equal(CaseState.Submitted, e.FromState);
        Assert.Equal(CaseState.AwaitingSupplement, e.ToState);
        Assert.Equal("章程", e.Reason);
        Assert.Equal("一次性告知补正", e.ActionLabel);
    }

    [Fact]
    public void Staff_filing_for_an_applicant_is_recorded_as_assisted()
    {
        var c = Case.Submit("QYKB-20261123-000002", "代办", (Applicant.UserId, Applicant.Name), Channel.Online, At(Window, China(11, 23, 9)));
        Assert.True(c.FiledOnBehalf);
        Assert.Equal(Channel.Assisted, c.Channel);
        Assert.Equal(Window.UserId, c.FiledById);
        Assert.Contains("代为提交", c.History[0].ActionLabel);
    }

    [Fact]
    public void The_workflow_description_names_every_shared_state_with_its_limit()
    {
        var info = CaseWorkflow.Describe(Service, Limits);

        CaseState[] shared = [CaseState.Submitted, CaseState.InProgress, CaseState.AwaitingSupplement, CaseState.RejectionProposed, CaseState.Rejected, CaseState.Completed, CaseState.Withdrawn];
        Assert.Equal(shared.Select(s => s.ToString()).Order(), info.States.Select(s => s.Key).Order());
        Assert.All(shared, s => Assert.Equal(s.Label(), info.Find(s.ToString())!.Label));
        Assert.Equal(CaseState.Submitted.ToString(), info.Initial.Key);
        Assert.Equal(new TimeLimit(4, TimeUnit.OfficeHours), info.Find(nameof(CaseState.InProgress))!.Limit); // 泰安
        Assert.Equal("办理时限（承诺时限清单）", info.Find(nameof(CaseState.InProgress))!.LimitDescription);
        Assert.Equal(new TimeLimit(1, TimeUnit.WorkingDays), info.Find(nameof(CaseState.Submitted))!.Limit);
        Assert.True(info.Find(nameof(CaseState.Completed))!.IsFinal);
        Assert.Contains(info.Initial.Transitions, t => t.TriggerLabel == "受理" && t.DestinationKey == nameof(CaseState.InProgress) && t.Guards.SequenceEqual(["只有窗口工作人员可以受理"]));
    }
}
