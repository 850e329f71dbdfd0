using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;

namespace Portal.Domain.Tests.Cases;

/// <summary>
/// 首问负责 (ClaimOwnership, HandOver), the 75% yellow mark (WarningDue) and 容缺 supply (SupplyToleranceItem) on the
/// case itself, without a database: every edge the web handlers and the sweep rely on.
/// </summary>
public sealed class CaseOwnershipTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());
    private static readonly ServiceDefinition Service = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");

    private static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });
    private static readonly CaseActor OtherWindow = new("window-2", "李娜", new HashSet<string> { Roles.Window });
    private static readonly CaseActor Market = new("market-1", "市场监管审批员", new HashSet<string> { Department.Market.ReviewerRole() });
    private static readonly CaseActor Supervisor = new("supervisor-1", "赵督查", new HashSet<string> { Roles.Supervisor });

    private static DateTime China(int month, int day, int hour, int minute = 0) => Clock.ToUtc(new DateTime(2026, month, day, hour, minute, 0));

    private static CaseActionContext At(CaseActor actor, DateTime nowUtc) =>
        new(actor, nowUtc, Clock, key => PolicyProfiles.Taian.Find(key)?.Limit, Service);

    /// <summary>Submitted online by the applicant on Monday 23 November 2026 at 09:00 (acceptance due Tuesday 17:00).</summary>
    private static Case Submitted() =>
        Case.Submit("QYKB-20261123-000001", "测试公司设立登记", (Applicant.UserId, Applicant.Name), Channel.Online, At(Applicant, China(11, 23, 9)));

    private static Case Accepted()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9)));
        return c;
    }

    // ---- ClaimOwnership ----

    [Fact]
    public void Submitting_online_leaves_the_case_without_an_owner()
    {
        var c = Submitted();
        Assert.Null(c.OwnerId);
        Assert.Null(c.OwnerName);
    }

    [Fact]
    public void First_staff_member_claims_ownership_and_later_claims_change_nothing()
    {
        var c = Submitted();
        var version = c.Version;
        var history = c.History.Count;

        Assert.True(c.ClaimOwnership(Window));
        Assert.Equal(Window.UserId, c.OwnerId);
        Assert.Equal("王芳", c.OwnerName);

        Assert.False(c.ClaimOwnership(OtherWindow));
        Assert.False(c.ClaimOwnership(Supervisor));
        Assert.Equal(Window.UserId, c.OwnerId);
        Assert.Equal("王芳", c.OwnerName);

        // Claiming is not a history event and does not move the version by itself (the save does).
        Assert.Equal(history, c.History.Count);
        Assert.Equal(version, c.Version);
    }

    [Fact]
    public void Applicant_and_system_never_claim_ownership()
    {
        var c = Submitted();
        Assert.False(c.ClaimOwnership(Applicant));
        Assert.False(c.ClaimOwnership(CaseActor.System));
        Assert.False(c.ClaimOwnership(CaseActor.Public));
        Assert.Null(c.OwnerId);
    }

    [Fact]
    public void Firing_a_trigger_claims_ownership_for_staff_but_not_for_the_applicant_or_the_system()
    {
        var withdrawn = Submitted();
        withdrawn.Fire(CaseTrigger.Withdraw, At(Applicant, China(11, 23, 10)));
        Assert.Null(withdrawn.OwnerId);

        var auto = Submitted();
        auto.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, China(11, 23, 9)));
        Assert.Equal(CaseState.InProgress, auto.State);
        Assert.Null(auto.OwnerId);

        var accepted = Accepted();
        Assert.Equal(Window.UserId, accepted.OwnerId);
        accepted.Fire(CaseTrigger.Complete, At(Market, China(11, 23, 10)));
        Assert.Equal(Window.UserId, accepted.OwnerId); // the reviewer who completes does not take it over
    }

    // ---- HandOver ----

    [Fact]
    public void Owner_hands_over_with_a_reason_recorded_as_a_note_in_the_history()
    {
        var c = Accepted();
        var version = c.Version;
        var state = c.State;
        var due = c.StepDueAt;
        var history = c.History.Count;

        c.HandOver(OtherWindow.UserId, OtherWindow.Name, Window, China(11, 23, 10), "本人轮岗，移交李娜继续跟进");

        Assert.Equal(OtherWindow.UserId, c.OwnerId);
        Assert.Equal("李娜", c.OwnerName);
        Assert.Equal(history + 1, c.History.Count);
        var note = c.History[^1];
        Assert.Equal(Case.NoteAction, note.Action);
        Assert.Equal("首问负责移交：王芳 → 李娜", note.ActionLabel);
        Assert.Equal("本人轮岗，移交李娜继续跟进", note.Reason);
        Assert.Equal(Window.UserId, note.ActorId);
        Assert.Equal(China(11, 23, 10), note.At);
        Assert.Equal(state, note.FromState);
        Assert.Equal(state, note.ToState);
        Assert.True(Case.IsNote(note));

        // The step itself is untouched; the version moves so a concurrent action conflicts.
        Assert.Equal(state, c.State);
        Assert.Equal(due, c.StepDueAt);
        Assert.True(c.Version > version);
    }

    [Fact]
    public void Hand_over_of_a_case_without_owner_names_nobody_as_the_previous_owner()
    {
        var c = Submitted();
        c.HandOver(Window.UserId, Window.Name, Supervisor, China(11, 23, 10), "督查指定首问负责人");

        Assert.Equal(Window.UserId, c.OwnerId);
        Assert.Equal("首问负责移交：（无） → 王芳", c.History[^1].ActionLabel);
        Assert.Equal(Supervisor.UserId, c.History[^1].ActorId);
    }

    [Fact]
    public void Every_hand_over_stays_in_the_history()
    {
        var c = Accepted();
        c.HandOver(OtherWindow.UserId, OtherWindow.Name, Window, China(11, 23, 10), "轮岗");
        c.HandOver(Market.UserId, Market.Name, OtherWindow, China(11, 23, 11), "转后台跟进");
        c.HandOver(Window.UserId, Window.Name, Supervisor, China(11, 23, 12), "督查调回");

        Assert.Equal(Window.UserId, c.OwnerId);
        Assert.Equal(
            ["首问负责移交：王芳 → 李娜", "首问负责移交：李娜 → 市场监管审批员", "首问负责移交：市场监管审批员 → 王芳"],
            c.History.Where(e => e.ActionLabel.StartsWith("首问负责移交", StringComparison.Ordinal)).Select(e => e.ActionLabel));
        Assert.Equal(["轮岗", "转后台跟进", "督查调回"], c.History.Where(e => e.Action == Case.NoteAction).Select(e => e.Reason));

        // After a hand-over nobody can claim the case by acting on it.
        Assert.False(c.ClaimOwnership(OtherWindow));
        Assert.Equal(Window.UserId, c.OwnerId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Hand_over_without_a_reason_is_refused_in_Chinese_and_changes_nothing(string reason)
    {
        var c = Accepted();
        var version = c.Version;
        var history = c.History.Count;

        var refused = Assert.Throws<InvalidOperationException>(() => c.HandOver(OtherWindow.UserId, OtherWindow.Name, Window, China(11, 23, 10), reason));

        Assert.Equal("请填写移交原因。", refused.Message);
        Assert.Equal(Window.UserId, c.OwnerId);
        Assert.Equal("王芳", c.OwnerName);
        Assert.Equal(version, c.Version);
        Assert.Equal(history, c.History.Count);
    }

    [Fact]
    public void Hand_over_to_the_current_owner_is_refused_in_Chinese_and_changes_nothing()
    {
        var c = Accepted();
        var version = c.Version;
        var history = c.History.Count;

        var refused = Assert.Throws<InvalidOperationException>(() => c.HandOver(Window.UserId, Window.Name, Supervisor, China(11, 23, 10), "无"));

        Assert.Equal("王芳 已是本办件的首问负责人。", refused.Message);
        Assert.Equal(version, c.Version);
        Assert.Equal(history, c.History.Count);
    }

    [Fact]
    public void Hand_over_label_fits_the_history_column_and_the_full_name_stays_on_the_case()
    {
        var c = Accepted();
        var longName = new string('长', 120);

        c.HandOver("window-9", longName, Window, China(11, 23, 10), "移交");

        Assert.Equal(longName, c.OwnerName);
        var label = c.History[^1].ActionLabel;
        Assert.Equal(100, label.Length);
        Assert.StartsWith("首问负责移交：王芳 → 长", label);
        Assert.EndsWith("…", label);
    }

    // ---- WarningDue (the yellow mark; the sweep records it in WarnedStepAt) ----

    [Fact]
    public void Submitted_step_turns_yellow_after_75_percent_of_its_office_time()
    {
        var c = Submitted();

        // 1 working day from Monday 09:00 = Tuesday 17:00: 14 office hours (840 min); 75% = 630 min = Tuesday 13:30.
        Assert.Equal(China(11, 24, 17), c.StepDueAt);
        Assert.Equal(China(11, 24, 13, 30), c.StepWarnAt);
        Assert.Null(c.WarnedStepAt);
    }

    [Fact]
    public void Warning_is_due_from_the_75_percent_mark_up_to_and_including_the_deadline()
    {
        var c = Submitted();
        var history = c.History.Count;
        var version = c.Version;

        Assert.False(c.WarningDue(China(11, 24, 13, 29)));
        Assert.True(c.WarningDue(China(11, 24, 13, 30)));  // exactly at the mark
        Assert.True(c.WarningDue(China(11, 24, 15)));
        Assert.True(c.WarningDue(China(11, 24, 17)));      // at the deadline it is not late yet
        Assert.False(c.WarningDue(China(11, 24, 17, 1)));  // after it: red, not yellow

        // Asking changes nothing.
        Assert.Null(c.WarnedStepAt);
        Assert.Equal(history, c.History.Count);
        Assert.Equal(version, c.Version);
    }

    [Fact]
    public void Overdue_case_is_never_due_a_warning()
    {
        var c = Submitted();
        Assert.True(c.MarkOverdue(China(11, 25, 9)));

        Assert.False(c.WarningDue(China(11, 24, 14)));
        Assert.False(c.WarningDue(China(11, 25, 10)));
    }

    [Fact]
    public void Closed_and_paused_cases_are_never_due_a_warning()
    {
        var withdrawn = Submitted();
        withdrawn.Fire(CaseTrigger.Withdraw, At(Applicant, China(11, 23, 10)));
        Assert.False(withdrawn.WarningDue(China(11, 24, 14)));

        var paused = Submitted();
        paused.Fire(CaseTrigger.RequestSupplement, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "公司章程" });
        Assert.Null(paused.StepWarnAt);
        Assert.Null(paused.StepDueAt);
        Assert.False(paused.WarningDue(China(11, 24, 14)));
        Assert.False(paused.WarningDue(China(12, 24, 14)));
    }

    [Fact]
    public void A_new_step_has_its_own_75_percent_mark()
    {
        var c = Submitted();
        Assert.True(c.WarningDue(China(11, 24, 14)));

        c.Fire(CaseTrigger.Accept, At(Window, China(11, 24, 14)));

        // 泰安: 4 office hours from Tuesday 14:00 → Wednesday 10:00; 75% = 180 min → Tuesday 17:00.
        Assert.Equal(China(11, 24, 14), c.StepStartedAt);
        Assert.Equal(China(11, 25, 10), c.StepDueAt);
        Assert.Equal(China(11, 24, 17), c.StepWarnAt);
        Assert.False(c.WarningDue(China(11, 24, 16, 59)));
        Assert.True(c.WarningDue(China(11, 25, 9, 30)));
    }

    [Fact]
    public void Resumed_step_with_less_than_a_quarter_left_is_yellow_at_once()
    {
        var c = Accepted(); // 泰安: due Monday 14:00, yellow from 12:00 (180 of 240 minutes: 09:00-12:00)
        Assert.Equal(China(11, 23, 12), c.StepWarnAt);

        c.Fire(CaseTrigger.RequestSupplement, At(Market, China(11, 23, 13)), new CaseActionArgs { Reason = "股东身份证明" });
        Assert.Null(c.StepWarnAt);
        Assert.Equal(60, c.PausedRemainingMinutes);

        // 60 minutes were left, less than 25% of 240: the resumed step is yellow at once and due an hour later.
        c.Fire(CaseTrigger.SubmitSupplement, At(Applicant, China(11, 24, 9)));
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(China(11, 24, 9), c.StepStartedAt);
        Assert.Equal(China(11, 24, 10), c.StepDueAt);
        Assert.Equal(China(11, 24, 9), c.StepWarnAt);
        Assert.True(c.WarningDue(China(11, 24, 9)));
    }

    // ---- SupplyToleranceItem (容缺) ----

    [Fact]
    public void Supplying_the_tolerance_item_is_recorded_once()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.AcceptWithMissing, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "住所产权证明", CommitmentDueUtc = China(11, 30, 17) });
        Assert.Null(c.ToleranceSuppliedAt);
        var version = c.Version;
        var history = c.History.Count;
        var state = c.State;

        c.SupplyToleranceItem(Window, China(11, 25, 10), "申请人已当面补交原件");

        Assert.Equal(China(11, 25, 10), c.ToleranceSuppliedAt);
        Assert.Equal(history + 1, c.History.Count);
        var note = c.History[^1];
        Assert.Equal(Case.NoteAction, note.Action);
        Assert.Equal("容缺材料已补齐：住所产权证明", note.ActionLabel);
        Assert.Equal("申请人已当面补交原件", note.Reason);
        Assert.Equal(Window.UserId, note.ActorId);
        Assert.Equal(state, c.State);
        Assert.True(c.Version > version);

        var again = Assert.Throws<InvalidOperationException>(() => c.SupplyToleranceItem(Window, China(11, 26, 10), null));
        Assert.Equal("容缺材料已补齐，无需重复登记。", again.Message);
        Assert.Equal(China(11, 25, 10), c.ToleranceSuppliedAt);
        Assert.Equal(history + 1, c.History.Count);
    }

    [Fact]
    public void Long_tolerance_item_is_cut_in_the_history_label_only()
    {
        var c = Submitted();
        var item = "住所产权证明" + new string('及', 150);
        c.Fire(CaseTrigger.AcceptWithMissing, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = item, CommitmentDueUtc = China(11, 30, 17) });

        c.SupplyToleranceItem(Window, China(11, 25, 10), null);

        Assert.Equal(item, c.ToleranceItem);
        Assert.Equal(100, c.History[^1].ActionLabel.Length);
        Assert.StartsWith("容缺材料已补齐：住所产权证明", c.History[^1].ActionLabel);
    }

    [Fact]
    public void Supplying_without_a_tolerance_acceptance_is_refused_in_Chinese()
    {
        var c = Accepted();
        var history = c.History.Count;
        var version = c.Version;

        var refused = Assert.Throws<InvalidOperationException>(() => c.SupplyToleranceItem(Window, China(11, 23, 10), null));

        Assert.Equal("该办件没有容缺受理的承诺事项。", refused.Message);
        Assert.Null(c.ToleranceSuppliedAt);
        Assert.Equal(history, c.History.Count);
        Assert.Equal(version, c.Version);
    }

    [Fact]
    public void Supplying_the_tolerance_item_without_a_note_records_no_reason()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.AcceptWithMissing, At(Window, China(11, 23, 10)), new CaseActionArgs { Reason = "股东会决议", CommitmentDueUtc = China(11, 30, 17) });

        c.SupplyToleranceItem(Applicant, China(11, 24, 10), null);

        Assert.Null(c.History[^1].Reason);
        Assert.Equal(Applicant.UserId, c.History[^1].ActorId);
    }
}
