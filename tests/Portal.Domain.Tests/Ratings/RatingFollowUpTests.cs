using Portal.Domain.Cases;
using Portal.Domain.Ratings;
using Portal.Workflow;
using static Portal.Domain.Tests.Ratings.RatingKit;

namespace Portal.Domain.Tests.Ratings;

/// <summary>
/// The 差评 loop as a state machine (评价 → 回访 → 核实 → 整改 → 反馈 → 复核 once): every transition, every guard, the
/// due date from the working-day calendar (across 中秋 and 国庆 2026), and lateness.
/// </summary>
public sealed class RatingFollowUpTests
{
    private const string SupervisorOnly = "只有督查人员可以处理差评";
    private const string RaterOnly = "只有评价人本人可以操作";
    private const string AppealOnly = "只能随申诉结果结束";

    private static readonly DateTime Opened = ChinaUtc(2026, 9, 23, 10);

    /// <summary>15 working days from Wednesday 23 September 2026: 中秋 (25-27 Sep) and 国庆 (1-7 Oct) do not count, Saturday 10 October does.</summary>
    private static readonly DateTime Due = ChinaUtc(2026, 10, 21, 17);

    private static readonly DateTime Later = ChinaUtc(2026, 9, 24, 9, 30);

    private static RatingFollowUp.Args Text(string text) => new(Text: text);

    private static RatingFollowUp InRectifying(bool anonymous = false)
    {
        var f = OpenFollowUp(anonymous);
        if (!anonymous)
        {
            f.Fire(FollowUpTrigger.RecordVisit, Supervisor, Later, Text("已电话回访"));
        }

        f.Fire(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args("情况属实", Finding.True));
        return f;
    }

    private static RatingFollowUp AwaitingRater(DateTime? at = null)
    {
        var f = InRectifying();
        f.Fire(FollowUpTrigger.Rectify, Supervisor, at ?? ChinaUtc(2026, 9, 28, 11), Text("已对窗口人员批评教育，流程已优化"));
        return f;
    }

    private static RatingFollowUp Reviewing()
    {
        var f = AwaitingRater();
        f.Fire(FollowUpTrigger.RequestReview, Applicant, ChinaUtc(2026, 9, 29, 9), new RatingFollowUp.Args("整改只是口头的", Satisfaction: RectificationSatisfaction.Dissatisfied), isRater: true);
        return f;
    }

    [Fact]
    public void A_real_name_bad_rating_starts_with_the_return_visit_due_in_15_working_days_across_the_holidays()
    {
        var f = OpenFollowUp(anonymous: false);

        Assert.Equal(FollowUpState.AwaitingVisit, f.State);
        Assert.Equal(Opened, f.OpenedAt);
        Assert.Equal(Due, f.DueAt);
        Assert.Equal("15个工作日", f.LimitText);
        Assert.Equal("Market", f.Unit);
        Assert.True(f.IsOpen);
        Assert.Null(f.ClosedAt);
        Assert.Equal("待回访", RatingFollowUp.Label(f.State));
    }

    [Fact]
    public void An_anonymous_bad_rating_has_nobody_to_call_back_and_starts_at_verification()
    {
        var f = OpenFollowUp(anonymous: true);

        Assert.Equal(FollowUpState.Verifying, f.State);
        Assert.Equal(Due, f.DueAt);
        var ex = f.Refused(FollowUpTrigger.RecordVisit, Supervisor, Later, Text("回访"));
        Assert.Empty(ex.UnmetGuards);
        Assert.Contains("待核实", ex.Message);
    }

    [Fact]
    public void A_due_date_counts_only_working_days_and_ends_at_the_close_of_office()
    {
        // Friday 25 September is 中秋: a rating given then counts from Monday 28 September.
        var rating = Online(RatingLevel.Dissatisfied, at: ChinaUtc(2026, 9, 25, 15));
        var f = RatingFollowUp.Open(rating, Clock, new TimeLimit(5, TimeUnit.WorkingDays), rating.CreatedAt);

        // 28, 29, 30 September, then 8 and 9 October.
        Assert.Equal(ChinaUtc(2026, 10, 9, 17), f.DueAt);
        Assert.Equal("5个工作日", f.LimitText);
    }

