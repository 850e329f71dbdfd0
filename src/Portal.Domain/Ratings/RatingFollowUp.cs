using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Workflow;

namespace Portal.Domain.Ratings;

/// <summary>
/// The 差评 loop (评价 → 核实 → 整改 → 反馈 → 复核, SPEC 2.4 and 001:103): opened at once for every 不满意 / 非常不满意,
/// held by the supervisors; a real-name rating is called back first; 核实 finds it 属实 / 部分属实 (→ 整改, with a
/// written result) or 不属实 (→ the explanation goes back); the rater rates the result and, if not satisfied, may ask
/// for a review once. The rectification is due within the profile's limit (default 15 working days, 003:539), counted
/// from the rating; overdue follow-ups turn red in the workbench.
/// </summary>
public class RatingFollowUp
{
    private RatingFollowUp()
    {
    }

    public long Id { get; private set; }

    public long RatingId { get; private set; }

    public Rating Rating { get; private set; } = null!;

    public FollowUpState State { get; internal set; }

    public string Unit { get; private set; } = "";

    public DateTime OpenedAt { get; private set; }

    /// <summary>When the rectification (or the explanation) must have gone back to the rater.</summary>
    public DateTime DueAt { get; private set; }

    public string LimitText { get; private set; } = "";

    public DateTime? VisitedAt { get; private set; }

    public string? VisitNotes { get; private set; }

    public Finding? Finding { get; private set; }

    public string? FindingNotes { get; private set; }

    public DateTime? VerifiedAt { get; private set; }

    /// <summary>What was done (整改结果), or why the rating was found not true; shown to the rater and, without personal data, published.</summary>
    public string? Result { get; private set; }

    public DateTime? ResultAt { get; private set; }

    public RectificationSatisfaction? RaterSatisfaction { get; private set; }

    public string? RaterRemark { get; private set; }

    public bool ReviewRequested { get; private set; }

