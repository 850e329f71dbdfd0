using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Tests.Cases;

/// <summary>The parallel sub-items (并联子事项) of a case: every transition, guard and history note.</summary>
public sealed class SubItemWorkflowTests
{
    private const string SocialInsuranceDepartmentOnly = "只有人社后台审批人员可以办理“社保登记”";
    private const string BeginRule = "只有申请人、窗口工作人员或系统可以启动此事项";
    private const string ResubmitRule = "只有申请人或窗口工作人员可以重新提交";
    private const string CancelRule = "只能随办件一并取消";

    private static readonly TimeZoneInfo ChinaZone = DeadlineClock.ChinaStandardTime();
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, ChinaZone);
    private static readonly ServiceDefinition Service = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");

    private static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor OtherApplicant = new("applicant-2", "李华", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });
    private static readonly CaseActor Market = new("market-1", "市场监管审批员", new HashSet<string> { Department.Market.ReviewerRole() });
    private static readonly CaseActor Tax = new("tax-1", "税务审批员", new HashSet<string> { Department.Tax.ReviewerRole() });
    private static readonly CaseActor HumanResources = new("hr-1", "人社审批员", new HashSet<string> { Department.HumanResources.ReviewerRole() });
    private static readonly CaseActor Supervisor = new("supervisor-1", "赵督查", new HashSet<string> { Roles.Supervisor });
    private static readonly CaseActor SystemActor = CaseActor.System;

    private static DateTime China(int month, int day, int hour, int minute = 0, int year = 2026) =>
        Clock.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    private static TimeLimit? Limits(string key) => PolicyProfiles.Taian.Find(key)?.Limit;

    private static CaseActionContext At(CaseActor actor, DateTime nowUtc) => new(actor, nowUtc, Clock, Limits, Service);

    /// <summary>A submitted 企业开办 case with a 同步 社保登记 item and a 单独 涉税办理 item, added before the case moves.</summary>
    private static (Case Case, SubItem Social, SubItem Tax) Submitted(CaseActor? filedBy = null)
    {
        var c = Case.Submit(
            "QYKB-20261123-000001",
            "枣庄惠民餐饮有限公司设立登记",
            (Applicant.UserId, Applicant.Name),
            Channel.Online,
            At(filedBy ?? Applicant, China(11, 23, 9)));
        var social = new SubItem("social-insurance", "社保登记", Department.HumanResources, synchronous: true);
        var tax = new SubItem("tax", "涉税办理", Department.Tax, synchronous: false);
        c.AddSubItem(social);
        c.AddSubItem(tax);
        return (c, social, tax);
    }

    /// <summary>The case accepted by the window (InProgress) and its 社保登记 item begun by the system with the case's deadline.</summary>
    private static (Case Case, SubItem Social) Accepted()
    {
        var (c, social, _) = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));
        social.Fire(SubItemTrigger.Begin, At(SystemActor, China(11, 23, 9, 30)), null, c.StepDueAt);
        return (c, social);
    }

    /// <summary>An accepted case whose 社保登记 item has been brought to <paramref name="state"/>.</summary>
    private static (Case Case, SubItem Social) WithSocialItemIn(SubItemState state)
    {
        if (state == SubItemState.Later)
        {
            var (c0, social0, _) = Submitted();
            c0.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));
            return (c0, social0);
        }

        var (c, social) = Accepted();
        switch (state)
        {
            case SubItemState.Waiting:
                break;
            case SubItemState.InProgress:
                social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10)));
                break;
            case SubItemState.Returned:
                social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10)));
                social.Fire(SubItemTrigger.Return, At(HumanResources, China(11, 23, 10, 30)), "缺少参保职工花名册");
                break;
            case SubItemState.Done:
                social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10)));
                social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 10, 30)));
                break;
            case SubItemState.Cancelled:
                social.Fire(SubItemTrigger.Cancel, At(SystemActor, China(11, 23, 10)), "办件已撤回");
                break;
        }

        Assert.Equal(state, social.State);
        return (c, social);
    }

    // ---- Later → Begin → Waiting ---------------------------------------------------------------------------

    [Fact]
    public void A_new_sub_item_is_for_later_and_is_held_by_its_departments_reviewers()
    {
        var (c, social, tax) = Submitted();

        Assert.Equal(SubItemState.Later, social.State);
        Assert.False(social.IsOpen);
        Assert.Equal(Department.HumanResources.ReviewerRole(), social.HolderRole);
        Assert.Equal(Department.Tax.ReviewerRole(), tax.HolderRole);
        Assert.True(social.Synchronous);
        Assert.False(tax.Synchronous);
        Assert.Same(c, social.Case);
        Assert.Equal([social, tax], c.SubItems);
        Assert.Null(social.StartedAt);
        Assert.Null(social.DueAt);
        Assert.Null(social.DoneAt);
        Assert.Null(social.Reason);
    }

    [Fact]
    public void Beginning_stores_the_start_time_and_the_given_deadline()
    {
        var (c, social, _) = Submitted();
        var due = China(11, 30, 17);

        social.Fire(SubItemTrigger.Begin, At(SystemActor, China(11, 23, 9, 5)), null, due);

        Assert.Equal(SubItemState.Waiting, social.State);
        Assert.True(social.IsOpen);
        Assert.Equal(China(11, 23, 9, 5), social.StartedAt);
        Assert.Equal(due, social.DueAt);
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Fact]
    public void Beginning_without_a_deadline_leaves_the_due_time_empty()
    {
        var (_, social, _) = Submitted();

        social.Fire(SubItemTrigger.Begin, At(SystemActor, China(11, 23, 9, 5)));

        Assert.Equal(China(11, 23, 9, 5), social.StartedAt);
        Assert.Null(social.DueAt);
    }

    [Fact]
    public void Beginning_appends_a_note_to_the_case_history_without_moving_the_case()
    {
        var (c, social, _) = Submitted();
        var holder = c.HolderRole;
        var stepDue = c.StepDueAt;
        var rows = c.History.Count;

        social.Fire(SubItemTrigger.Begin, At(SystemActor, China(11, 23, 9, 5)), null, China(11, 30, 17));

        Assert.Equal(rows + 1, c.History.Count);
        var note = c.History[^1];
        Assert.Equal("SubItem.Begin", note.Action);
        Assert.Equal("社保登记：启动", note.ActionLabel);
        Assert.True(Case.IsNote(note));
        Assert.Equal(CaseState.Submitted, note.FromState);
        Assert.Equal(CaseState.Submitted, note.ToState);
        Assert.Equal("system", note.ActorId);
        Assert.Equal("系统", note.ActorName);
        Assert.Equal(China(11, 23, 9, 5), note.At);
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(holder, c.HolderRole);
        Assert.Equal(stepDue, c.StepDueAt);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("window")]
    [InlineData("applicant")]
    public void The_system_a_window_clerk_or_the_applicant_may_begin_a_later_item(string who)
    {
        var (c, social, tax) = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));
        var actor = who switch
        {
            "system" => SystemActor,
            "window" => Window,
            _ => Applicant,
        };

        tax.Fire(SubItemTrigger.Begin, At(actor, China(11, 23, 10)));

        Assert.Equal(SubItemState.Waiting, tax.State);
        Assert.Equal(SubItemState.Later, social.State);
        Assert.Equal("SubItem.Begin", c.History[^1].Action);
        Assert.Equal("涉税办理：启动", c.History[^1].ActionLabel);
        Assert.Equal(actor.UserId, c.History[^1].ActorId);
    }

    [Fact]
    public void Staff_who_filed_on_the_applicants_behalf_may_begin_an_item()
    {
        var (c, _, tax) = Submitted(filedBy: Supervisor);
        Assert.True(c.FiledOnBehalf);
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));

        tax.Fire(SubItemTrigger.Begin, At(Supervisor, China(11, 23, 10)));

        Assert.Equal(SubItemState.Waiting, tax.State);
    }

    [Theory]
    [InlineData("other-applicant")]
    [InlineData("tax-reviewer")]
    [InlineData("supervisor")]
    public void Anyone_else_cannot_begin_an_item(string who)
    {
        var (c, _, tax) = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));
        var rows = c.History.Count;
        var actor = who switch
        {
            "other-applicant" => OtherApplicant,
            "tax-reviewer" => Tax,
            _ => Supervisor,
        };

        var refused = Assert.Throws<InvalidTransitionException>(() => tax.Fire(SubItemTrigger.Begin, At(actor, China(11, 23, 10))));

        Assert.Equal([BeginRule], refused.UnmetGuards);
        Assert.Contains(BeginRule, refused.Message);
        Assert.Equal(SubItemState.Later, tax.State);
        Assert.Null(tax.StartedAt);
        Assert.Equal(rows, c.History.Count);
    }

    [Fact]
    public void A_later_item_is_not_begun_before_the_case_is_accepted()
    {
        // Begun before 受理 it would wait in the department's queue while the department may not start it.
        var (c, _, tax) = Submitted();
        var rows = c.History.Count;

        var refused = Assert.Throws<InvalidTransitionException>(() => tax.Fire(SubItemTrigger.Begin, At(Applicant, China(11, 23, 10))));

        Assert.Equal(["办件受理后才能启动单独办理的事项"], refused.UnmetGuards);
        Assert.Equal(SubItemState.Later, tax.State);
        Assert.Equal(rows, c.History.Count);
    }

    [Fact]
    public void A_later_item_is_not_begun_on_the_case_once_the_case_is_done()
    {
        // After 办结 a 单独办理 item is a case of its own, started from the enterprise's page: begun here, its
        // department could never start it (开始办理 needs the case 办理中).
        var (c, social) = Accepted();
        var tax = c.SubItems.Single(i => i.Code == "tax");
        social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10)));
        social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 11)));
        c.Fire(CaseTrigger.Complete, At(SystemActor, China(11, 23, 11)));

        var refused = Assert.Throws<InvalidTransitionException>(() => tax.Fire(SubItemTrigger.Begin, At(Applicant, China(11, 23, 12))));

        Assert.Equal(["办件已办结，请在企业信息页面单独办理此事项"], refused.UnmetGuards);
    }

    [Fact]
    public void Before_acceptance_a_synchronous_track_says_it_starts_with_the_case_and_only_a_later_one_waits_to_be_started()
    {
        var (_, social, tax) = Submitted();

        Assert.Equal("待受理（受理后同步启动）", SubItemWorkflow.Label(social));
        Assert.Equal("单独办理（未启动）", SubItemWorkflow.Label(tax));
    }

    [Fact]
    public void The_drawing_of_the_track_workflow_names_no_example_item_or_department()
    {
        var text = string.Join("\n", SubItemWorkflow.Describe(Service).States
            .SelectMany(state => state.Transitions.SelectMany(t => t.Guards.Prepend(t.TriggerLabel).Prepend(state.Label))));

        Assert.DoesNotContain("示例", text);
        Assert.DoesNotContain("设立登记", text);
        Assert.DoesNotContain("市场监管", text);
        Assert.Contains("只有承办该事项的部门的后台审批人员可以办理", text);
    }

    // ---- Waiting → Start → InProgress ----------------------------------------------------------------------

    [Fact]
    public void The_departments_reviewer_starts_a_waiting_item_once_the_case_is_accepted()
    {
        var (c, social) = Accepted();

        social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10)));

        Assert.Equal(SubItemState.InProgress, social.State);
        Assert.True(social.IsOpen);
        Assert.Equal("人社审批员", social.HandledByName);
        var note = c.History[^1];
        Assert.Equal("SubItem.Start", note.Action);
        Assert.Equal("社保登记：开始办理", note.ActionLabel);
        Assert.Equal(CaseState.InProgress, note.FromState);
        Assert.Equal(CaseState.InProgress, note.ToState);
        Assert.Equal("人社审批员", note.ActorName);
        Assert.Equal("后台审批（人社）", note.ActorRole);
    }

    [Fact]
    public void Starting_before_the_case_is_accepted_is_refused()
    {
        var (c, social, _) = Submitted();
        social.Fire(SubItemTrigger.Begin, At(SystemActor, China(11, 23, 9, 5)));

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10))));

        Assert.Equal(["办件受理后才能开始办理"], refused.UnmetGuards);
        Assert.Equal(SubItemState.Waiting, social.State);
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Theory]
    [InlineData("tax-reviewer")]
    [InlineData("market-reviewer")]
    [InlineData("window")]
    [InlineData("applicant")]
    [InlineData("system")]
    public void Only_the_items_department_may_start_it(string who)
    {
        var (_, social) = Accepted();
        var actor = who switch
        {
            "tax-reviewer" => Tax,
            "market-reviewer" => Market,
            "window" => Window,
            "applicant" => Applicant,
            _ => SystemActor,
        };

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Start, At(actor, China(11, 23, 10))));

        Assert.Equal([SocialInsuranceDepartmentOnly], refused.UnmetGuards);
        Assert.Equal(SubItemState.Waiting, social.State);
    }

    [Fact]
    public void A_reviewer_with_several_roles_including_the_items_department_may_start_it()
    {
        var (_, social) = Accepted();
        var both = new CaseActor("multi-1", "综合审批员", new HashSet<string> { Roles.Window, Department.HumanResources.ReviewerRole() });

        social.Fire(SubItemTrigger.Start, At(both, China(11, 23, 10)));

        Assert.Equal(SubItemState.InProgress, social.State);
    }

    // ---- InProgress → Complete → Done ----------------------------------------------------------------------

    [Fact]
    public void A_tax_reviewer_completing_the_social_insurance_item_is_refused_with_the_department_sentence()
    {
        var (c, social) = WithSocialItemIn(SubItemState.InProgress);
        var rows = c.History.Count;

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Complete, At(Tax, China(11, 23, 11))));

        Assert.Equal([SocialInsuranceDepartmentOnly], refused.UnmetGuards);
        Assert.Contains(SocialInsuranceDepartmentOnly, refused.Message);
        Assert.Equal(SubItemState.InProgress, social.State);
        Assert.Null(social.DoneAt);
        Assert.Equal(rows, c.History.Count);
    }

    [Fact]
    public void The_department_sentence_names_the_items_own_department_and_label()
    {
        var (c, _, tax) = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));
        tax.Fire(SubItemTrigger.Begin, At(Applicant, China(11, 23, 9, 40)));

        var refused = Assert.Throws<InvalidTransitionException>(() => tax.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10))));

        Assert.Equal(["只有税务后台审批人员可以办理“涉税办理”"], refused.UnmetGuards);
        tax.Fire(SubItemTrigger.Start, At(Tax, China(11, 23, 10)));
        Assert.Equal(SubItemState.InProgress, tax.State);
    }

    [Fact]
    public void The_departments_reviewer_completes_the_item_and_the_done_time_is_stored()
    {
        var (c, social) = WithSocialItemIn(SubItemState.InProgress);

        social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 11)));

        Assert.Equal(SubItemState.Done, social.State);
        Assert.False(social.IsOpen);
        Assert.Equal(China(11, 23, 11), social.DoneAt);
        Assert.Equal("SubItem.Complete", c.History[^1].Action);
        Assert.Equal("社保登记：办结", c.History[^1].ActionLabel);
        Assert.Equal(CaseState.InProgress, c.State); // completing a track does not complete the case
    }

    [Fact]
    public void Completing_while_the_case_waits_for_a_supplement_is_refused_until_it_is_back_in_progress()
    {
        var (c, social) = WithSocialItemIn(SubItemState.InProgress);
        c.Fire(CaseTrigger.RequestSupplement, At(Market, China(11, 23, 10, 30)), new CaseActionArgs { Reason = "补充公司章程" });
        Assert.Equal(CaseState.AwaitingSupplement, c.State);

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 11))));
        Assert.Equal(["办件不在办理中"], refused.UnmetGuards);
        Assert.Equal(SubItemState.InProgress, social.State);

        c.Fire(CaseTrigger.SubmitSupplement, At(Applicant, China(11, 23, 14)));
        social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 15)));
        Assert.Equal(SubItemState.Done, social.State);
    }

    [Fact]
    public void The_wrong_department_while_the_case_is_paused_hears_both_reasons()
    {
        var (c, social) = WithSocialItemIn(SubItemState.InProgress);
        c.Fire(CaseTrigger.RequestSupplement, At(Market, China(11, 23, 10, 30)), new CaseActionArgs { Reason = "补充公司章程" });

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Complete, At(Tax, China(11, 23, 11))));

        Assert.Contains(SocialInsuranceDepartmentOnly, refused.UnmetGuards);
        Assert.Contains("办件不在办理中", refused.UnmetGuards);
    }

    [Fact]
    public void Starting_while_the_case_waits_for_a_supplement_is_refused()
    {
        var (c, social) = Accepted();
        c.Fire(CaseTrigger.RequestSupplement, At(Market, China(11, 23, 10, 30)), new CaseActionArgs { Reason = "补充公司章程" });

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 11))));

        Assert.Equal(["办件受理后才能开始办理"], refused.UnmetGuards);
    }

    // ---- InProgress → Return → Returned → Resubmit → Waiting -----------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Returning_without_a_reason_is_refused(string? reason)
    {
        var (_, social) = WithSocialItemIn(SubItemState.InProgress);

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Return, At(HumanResources, China(11, 23, 11)), reason));

        Assert.Equal(["退回须写明理由"], refused.UnmetGuards);
        Assert.Equal(SubItemState.InProgress, social.State);
        Assert.Null(social.Reason);
    }

    [Fact]
    public void Only_the_items_department_may_return_it()
    {
        var (_, social) = WithSocialItemIn(SubItemState.InProgress);

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Return, At(Tax, China(11, 23, 11)), "缺少材料"));

        Assert.Equal([SocialInsuranceDepartmentOnly], refused.UnmetGuards);
    }

    [Fact]
    public void Returning_stores_the_reason_and_writes_it_into_the_case_history()
    {
        var (c, social) = WithSocialItemIn(SubItemState.InProgress);

        social.Fire(SubItemTrigger.Return, At(HumanResources, China(11, 23, 11)), "缺少参保职工花名册");

        Assert.Equal(SubItemState.Returned, social.State);
        Assert.True(social.IsOpen);
        Assert.Equal("缺少参保职工花名册", social.Reason);
        var note = c.History[^1];
        Assert.Equal("SubItem.Return", note.Action);
        Assert.Equal("社保登记：退回", note.ActionLabel);
        Assert.Equal("缺少参保职工花名册", note.Reason);
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("window")]
    public void The_applicant_or_a_window_clerk_resubmits_a_returned_item_and_it_waits_again(string who)
    {
        var (c, social) = WithSocialItemIn(SubItemState.Returned);
        var actor = who == "window" ? Window : Applicant;

        social.Fire(SubItemTrigger.Resubmit, At(actor, China(11, 23, 14)));

        Assert.Equal(SubItemState.Waiting, social.State);
        Assert.True(social.IsOpen);
        Assert.Null(social.Reason);
        Assert.Equal("SubItem.Resubmit", c.History[^1].Action);
        Assert.Equal("社保登记：重新提交", c.History[^1].ActionLabel);

        // The return and its reason stay in the history.
        Assert.Contains(c.History, e => e.Action == "SubItem.Return" && e.Reason == "缺少参保职工花名册");
    }

    [Theory]
    [InlineData("other-applicant")]
    [InlineData("hr-reviewer")]
    [InlineData("system")]
    public void Anyone_else_cannot_resubmit_a_returned_item(string who)
    {
        var (_, social) = WithSocialItemIn(SubItemState.Returned);
        var actor = who switch
        {
            "other-applicant" => OtherApplicant,
            "hr-reviewer" => HumanResources,
            _ => SystemActor,
        };

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Resubmit, At(actor, China(11, 23, 14))));

        Assert.Equal([ResubmitRule], refused.UnmetGuards);
        Assert.Equal(SubItemState.Returned, social.State);
    }

    [Fact]
    public void A_resubmitted_item_can_be_started_and_completed_again()
    {
        var (_, social) = WithSocialItemIn(SubItemState.Returned);
        var startedAt = social.StartedAt;
        var dueAt = social.DueAt;

        social.Fire(SubItemTrigger.Resubmit, At(Applicant, China(11, 23, 14)));
        social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 15)));
        social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 16)));

        Assert.Equal(SubItemState.Done, social.State);
        Assert.Equal(China(11, 23, 16), social.DoneAt);
        Assert.Equal(startedAt, social.StartedAt); // resubmitting is not a new begin
        Assert.Equal(dueAt, social.DueAt);
    }

    // ---- Cancel --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(SubItemState.Later)]
    [InlineData(SubItemState.Waiting)]
    [InlineData(SubItemState.InProgress)]
    [InlineData(SubItemState.Returned)]
    public void Only_the_system_cancels_an_item_together_with_its_case(SubItemState state)
    {
        var (c, social) = WithSocialItemIn(state);

        foreach (var actor in new[] { Window, Applicant, HumanResources, Supervisor })
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Cancel, At(actor, China(11, 23, 16)), "不办了"));
            Assert.Equal([CancelRule], refused.UnmetGuards);
            Assert.Equal(state, social.State);
        }

        social.Fire(SubItemTrigger.Cancel, At(SystemActor, China(11, 23, 16)), "办件已撤回");

        Assert.Equal(SubItemState.Cancelled, social.State);
        Assert.False(social.IsOpen);
        Assert.Equal("办件已撤回", social.Reason);
        Assert.Equal("SubItem.Cancel", c.History[^1].Action);
        Assert.Equal("社保登记：取消", c.History[^1].ActionLabel);
        Assert.Equal("办件已撤回", c.History[^1].Reason);
    }

    [Fact]
    public void The_system_cancelling_does_not_replace_the_name_of_the_reviewer_who_handled_the_item()
    {
        var (_, social) = WithSocialItemIn(SubItemState.InProgress);

        social.Fire(SubItemTrigger.Cancel, At(SystemActor, China(11, 23, 16)), "办件不予受理");

        Assert.Equal("人社审批员", social.HandledByName);
    }

    // ---- Final states and wrong order ----------------------------------------------------------------------

    [Theory]
    [InlineData(SubItemState.Done)]
    [InlineData(SubItemState.Cancelled)]
    public async Task A_done_or_cancelled_item_accepts_no_trigger_from_anyone(SubItemState state)
    {
        var (c, social) = WithSocialItemIn(state);
        var rows = c.History.Count;

        foreach (var actor in new[] { SystemActor, Window, Applicant, HumanResources })
        {
            Assert.Empty(await SubItemWorkflow.Create(social, At(actor, China(11, 23, 16)), "理由").PermittedTriggersAsync());
            foreach (var trigger in Enum.GetValues<SubItemTrigger>())
            {
                var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(trigger, At(actor, China(11, 23, 16)), "理由"));
                Assert.Empty(refused.UnmetGuards);
            }
        }

        Assert.Equal(state, social.State);
        Assert.Equal(rows, c.History.Count);
    }

    [Fact]
    public void Starting_an_item_that_has_not_begun_is_refused_with_a_chinese_explanation()
    {
        var (_, social) = WithSocialItemIn(SubItemState.Later);

        var refused = Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10))));

        Assert.Empty(refused.UnmetGuards);
        Assert.Contains("单独办理（未启动）", refused.Message);
        Assert.Contains("开始办理", refused.Message);
        Assert.Equal(SubItemState.Later, social.State);
    }

    [Fact]
    public void A_waiting_item_cannot_be_completed_begun_again_or_returned()
    {
        var (_, social) = Accepted();

        Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 10))));
        Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Begin, At(SystemActor, China(11, 23, 10))));
        Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Return, At(HumanResources, China(11, 23, 10)), "理由"));
        Assert.Throws<InvalidTransitionException>(() => social.Fire(SubItemTrigger.Resubmit, At(Applicant, China(11, 23, 10))));
        Assert.Equal(SubItemState.Waiting, social.State);
    }

    [Fact]
    public async Task The_department_may_complete_or_with_a_reason_return_an_item_in_progress()
    {
        var (_, social) = WithSocialItemIn(SubItemState.InProgress);

        Assert.Equal(
            [SubItemTrigger.Complete, SubItemTrigger.Return],
            await SubItemWorkflow.Create(social, At(HumanResources, China(11, 23, 11)), "缺少材料").PermittedTriggersAsync());
        Assert.Equal(
            [SubItemTrigger.Complete],
            await SubItemWorkflow.Create(social, At(HumanResources, China(11, 23, 11)), null).PermittedTriggersAsync());
        Assert.Equal(
            [SubItemTrigger.Cancel],
            await SubItemWorkflow.Create(social, At(SystemActor, China(11, 23, 11)), null).PermittedTriggersAsync());
        Assert.Empty(await SubItemWorkflow.Create(social, At(Tax, China(11, 23, 11)), "缺少材料").PermittedTriggersAsync());
    }

    // ---- History of a whole track --------------------------------------------------------------------------

    [Fact]
    public void Every_transition_of_a_track_is_noted_in_order_with_who_when_and_why()
    {
        var (c, social, _) = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, China(11, 23, 9, 30)));
        var before = c.History.Count;

        social.Fire(SubItemTrigger.Begin, At(SystemActor, China(11, 23, 9, 30)), null, c.StepDueAt);
        social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 10)));
        social.Fire(SubItemTrigger.Return, At(HumanResources, China(11, 23, 10, 30)), "缺少参保职工花名册");
        social.Fire(SubItemTrigger.Resubmit, At(Applicant, China(11, 23, 11)));
        social.Fire(SubItemTrigger.Start, At(HumanResources, China(11, 23, 13)));
        social.Fire(SubItemTrigger.Complete, At(HumanResources, China(11, 23, 14)));

        var notes = c.History.Skip(before).ToList();
        Assert.Equal(
            ["SubItem.Begin", "SubItem.Start", "SubItem.Return", "SubItem.Resubmit", "SubItem.Start", "SubItem.Complete"],
            notes.Select(e => e.Action));
        Assert.Equal(
            ["社保登记：启动", "社保登记：开始办理", "社保登记：退回", "社保登记：重新提交", "社保登记：开始办理", "社保登记：办结"],
            notes.Select(e => e.ActionLabel));
        Assert.Equal(["system", "hr-1", "hr-1", "applicant-1", "hr-1", "hr-1"], notes.Select(e => e.ActorId));
        Assert.Equal(
            [China(11, 23, 9, 30), China(11, 23, 10), China(11, 23, 10, 30), China(11, 23, 11), China(11, 23, 13), China(11, 23, 14)],
            notes.Select(e => e.At));
        Assert.Equal([null, null, "缺少参保职工花名册", null, null, null], notes.Select(e => e.Reason));
        Assert.All(notes, e =>
        {
            Assert.True(Case.IsNote(e));
            Assert.Equal(CaseState.InProgress, e.FromState);
            Assert.Equal(CaseState.InProgress, e.ToState);
            Assert.Equal(Department.Market.ReviewerRole(), e.HolderRole); // the case's holder, unchanged by the track
        });
        Assert.Equal(CaseState.InProgress, c.State);
    }

    // ---- FollowCaseDeadline --------------------------------------------------------------------------------

    [Theory]
    [InlineData(SubItemState.Waiting)]
    [InlineData(SubItemState.InProgress)]
    [InlineData(SubItemState.Returned)]
    public void An_open_item_follows_its_cases_new_deadline(SubItemState state)
    {
        var (_, social) = WithSocialItemIn(state);
        var moved = China(11, 30, 11);

        social.FollowCaseDeadline(moved);
        Assert.Equal(moved, social.DueAt);

        social.FollowCaseDeadline(null);
        Assert.Null(social.DueAt);
    }

    [Theory]
    [InlineData(SubItemState.Later)]
    [InlineData(SubItemState.Done)]
    [InlineData(SubItemState.Cancelled)]
    public void An_item_that_is_not_open_keeps_its_deadline(SubItemState state)
    {
        var (_, social) = WithSocialItemIn(state);
        var before = social.DueAt;

        social.FollowCaseDeadline(China(11, 30, 11));

        Assert.Equal(before, social.DueAt);
    }

    [Fact]
    public void A_begun_track_keeps_the_deadline_the_case_had_when_it_began()
    {
        var (c, social) = Accepted();

        Assert.NotNull(c.StepDueAt);
        Assert.Equal(c.StepDueAt, social.DueAt);
        Assert.Equal(China(11, 23, 9, 30), social.StartedAt);
    }

    // ---- Labels --------------------------------------------------------------------------------------------

    [Fact]
    public void Every_state_and_trigger_has_a_chinese_label()
    {
        Assert.Equal(
            ["单独办理（未启动）", "待办理", "办理中", "已办结", "已退回", "已取消"],
            Enum.GetValues<SubItemState>().Select(SubItemWorkflow.Label));
        Assert.Equal(
            ["启动", "开始办理", "办结", "退回", "重新提交", "取消"],
            Enum.GetValues<SubItemTrigger>().Select(SubItemWorkflow.Label));
    }
}