    [Fact]
    public void Return_visit_by_a_supervisor_with_notes_moves_on_to_verification()
    {
        var f = OpenFollowUp();

        f.Fire(FollowUpTrigger.RecordVisit, Supervisor, Later, Text("  已电话回访，评价人反映窗口要求重复提交材料  "));

        Assert.Equal(FollowUpState.Verifying, f.State);
        Assert.Equal(Later, f.VisitedAt);
        Assert.Equal("已电话回访，评价人反映窗口要求重复提交材料", f.VisitNotes);
        Assert.Equal("督查甲", f.HandledByName);
    }

    [Fact]
    public void Return_visit_is_refused_to_staff_who_are_not_supervisors_and_without_notes()
    {
        var f = OpenFollowUp();

        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.RecordVisit, Clerk, Later, Text("已回访")).UnmetGuards);
        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.RecordVisit, Admin, Later, Text("已回访")).UnmetGuards);
        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.RecordVisit, Applicant, Later, Text("已回访"), isRater: true).UnmetGuards);
        Assert.Contains("请填写回访情况", f.Refused(FollowUpTrigger.RecordVisit, Supervisor, Later, Text("   ")).UnmetGuards);
        Assert.Contains("请填写回访情况", f.Refused(FollowUpTrigger.RecordVisit, Supervisor, Later).UnmetGuards);
        Assert.Null(f.VisitedAt);
    }

    [Fact]
    public void Verification_cannot_be_skipped_before_the_return_visit()
    {
        var f = OpenFollowUp();

        f.Refused(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args("属实", Finding.True));
        f.Refused(FollowUpTrigger.Rectify, Supervisor, Later, new RatingFollowUp.Args("不属实", Finding.NotTrue));
        f.Refused(FollowUpTrigger.RaterResponds, Applicant, Later, new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Satisfied), isRater: true);
    }

    [Theory]
    [InlineData(Finding.True, "属实")]
    [InlineData(Finding.PartlyTrue, "部分属实")]
    public void Verified_true_or_partly_true_goes_to_rectification(Finding finding, string label)
    {
        var f = OpenFollowUp(anonymous: true);

        f.Fire(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args("调阅监控，情况属实", finding));

        Assert.Equal(FollowUpState.Rectifying, f.State);
        Assert.Equal(finding, f.Finding);
        Assert.Equal(label, RatingFollowUp.Label(f.Finding!.Value));
        Assert.Equal("调阅监控，情况属实", f.FindingNotes);
        Assert.Equal(Later, f.VerifiedAt);
        Assert.Null(f.Result);
        Assert.Null(f.ResultAt);
    }

    [Fact]
    public void Verification_is_refused_when_not_true_without_notes_or_by_non_supervisors()
    {
        var f = OpenFollowUp(anonymous: true);

        Assert.Contains("核实属实或部分属实的才需整改", f.Refused(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args("不属实", Finding.NotTrue)).UnmetGuards);
        Assert.Contains("核实属实或部分属实的才需整改", f.Refused(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args("没选结论")).UnmetGuards);
        Assert.Contains("请填写核实情况", f.Refused(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args(" ", Finding.True)).UnmetGuards);
        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.Verify, Clerk, Later, new RatingFollowUp.Args("属实", Finding.True)).UnmetGuards);
        Assert.Null(f.Finding);
    }

    [Fact]
    public void Found_not_true_the_explanation_goes_straight_back_to_the_rater()
    {
        var f = OpenFollowUp(anonymous: true);
        var at = ChinaUtc(2026, 9, 24, 15);

        f.Fire(FollowUpTrigger.Rectify, Supervisor, at, new RatingFollowUp.Args("经调阅录像，窗口已一次性告知所需材料", Finding.NotTrue));

        Assert.Equal(FollowUpState.AwaitingRater, f.State);
        Assert.Equal(Finding.NotTrue, f.Finding);
        Assert.Equal("经调阅录像，窗口已一次性告知所需材料", f.FindingNotes);
        Assert.Equal("经调阅录像，窗口已一次性告知所需材料", f.Result);
        Assert.Equal(at, f.VerifiedAt);
        Assert.Equal(at, f.ResultAt);
        Assert.False(f.IsLate(ChinaUtc(2026, 12, 1, 9)));
    }

    [Fact]
    public void The_not_true_explanation_is_refused_for_a_true_finding_and_without_text()
    {
        var f = OpenFollowUp(anonymous: true);

        Assert.Contains("核实不属实的，直接向评价人说明", f.Refused(FollowUpTrigger.Rectify, Supervisor, Later, new RatingFollowUp.Args("说明", Finding.True)).UnmetGuards);
        Assert.Contains("请填写核实情况及说明", f.Refused(FollowUpTrigger.Rectify, Supervisor, Later, new RatingFollowUp.Args("", Finding.NotTrue)).UnmetGuards);
        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.Rectify, Clerk, Later, new RatingFollowUp.Args("不属实", Finding.NotTrue)).UnmetGuards);
    }

    [Fact]
    public void The_rectification_result_by_a_supervisor_goes_back_to_the_rater()
    {
        var f = InRectifying();
        var at = ChinaUtc(2026, 9, 28, 11);

        Assert.Contains("请填写整改结果", f.Refused(FollowUpTrigger.Rectify, Supervisor, at, Text("  ")).UnmetGuards);
        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.Rectify, Clerk, at, Text("我自己整改好了")).UnmetGuards);
        f.Fire(FollowUpTrigger.Rectify, OtherSupervisor, at, Text("已对窗口人员批评教育"));

        Assert.Equal(FollowUpState.AwaitingRater, f.State);
        Assert.Equal("已对窗口人员批评教育", f.Result);
        Assert.Equal(at, f.ResultAt);
        Assert.Equal(Finding.True, f.Finding);
        Assert.Equal("督查乙", f.HandledByName);
    }

    [Theory]
    [InlineData(RectificationSatisfaction.Satisfied)]
    [InlineData(RectificationSatisfaction.Basic)]
    [InlineData(RectificationSatisfaction.Dissatisfied)]
    public void The_rater_rates_the_result_and_the_follow_up_closes(RectificationSatisfaction satisfaction)
    {
        var f = AwaitingRater();
        var at = ChinaUtc(2026, 9, 29, 9);

        f.Fire(FollowUpTrigger.RaterResponds, CaseActor.Public, at, new RatingFollowUp.Args("谢谢", Satisfaction: satisfaction), isRater: true);

        Assert.Equal(FollowUpState.Closed, f.State);
        Assert.Equal(satisfaction, f.RaterSatisfaction);
        Assert.Equal("谢谢", f.RaterRemark);
        Assert.Equal(at, f.ClosedAt);
        Assert.False(f.IsOpen);
        Assert.False(f.ReviewRequested);
        // The rater is no staff member: the supervisor who handled it stays recorded.
        Assert.Equal("督查甲", f.HandledByName);
    }

    [Fact]
    public void Only_the_rater_answers_and_only_with_a_satisfaction()
    {
        var f = AwaitingRater();

        Assert.Contains(RaterOnly, f.Refused(FollowUpTrigger.RaterResponds, Supervisor, Later, new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Satisfied)).UnmetGuards);
        Assert.Contains(RaterOnly, f.Refused(FollowUpTrigger.RequestReview, Supervisor, Later, new RatingFollowUp.Args("复核", Satisfaction: RectificationSatisfaction.Dissatisfied)).UnmetGuards);
        Assert.Contains("请选择对整改结果的评价", f.Refused(FollowUpTrigger.RaterResponds, Applicant, Later, new RatingFollowUp.Args("好"), isRater: true).UnmetGuards);
        Assert.Null(f.RaterSatisfaction);
    }

    [Fact]
    public void A_review_needs_dissatisfaction_and_a_reason()
    {
        var f = AwaitingRater();

        Assert.Contains("对整改结果不满意的才可申请复核", f.Refused(FollowUpTrigger.RequestReview, Applicant, Later, new RatingFollowUp.Args("复核", Satisfaction: RectificationSatisfaction.Basic), isRater: true).UnmetGuards);
        Assert.Contains("请写明申请复核的理由", f.Refused(FollowUpTrigger.RequestReview, Applicant, Later, new RatingFollowUp.Args(" ", Satisfaction: RectificationSatisfaction.Dissatisfied), isRater: true).UnmetGuards);
    }

    [Fact]
    public void The_rater_asks_for_a_review_once()
    {
        var f = Reviewing();

        Assert.Equal(FollowUpState.Reviewing, f.State);
        Assert.True(f.ReviewRequested);
        Assert.Equal("整改只是口头的", f.ReviewReason);
        Assert.Equal(RectificationSatisfaction.Dissatisfied, f.RaterSatisfaction);
        Assert.True(f.IsOpen);

        // A new result after the reopened rectification: the rater may rate it but not ask again.
        f.Fire(FollowUpTrigger.Reopen, OtherSupervisor, ChinaUtc(2026, 9, 29, 10), new RatingFollowUp.Args("整改不到位，重新整改", NewLimit: new TimeLimit(5, TimeUnit.WorkingDays), Clock: Clock));
        f.Fire(FollowUpTrigger.Rectify, Supervisor, ChinaUtc(2026, 9, 30, 10), Text("已书面整改并公示"));
        Assert.Equal(FollowUpState.AwaitingRater, f.State);

        var again = f.Refused(FollowUpTrigger.RequestReview, Applicant, ChinaUtc(2026, 9, 30, 11), new RatingFollowUp.Args("还是不满意", Satisfaction: RectificationSatisfaction.Dissatisfied), isRater: true);
        Assert.Contains("复核只能申请一次", again.UnmetGuards);

        f.Fire(FollowUpTrigger.RaterResponds, Applicant, ChinaUtc(2026, 9, 30, 11), new RatingFollowUp.Args("还是不满意", Satisfaction: RectificationSatisfaction.Dissatisfied), isRater: true);
        Assert.Equal(FollowUpState.Closed, f.State);
        Assert.Equal("整改只是口头的", f.ReviewReason);
    }

    [Fact]
    public void Reopening_sets_a_new_due_date_from_the_working_day_calendar_across_national_day()
    {
        var f = Reviewing();
        var at = ChinaUtc(2026, 9, 30, 16);

        f.Fire(FollowUpTrigger.Reopen, OtherSupervisor, at, new RatingFollowUp.Args("整改不到位", NewLimit: new TimeLimit(5, TimeUnit.WorkingDays), Clock: Clock));

        Assert.Equal(FollowUpState.Rectifying, f.State);
        // 国庆 1-7 October off, Saturday 10 October a working day: 8, 9, 10, 12, 13 October.
        Assert.Equal(ChinaUtc(2026, 10, 13, 17), f.DueAt);
        Assert.Equal("5个工作日", f.LimitText);
        Assert.Null(f.ResultAt);
        Assert.Null(f.RaterSatisfaction);
        Assert.Equal("督查乙", f.HandledByName);
        // The superseded result and the review's opinion stay in the notes; the rater sees no stale reply.
        Assert.Null(f.Result);
        Assert.Equal("情况属实\n复核（2026年9月30日）：整改不到位；原处理结果：已对窗口人员批评教育，流程已优化", f.FindingNotes);
        Assert.False(f.IsLate(ChinaUtc(2026, 10, 13, 16, 59)));
        Assert.True(f.IsLate(ChinaUtc(2026, 10, 13, 17, 1)));
    }

    [Fact]
    public void Reopening_needs_a_supervisor_an_opinion_and_a_limit()
    {
        var f = Reviewing();
        var limit = new TimeLimit(15, TimeUnit.WorkingDays);

        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.Reopen, Clerk, Later, new RatingFollowUp.Args("重新整改", NewLimit: limit, Clock: Clock)).UnmetGuards);
        Assert.Contains("请写明复核意见", f.Refused(FollowUpTrigger.Reopen, Supervisor, Later, new RatingFollowUp.Args("", NewLimit: limit, Clock: Clock)).UnmetGuards);
        Assert.Contains("缺少整改时限", f.Refused(FollowUpTrigger.Reopen, Supervisor, Later, new RatingFollowUp.Args("重新整改", Clock: Clock)).UnmetGuards);
        Assert.Contains("缺少整改时限", f.Refused(FollowUpTrigger.Reopen, Supervisor, Later, new RatingFollowUp.Args("重新整改", NewLimit: limit)).UnmetGuards);
        Assert.Contains(SupervisorOnly, f.Refused(FollowUpTrigger.ConfirmResult, Applicant, Later, Text("维持"), isRater: true).UnmetGuards);
        Assert.Contains("请写明复核意见", f.Refused(FollowUpTrigger.ConfirmResult, Supervisor, Later, Text(" ")).UnmetGuards);
    }

    [Fact]
    public void Confirming_the_result_on_review_closes_the_follow_up()
    {
        var f = Reviewing();
        var at = ChinaUtc(2026, 9, 30, 10);

        f.Fire(FollowUpTrigger.ConfirmResult, OtherSupervisor, at, Text("整改已到位，维持原处理结果"));

        Assert.Equal(FollowUpState.Closed, f.State);
        Assert.Equal(at, f.ClosedAt);
        Assert.Equal("督查乙", f.HandledByName);
        Assert.Equal("已对窗口人员批评教育，流程已优化", f.Result);
        Assert.Equal("情况属实\n复核维持原处理结果：整改已到位，维持原处理结果", f.FindingNotes);
    }

    [Theory]
    [InlineData(FollowUpState.AwaitingVisit)]
    [InlineData(FollowUpState.Verifying)]
    [InlineData(FollowUpState.Rectifying)]
    [InlineData(FollowUpState.AwaitingRater)]
    [InlineData(FollowUpState.Reviewing)]
    public void Only_the_system_closes_a_follow_up_by_an_upheld_appeal_in_any_open_state(FollowUpState state)
    {
        var f = state switch
        {
            FollowUpState.AwaitingVisit => OpenFollowUp(),
            FollowUpState.Verifying => OpenFollowUp(anonymous: true),
            FollowUpState.Rectifying => InRectifying(),
            FollowUpState.AwaitingRater => AwaitingRater(),
            _ => Reviewing(),
        };
        Assert.Equal(state, f.State);
        var handledBy = f.HandledByName;

        Assert.Contains(AppealOnly, f.Refused(FollowUpTrigger.CloseByAppeal, Supervisor, Later).UnmetGuards);
        Assert.Contains(AppealOnly, f.Refused(FollowUpTrigger.CloseByAppeal, Applicant, Later, isRater: true).UnmetGuards);
        f.Fire(FollowUpTrigger.CloseByAppeal, CaseActor.System, ChinaUtc(2026, 10, 9, 10));

        Assert.Equal(FollowUpState.Closed, f.State);
        Assert.Equal(ChinaUtc(2026, 10, 9, 10), f.ClosedAt);
        Assert.Equal(handledBy, f.HandledByName);
    }

    [Fact]
    public void A_closed_follow_up_accepts_nothing_more()
    {
        var f = AwaitingRater();
        f.Fire(FollowUpTrigger.RaterResponds, Applicant, ChinaUtc(2026, 9, 29, 9), new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Satisfied), isRater: true);

        foreach (var trigger in Enum.GetValues<FollowUpTrigger>())
        {
            var actor = trigger == FollowUpTrigger.CloseByAppeal ? CaseActor.System : Supervisor;
            var ex = f.Refused(trigger, actor, ChinaUtc(2026, 9, 30, 9), new RatingFollowUp.Args("再来", Finding.True, RectificationSatisfaction.Dissatisfied, Fifteen, Clock), isRater: true);
            Assert.Contains("已办结", ex.Message);
        }

        Assert.Equal(RectificationSatisfaction.Satisfied, f.RaterSatisfaction);
        Assert.Equal(ChinaUtc(2026, 9, 29, 9), f.ClosedAt);
    }

    [Fact]
    public void Triggers_out_of_order_are_refused_in_each_state()
    {
        var visit = OpenFollowUp();
        visit.Refused(FollowUpTrigger.Reopen, Supervisor, Later, new RatingFollowUp.Args("x", NewLimit: Fifteen, Clock: Clock));
        visit.Refused(FollowUpTrigger.ConfirmResult, Supervisor, Later, Text("x"));
        visit.Refused(FollowUpTrigger.RequestReview, Applicant, Later, new RatingFollowUp.Args("x", Satisfaction: RectificationSatisfaction.Dissatisfied), isRater: true);

        var rectifying = InRectifying();
        rectifying.Refused(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args("x", Finding.True));
        rectifying.Refused(FollowUpTrigger.RecordVisit, Supervisor, Later, Text("x"));
        rectifying.Refused(FollowUpTrigger.RaterResponds, Applicant, Later, new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Satisfied), isRater: true);

        var waiting = AwaitingRater();
        waiting.Refused(FollowUpTrigger.Rectify, Supervisor, Later, Text("再改一次"));
        waiting.Refused(FollowUpTrigger.ConfirmResult, Supervisor, Later, Text("维持"));
        waiting.Refused(FollowUpTrigger.Reopen, Supervisor, Later, new RatingFollowUp.Args("x", NewLimit: Fifteen, Clock: Clock));

        var reviewing = Reviewing();
        reviewing.Refused(FollowUpTrigger.Rectify, Supervisor, Later, Text("x"));
        reviewing.Refused(FollowUpTrigger.RaterResponds, Applicant, Later, new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Satisfied), isRater: true);
    }

    [Fact]
    public void A_follow_up_is_late_while_open_past_its_due_time()
    {
        var f = OpenFollowUp();
        Assert.False(f.IsLate(Due));
        Assert.True(f.IsLate(Due.AddMinutes(1)));

        f.Fire(FollowUpTrigger.RecordVisit, Supervisor, Later, Text("已回访"));
        Assert.True(f.IsLate(Due.AddMinutes(1)));
        f.Fire(FollowUpTrigger.Verify, Supervisor, Later, new RatingFollowUp.Args("属实", Finding.True));
        Assert.False(f.IsLate(Due.AddMinutes(-1)));
        Assert.True(f.IsLate(Due.AddDays(3)));
    }

    [Fact]
    public void A_result_given_in_time_is_never_late_and_one_given_late_always_is()
    {
        var inTime = AwaitingRater(at: Due.AddMinutes(-1));
        Assert.False(inTime.IsLate(Due.AddDays(30)));
        inTime.Fire(FollowUpTrigger.RaterResponds, Applicant, Due.AddDays(31), new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Satisfied), isRater: true);
        Assert.False(inTime.IsLate(Due.AddDays(40)));

        var late = AwaitingRater(at: Due.AddMinutes(1));
        Assert.True(late.IsLate(Due.AddMinutes(2)));
        late.Fire(FollowUpTrigger.RaterResponds, Applicant, Due.AddDays(2), new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Basic), isRater: true);
        Assert.True(late.IsLate(Due.AddDays(40)));
    }

    [Fact]
    public void A_follow_up_closed_by_appeal_before_any_result_is_not_late()
    {
        var f = InRectifying();
        f.Fire(FollowUpTrigger.CloseByAppeal, CaseActor.System, Due.AddDays(-1));

        Assert.False(f.IsLate(Due.AddDays(10)));
    }

    [Fact]
    public void Labels_are_chinese()
    {
        Assert.Equal(
            new[] { "待回访", "待核实", "整改中", "待评价人确认", "复核中", "已办结" },
            Enum.GetValues<FollowUpState>().Select(s => RatingFollowUp.Label(s)));
        Assert.Equal(new[] { "满意", "基本满意", "不满意" }, Enum.GetValues<RectificationSatisfaction>().Select(s => RatingFollowUp.Label(s)));
        Assert.Equal(new[] { "属实", "部分属实", "不属实" }, Enum.GetValues<Finding>().Select(s => RatingFollowUp.Label(s)));
    }
}