    public string? ReviewReason { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? HandledByName { get; private set; }

    public long Version { get; private set; }

    public void BumpVersion() => Version++;

    public bool IsOpen => State != FollowUpState.Closed;

    /// <summary>Whether the rater is still owed a written result (回访, 核实, 整改 or 复核 not done).</summary>
    public bool AwaitsResult => State is FollowUpState.AwaitingVisit or FollowUpState.Verifying or FollowUpState.Rectifying or FollowUpState.Reviewing;

    /// <summary>Whether the written result is late now (or was given late).</summary>
    public bool IsLate(DateTime nowUtc) => (ResultAt ?? (AwaitsResult ? nowUtc : DateTime.MinValue)) > DueAt;

    public static RatingFollowUp Open(Rating rating, DeadlineClock clock, TimeLimit limit, DateTime nowUtc) => new()
    {
        Rating = rating,
        Unit = rating.Unit,
        State = rating.Anonymous ? FollowUpState.Verifying : FollowUpState.AwaitingVisit,
        OpenedAt = nowUtc,
        DueAt = clock.Compute(nowUtc, limit).DueUtc,
        LimitText = limit.ToString(),
    };

    public sealed record Args(string? Text = null, Finding? Finding = null, RectificationSatisfaction? Satisfaction = null, TimeLimit? NewLimit = null, DeadlineClock? Clock = null);

    public static string Label(FollowUpState state) => state switch
    {
        FollowUpState.AwaitingVisit => "待回访",
        FollowUpState.Verifying => "待核实",
        FollowUpState.Rectifying => "整改中",
        FollowUpState.AwaitingRater => "待评价人确认",
        FollowUpState.Reviewing => "复核中",
        _ => "已办结",
    };

    public static string Label(FollowUpTrigger trigger) => trigger switch
    {
        FollowUpTrigger.RecordVisit => "登记回访",
        FollowUpTrigger.Verify => "核实",
        FollowUpTrigger.Rectify => "提交整改结果",
        FollowUpTrigger.RaterResponds => "评价整改结果",
        FollowUpTrigger.RequestReview => "申请复核",
        FollowUpTrigger.Reopen => "复核：重新整改",
        FollowUpTrigger.ConfirmResult => "复核：维持结果",
        _ => "申诉成立，结束整改",
    };

    public static string Label(Finding finding) => finding switch
    {
        Ratings.Finding.True => "属实",
        Ratings.Finding.PartlyTrue => "部分属实",
        _ => "不属实",
    };

    public static string Label(RectificationSatisfaction s) => s switch
    {
        RectificationSatisfaction.Satisfied => "满意",
        RectificationSatisfaction.Basic => "基本满意",
        _ => "不满意",
    };

    private static string Append(string? notes, string line)
    {
        var text = string.IsNullOrEmpty(notes) ? line : $"{notes}\n{line}";
        return text.Length <= 1000 ? text : text[..999] + "…";
    }

    /// <summary>
    /// The loop's structure for the public drawing (no rating needed): from 待回访, where a real-name rating starts (an
    /// anonymous one starts at 待核实, the next state).
    /// </summary>
    public static WorkflowDescription Describe() =>
        new RatingFollowUp { State = FollowUpState.AwaitingVisit }.Machine(CaseActor.System, isRater: false, DateTime.UnixEpoch, new Args()).Describe();

    /// <summary>The actions the given person may take on the follow-up now, with what the action would carry.</summary>
    public Task<IReadOnlyList<FollowUpTrigger>> PermittedActionsAsync(CaseActor actor, bool isRater, DateTime nowUtc, Args args) =>
        Machine(actor, isRater, nowUtc, args).PermittedTriggersAsync();

    /// <summary>
    /// The loop as a state machine. <paramref name="isRater"/>: the person acting is the rater (signed in as them, or
    /// holding the rating's access code).
    /// </summary>
    public WorkflowMachine<FollowUpState, FollowUpTrigger> Machine(CaseActor actor, bool isRater, DateTime nowUtc, Args args)
    {
        var machine = new WorkflowMachine<FollowUpState, FollowUpTrigger>(() => State, s => State = s, Label, Label);

        const string SupervisorOnly = "只有督查人员可以处理差评";
        const string RaterOnly = "只有评价人本人可以操作";
        bool IsSupervisor() => actor.Has(Roles.Supervisor);
        bool HasText() => !string.IsNullOrWhiteSpace(args.Text);
        bool IsRater() => isRater;

        machine.Configure(FollowUpState.AwaitingVisit)
            .PermitIf(FollowUpTrigger.RecordVisit, FollowUpState.Verifying, (IsSupervisor, SupervisorOnly), (HasText, "请填写回访情况"))
            .PermitIf(FollowUpTrigger.CloseByAppeal, FollowUpState.Closed, (() => actor.IsSystem, "只能随申诉结果结束"));
        machine.Configure(FollowUpState.Verifying)
            .PermitIf(FollowUpTrigger.Verify, FollowUpState.Rectifying, (IsSupervisor, SupervisorOnly), (() => args.Finding is Ratings.Finding.True or Ratings.Finding.PartlyTrue, "核实属实或部分属实的才需整改"), (HasText, "请填写核实情况"))
            .PermitIf(FollowUpTrigger.Rectify, FollowUpState.AwaitingRater, (IsSupervisor, SupervisorOnly), (() => args.Finding == Ratings.Finding.NotTrue, "核实不属实的，直接向评价人说明"), (HasText, "请填写核实情况及说明"))
            .PermitIf(FollowUpTrigger.CloseByAppeal, FollowUpState.Closed, (() => actor.IsSystem, "只能随申诉结果结束"));
        machine.Configure(FollowUpState.Rectifying)
            .PermitIf(FollowUpTrigger.Rectify, FollowUpState.AwaitingRater, (IsSupervisor, SupervisorOnly), (HasText, "请填写整改结果"))
            .PermitIf(FollowUpTrigger.CloseByAppeal, FollowUpState.Closed, (() => actor.IsSystem, "只能随申诉结果结束"));
        machine.Configure(FollowUpState.AwaitingRater)
            .PermitIf(FollowUpTrigger.RaterResponds, FollowUpState.Closed, (IsRater, RaterOnly), (() => args.Satisfaction is not null, "请选择对整改结果的评价"))
            .PermitIf(FollowUpTrigger.RequestReview, FollowUpState.Reviewing, (IsRater, RaterOnly), (() => !ReviewRequested, "复核只能申请一次"), (() => args.Satisfaction == RectificationSatisfaction.Dissatisfied, "对整改结果不满意的才可申请复核"), (HasText, "请写明申请复核的理由"))
            .PermitIf(FollowUpTrigger.CloseByAppeal, FollowUpState.Closed, (() => actor.IsSystem, "只能随申诉结果结束"));
        machine.Configure(FollowUpState.Reviewing)
            .PermitIf(FollowUpTrigger.Reopen, FollowUpState.Rectifying, (IsSupervisor, SupervisorOnly), (HasText, "请写明复核意见"), (() => args.NewLimit is not null && args.Clock is not null, "缺少整改时限"))
            .PermitIf(FollowUpTrigger.ConfirmResult, FollowUpState.Closed, (IsSupervisor, SupervisorOnly), (HasText, "请写明复核意见"))
            .PermitIf(FollowUpTrigger.CloseByAppeal, FollowUpState.Closed, (() => actor.IsSystem, "只能随申诉结果结束"));

        machine.Transitioned += t =>
        {
            var text = args.Text?.Trim();
            switch (t.Trigger)
            {
                case FollowUpTrigger.RecordVisit:
                    VisitedAt = nowUtc;
                    VisitNotes = text;
                    break;
                case FollowUpTrigger.Verify:
                    Finding = args.Finding;
                    FindingNotes = text;
                    VerifiedAt = nowUtc;
                    break;
                case FollowUpTrigger.Rectify:
                    if (t.Source == FollowUpState.Verifying)
                    {
                        Finding = args.Finding;
                        FindingNotes = text;
                        VerifiedAt = nowUtc;
                    }

                    Result = text;
                    ResultAt = nowUtc;
                    break;
                case FollowUpTrigger.RaterResponds:
                case FollowUpTrigger.RequestReview:
                    RaterSatisfaction = args.Satisfaction;
                    RaterRemark = text;
                    ReviewRequested |= t.Trigger == FollowUpTrigger.RequestReview;
                    ReviewReason = t.Trigger == FollowUpTrigger.RequestReview ? text : ReviewReason;
                    break;
                case FollowUpTrigger.Reopen:
                    // The earlier result is superseded: it stays in the notes with the review's opinion.
                    FindingNotes = Append(FindingNotes, $"复核（{args.Clock!.ToLocal(nowUtc):yyyy年M月d日}）：{text}；原处理结果：{Result}");
                    DueAt = args.Clock!.Compute(nowUtc, args.NewLimit!.Value).DueUtc;
                    LimitText = args.NewLimit!.Value.ToString();
                    Result = null;
                    ResultAt = null;
                    RaterSatisfaction = null;
                    break;
                case FollowUpTrigger.ConfirmResult:
                    FindingNotes = Append(FindingNotes, $"复核维持原处理结果：{text}");
                    break;
            }

            if (!actor.IsSystem && actor.IsStaff)
            {
                HandledByName = actor.Name;
            }

            if (t.Destination == FollowUpState.Closed)
            {
                ClosedAt = nowUtc;
            }
        };
        return machine;
    }
}
