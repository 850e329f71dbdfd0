using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Workflow;
using static Portal.Domain.Tests.Connections.ConnectionKit;

namespace Portal.Domain.Tests.Connections;

/// <summary>
/// Who may act on a utility's child case and when: only that utility's staff work it, the survey is recorded only
/// after the scheduled (joint) survey time, the contract is signed by the utility and then confirmed by the applicant,
/// connection needs both signatures, and the applicant (or the system) may withdraw at any step. Refusals carry the
/// Chinese guard sentences the person sees.
/// </summary>
public sealed class UtilityConnectionGuardTests
{
    private const string PowerOnly = "只有供电单位的工作人员可以执行此操作";
    private const string ApplicantOnly = "只有申请人本人或代办人可以执行此操作";

    private static readonly DateTime Accepted0928 = China(2026, 9, 28, 10);
    private static readonly DateTime SurveyAt = China(2026, 9, 29, 9);

    /// <summary>A 10 kV single-supply child accepted on Mon 2026-09-28 10:00, in 现场踏勘.</summary>
    private static (Case Case, UtilityRequest Request) PowerCase()
    {
        var r = Request(Utility.Power, HighVoltage(VoltageLevel.Kv10, dual: false), Accepted0928);
        return (Accepted(r, Accepted0928), r);
    }

    /// <summary>The 10 kV case walked to <paramref name="state"/> with actions on 9/29 and 9/30.</summary>
    private static (Case Case, UtilityRequest Request) PowerCaseIn(CaseState state)
    {
        var (c, r) = PowerCase();
        if (state == CaseState.SiteSurvey)
        {
            return (c, r);
        }

        Survey(c, r, SurveyAt, China(2026, 9, 29, 10));
        if (state == CaseState.PlanReply)
        {
            return (c, r);
        }

        c.Fire(CaseTrigger.ReplyPlan, At(PowerStaff, China(2026, 9, 29, 14), r), Because("10千伏专线接入"));
        if (state == CaseState.ContractSigning)
        {
            return (c, r);
        }

        Sign(c, r, PowerStaff, China(2026, 9, 30, 9));
        if (state == CaseState.ContractConfirm)
        {
            return (c, r);
        }

        c.Fire(CaseTrigger.ConfirmContract, At(Applicant, China(2026, 9, 30, 20), r));
        Assert.Equal(CaseState.Connecting, c.State);
        return (c, r);
    }

    // ---- 现场踏勘 ----------------------------------------------------------------------------------------------------

    public static TheoryData<string> NotPowerStaff => new() { "water", "gas", "window", "supervisor", "applicant" };

    private static CaseActor Named(string who) => who switch
    {
        "water" => WaterStaff,
        "gas" => GasStaff,
        "window" => Window,
        "supervisor" => Supervisor,
        _ => Applicant,
    };

    [Theory]
    [MemberData(nameof(NotPowerStaff))]
    public async Task Only_the_power_company_records_the_survey_of_a_power_case(string who)
    {
        var (c, r) = PowerCase();
        r.Application.ScheduleSurvey(SurveyAt, Window.Name);
        var events = c.History.Count;

        var refused = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RecordSurvey, At(Named(who), China(2026, 9, 29, 10), r), Because("现场具备接入条件")));

        Assert.Equal(new[] { PowerOnly }, refused.UnmetGuards);
        Assert.Equal($"当前状态「现场踏勘」不能执行「记录踏勘结果」：{PowerOnly}。", refused.Message);
        Assert.Equal(CaseState.SiteSurvey, c.State);
        Assert.Null(r.SurveyFindings);
        Assert.Equal(events, c.History.Count);
        Assert.DoesNotContain(CaseTrigger.RecordSurvey, await c.PermittedActionsAsync(At(Named(who), China(2026, 9, 29, 10), r), Because("现场具备接入条件")));
    }

    [Fact]
    public void The_refusal_names_the_utility_of_the_case()
    {
        var accepted = Accepted0928;
        var r = Request(Utility.Heat, HeatData(), accepted);
        var c = Accepted(r, accepted);
        r.Application.ScheduleSurvey(SurveyAt, Window.Name);

        var refused = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, China(2026, 9, 29, 10), r), Because("具备供热条件")));

        Assert.Equal(new[] { "只有供热单位的工作人员可以执行此操作" }, refused.UnmetGuards);
        c.Fire(CaseTrigger.RecordSurvey, At(HeatStaff, China(2026, 9, 29, 10), r), Because("具备供热条件"));
        Assert.Equal(CaseState.ContractSigning, c.State);
    }

    [Fact]
    public void Survey_cannot_be_recorded_before_a_survey_time_is_scheduled()
    {
        var (c, r) = PowerCase();

        var refused = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, China(2026, 9, 29, 10), r), Because("现场具备接入条件")));

        Assert.Contains("请先安排（联合）踏勘时间", refused.UnmetGuards);
        Assert.Contains("请先安排（联合）踏勘时间", refused.Message);
        Assert.Equal(CaseState.SiteSurvey, c.State);
        Assert.Null(r.SurveyFindings);
    }

    [Fact]
    public void Refusal_before_scheduling_asks_only_to_schedule_and_shows_no_empty_survey_time()
    {
        var (c, r) = PowerCase();

        var refused = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, China(2026, 9, 29, 10), r), Because("现场具备接入条件")));

        // The "踏勘时间为{time}" guard is built with a null time when nothing is scheduled, so the person reads
        // "……请先安排（联合）踏勘时间；踏勘时间为，踏勘后才能记录结果。"
        Assert.DoesNotContain(refused.UnmetGuards, g => g.Contains("踏勘时间为，"));
        Assert.Equal(new[] { "请先安排（联合）踏勘时间" }, refused.UnmetGuards);
    }

    [Fact]
    public void Survey_cannot_be_recorded_before_the_scheduled_time_and_can_at_that_time()
    {
        var (c, r) = PowerCase();
        r.Application.ScheduleSurvey(SurveyAt, Window.Name);

        var early = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, China(2026, 9, 29, 8, 59), r), Because("现场具备接入条件")));

        Assert.Equal(new[] { "踏勘时间为2026年9月29日 09:00，踏勘后才能记录结果" }, early.UnmetGuards);
        Assert.Equal("当前状态「现场踏勘」不能执行「记录踏勘结果」：踏勘时间为2026年9月29日 09:00，踏勘后才能记录结果。", early.Message);
        Assert.Equal(CaseState.SiteSurvey, c.State);

        c.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, SurveyAt, r), Because("现场具备接入条件"));
        Assert.Equal(CaseState.PlanReply, c.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Survey_needs_findings(string? findings)
    {
        var (c, r) = PowerCase();
        r.Application.ScheduleSurvey(SurveyAt, Window.Name);

        var refused = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, China(2026, 9, 29, 10), r), Because(findings)));

        Assert.Equal(new[] { "请填写踏勘结果" }, refused.UnmetGuards);
        Assert.Null(r.SurveyFindings);
    }

    [Fact]
    public void Recorded_survey_findings_are_trimmed_and_stamp_the_request()
    {
        var (c, r) = PowerCase();
        r.Application.ScheduleSurvey(SurveyAt, Window.Name);

        c.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, China(2026, 9, 29, 10), r), Because("  需新建10千伏线路约800米  "));

        Assert.Equal("需新建10千伏线路约800米", r.SurveyFindings);
        Assert.Equal(China(2026, 9, 29, 10), r.UpdatedAt);
        var e = c.History[^1];
        Assert.Equal(nameof(CaseTrigger.RecordSurvey), e.Action);
        Assert.Equal(PowerStaff.UserId, e.ActorId);
        Assert.Equal(CaseState.SiteSurvey, e.FromState);
        Assert.Equal(CaseState.PlanReply, e.ToState);
        Assert.Equal(PowerStaff.UserId, c.OwnerId);
    }

    [Fact]
    public void Joint_survey_time_serves_every_utility_and_each_records_only_its_own_findings()
    {
        var now = Accepted0928;
        var application = Application(now);
        var power = Request(Utility.Power, LowVoltage(), now, application: application);
        var water = Request(Utility.Water, WaterData(100m), now, application: application);
        Assert.True(application.Joint);
        var powerCase = Accepted(power, now);
        var waterCase = Accepted(water, now);

        application.ScheduleSurvey(SurveyAt, WaterStaff.Name);
        Assert.Equal(SurveyAt, application.SurveyAt);
        Assert.Equal(WaterStaff.Name, application.SurveyScheduledBy);

        Assert.Throws<InvalidTransitionException>(() =>
            powerCase.Fire(CaseTrigger.RecordSurvey, At(WaterStaff, China(2026, 9, 29, 10), power), Because("供水看到的情况")));
        powerCase.Fire(CaseTrigger.RecordSurvey, At(PowerStaff, China(2026, 9, 29, 10), power), Because("低压接入，表位已定"));

        Assert.Equal(CaseState.ContractSigning, powerCase.State);
        Assert.Equal("低压接入，表位已定", power.SurveyFindings);
        Assert.Equal(CaseState.SiteSurvey, waterCase.State);
        Assert.Null(water.SurveyFindings);

        waterCase.Fire(CaseTrigger.RecordSurvey, At(WaterStaff, China(2026, 9, 29, 11), water), Because("DN50接入市政管网"));
        Assert.Equal(CaseState.ContractSigning, waterCase.State);
        Assert.Equal("DN50接入市政管网", water.SurveyFindings);
    }

    // ---- 方案答复 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Plan_reply_is_given_by_the_power_company_with_its_content()
    {
        var (c, r) = PowerCaseIn(CaseState.PlanReply);

        var byGas = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.ReplyPlan, At(GasStaff, China(2026, 9, 29, 14), r), Because("方案")));
        var blank = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.ReplyPlan, At(PowerStaff, China(2026, 9, 29, 14), r), Because(" ")));
        var byApplicant = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.ReplyPlan, At(Applicant, China(2026, 9, 29, 14), r), Because("方案")));

        Assert.Equal(new[] { PowerOnly }, byGas.UnmetGuards);
        Assert.Equal(new[] { "请填写供应方案或审批意见" }, blank.UnmetGuards);
        Assert.Equal(new[] { PowerOnly }, byApplicant.UnmetGuards);
        Assert.Equal(CaseState.PlanReply, c.State);
        Assert.Null(r.PlanRepliedAt);
    }

    // ---- 供用合同 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Contract_is_signed_first_by_the_utility_with_a_contract_number_from_the_case_number()
    {
        var (c, r) = PowerCaseIn(CaseState.ContractSigning);
        r.DraftContract(ContractTerms.Suggested(r), China(2026, 9, 30, 9));

        foreach (var actor in new[] { Applicant, Window, WaterStaff })
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.SignContract, At(actor, China(2026, 9, 30, 9), r)));
            Assert.Equal(new[] { PowerOnly }, refused.UnmetGuards);
        }

        Assert.Null(r.ContractNumber);
        Sign(c, r, PowerStaff, China(2026, 9, 30, 9));

        Assert.Equal(CaseState.ContractConfirm, c.State);
        Assert.Equal("GDBZ-20260928-000001", c.Number);
        Assert.Equal("HT-GDBZ-20260928-000001", r.ContractNumber);
        Assert.Equal("孙供电", r.UtilitySignedBy);
        Assert.Equal(China(2026, 9, 30, 9), r.UtilitySignedAt);
        Assert.Null(r.ApplicantSignedBy);
        Assert.Null(r.ApplicantSignedAt);
        Assert.Null(r.ConnectedAt);
        Assert.Equal("专营单位签章供用合同", c.History[^1].ActionLabel);
    }

    [Fact]
    public void Contract_is_confirmed_by_the_applicant_and_not_by_the_utility_or_anyone_else()
    {
        var (c, r) = PowerCaseIn(CaseState.ContractConfirm);

        foreach (var actor in new[] { PowerStaff, OtherApplicant, Window, CaseActor.System })
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.ConfirmContract, At(actor, China(2026, 9, 30, 20), r)));
            Assert.Equal(new[] { ApplicantOnly }, refused.UnmetGuards);
        }

        Assert.Equal(CaseState.ContractConfirm, c.State);
        Assert.Null(r.ApplicantSignedAt);

        c.Fire(CaseTrigger.ConfirmContract, At(Applicant, China(2026, 9, 30, 20), r));

        Assert.Equal(CaseState.Connecting, c.State);
        Assert.Equal("张明", r.ApplicantSignedBy);
        Assert.Equal(China(2026, 9, 30, 20), r.ApplicantSignedAt);
        Assert.Equal("HT-GDBZ-20260928-000001", r.ContractNumber);
    }

    [Fact]
    public void A_window_clerk_who_filed_for_the_applicant_may_confirm_the_contract_as_the_agent()
    {
        var r = Request(Utility.Gas, GasData(), Accepted0928);
        var c = Submit(r, Accepted0928, filedBy: Window);
        c.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, Accepted0928, r));
        Survey(c, r, SurveyAt, China(2026, 9, 29, 10));
        Sign(c, r, GasStaff, China(2026, 9, 29, 11));

        c.Fire(CaseTrigger.ConfirmContract, At(Window, China(2026, 9, 29, 14), r));

        Assert.Equal(CaseState.Connecting, c.State);
        Assert.Equal("王芳", r.ApplicantSignedBy);
    }

    [Fact]
    public async Task Contract_confirmation_is_held_by_the_applicant_who_alone_may_act_there()
    {
        var (c, r) = PowerCaseIn(CaseState.ContractConfirm);
        var now = China(2026, 9, 30, 10);

        Assert.Equal(Roles.Applicant, c.HolderRole);
        Assert.Empty(await c.PermittedActionsAsync(At(PowerStaff, now, r)));
        Assert.Empty(await c.PermittedActionsAsync(At(Window, now, r)));
        Assert.Equal(new[] { CaseTrigger.ConfirmContract, CaseTrigger.Withdraw }, await c.PermittedActionsAsync(At(Applicant, now, r)));
        Assert.Equal(new[] { CaseTrigger.Withdraw }, await c.PermittedActionsAsync(At(CaseActor.System, now, r)));
    }

    // ---- 接通 --------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(CaseState.SiteSurvey)]
    [InlineData(CaseState.PlanReply)]
    [InlineData(CaseState.ContractSigning)]
    [InlineData(CaseState.ContractConfirm)]
    public async Task Connection_is_not_offered_before_both_sides_have_signed(CaseState state)
    {
        var (c, r) = PowerCaseIn(state);
        r.Application.ScheduleSurvey(SurveyAt, Window.Name);
        var now = China(2026, 9, 30, 10);

        Assert.DoesNotContain(CaseTrigger.Connect, await c.PermittedActionsAsync(At(PowerStaff, now, r), Because("已送电")));
        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Connect, At(PowerStaff, now, r)));
        Assert.Empty(refused.UnmetGuards); // no such step from here at all
        Assert.Equal(state, c.State);
        Assert.Null(r.ConnectedAt);
    }

    [Fact]
    public async Task Connection_is_offered_to_the_utility_once_both_sides_have_signed_and_records_the_time()
    {
        var (c, r) = PowerCaseIn(CaseState.Connecting);
        var now = China(2026, 10, 8, 15);
        Assert.NotNull(r.UtilitySignedAt);
        Assert.NotNull(r.ApplicantSignedAt);

        Assert.Equal(new[] { CaseTrigger.Connect }, await c.PermittedActionsAsync(At(PowerStaff, now, r)));
        Assert.Equal(new[] { CaseTrigger.Withdraw }, await c.PermittedActionsAsync(At(Applicant, now, r)));
        var byApplicant = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Connect, At(Applicant, now, r)));
        Assert.Equal(new[] { PowerOnly }, byApplicant.UnmetGuards);

        c.Fire(CaseTrigger.Connect, At(PowerStaff, now, r));

        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(now, r.ConnectedAt);
        Assert.Equal(now, r.UpdatedAt);
        Assert.True(r.UtilitySignedAt <= r.ApplicantSignedAt && r.ApplicantSignedAt <= r.ConnectedAt);
        Assert.Equal("验收送电", c.History[^1].ActionLabel);
        Assert.Empty(await c.PermittedActionsAsync(At(PowerStaff, now, r)));
    }

    [Fact]
    public void Low_voltage_connection_without_a_plan_reply_is_labelled_meter_installation()
    {
        var accepted = Accepted0928;
        var r = Request(Utility.Power, LowVoltage(), accepted);
        var c = Accepted(r, accepted);
        Survey(c, r, SurveyAt, China(2026, 9, 29, 10));
        SignBothSides(c, r, China(2026, 9, 29, 11), China(2026, 9, 29, 12));

        c.Fire(CaseTrigger.Connect, At(PowerStaff, China(2026, 9, 29, 15), r));

        Assert.Equal("装表接通", c.History[^1].ActionLabel);
    }

    // ---- 撤回 --------------------------------------------------------------------------------------------------------

    [Fact]
    public void Withdrawing_from_the_survey_step_does_not_record_survey_findings()
    {
        var (c, r) = PowerCase();
        r.Application.ScheduleSurvey(SurveyAt, Window.Name);

        c.Fire(CaseTrigger.Withdraw, At(Applicant, China(2026, 9, 29, 10), r), Because("项目取消，不再需要用电"));

        Assert.Equal(CaseState.Withdrawn, c.State);
        Assert.Null(r.SurveyFindings);
        Assert.Equal(China(2026, 9, 29, 10), c.ClosedAt);
        Assert.Null(c.StepDueAt);
        Assert.Equal("项目取消，不再需要用电", c.History[^1].Reason);
        Assert.Equal(nameof(CaseTrigger.Withdraw), c.History[^1].Action);
    }

    [Theory]
    [InlineData(CaseState.SiteSurvey)]
    [InlineData(CaseState.PlanReply)]
    [InlineData(CaseState.ContractSigning)]
    [InlineData(CaseState.ContractConfirm)]
    [InlineData(CaseState.Connecting)]
    public void Applicant_or_system_may_withdraw_from_every_step_and_staff_may_not(CaseState state)
    {
        var now = China(2026, 10, 8, 10);
        foreach (var staff in new[] { PowerStaff, Window, Supervisor })
        {
            var (c0, r0) = PowerCaseIn(state);
            var refused = Assert.Throws<InvalidTransitionException>(() => c0.Fire(CaseTrigger.Withdraw, At(staff, now, r0), Because("撤回")));
            Assert.Equal(new[] { ApplicantOnly }, refused.UnmetGuards);
            Assert.Equal(state, c0.State);
        }

        foreach (var actor in new[] { Applicant, CaseActor.System })
        {
            var (c, r) = PowerCaseIn(state);
            var planReplied = r.PlanRepliedAt;
            var signedAt = r.UtilitySignedAt;

            c.Fire(CaseTrigger.Withdraw, At(actor, now, r), Because("申请人撤回报装申请"));

            Assert.Equal(CaseState.Withdrawn, c.State);
            Assert.Equal(now, c.ClosedAt);
            Assert.Null(r.ConnectedAt);
            Assert.Equal(planReplied, r.PlanRepliedAt); // leaving 方案答复 by withdrawal records no reply
            Assert.Equal(signedAt, r.UtilitySignedAt);  // nor a signature
        }
    }

    [Fact]
    public async Task Only_the_system_accepts_a_child_case_and_no_window_examines_it()
    {
        var r = Request(Utility.Power, LowVoltage(), Accepted0928);
        var c = Submit(r, Accepted0928);
        Assert.Null(c.StepDueAt); // no 受理 limit: the system accepts on submission

        var byStaff = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.AutoAccept, At(PowerStaff, Accepted0928, r)));
        var byWindow = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Accept, At(Window, Accepted0928, r)));
        var supplement = Assert.Throws<InvalidTransitionException>(() =>
            c.Fire(CaseTrigger.RequestSupplement, At(Window, Accepted0928, r), Because("请补充房产证明")));

        Assert.Equal(new[] { "由系统在提交时受理" }, byStaff.UnmetGuards);
        Assert.Empty(byWindow.UnmetGuards);
        Assert.Empty(supplement.UnmetGuards);
        Assert.Empty(await c.PermittedActionsAsync(At(Window, Accepted0928, r), Because("理由")));
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Null(c.AcceptedAt);
        Assert.Equal(new[] { CaseTrigger.AutoAccept }, await c.PermittedActionsAsync(At(CaseActor.System, Accepted0928, r)));
    }

    [Fact]
    public void Applicant_may_withdraw_a_child_case_before_it_is_accepted()
    {
        var r = Request(Utility.Power, LowVoltage(), Accepted0928);
        var c = Submit(r, Accepted0928);

        Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Withdraw, At(PowerStaff, Accepted0928, r)));
        c.Fire(CaseTrigger.Withdraw, At(Applicant, Accepted0928, r), Because("填错了用电地址"));

        Assert.Equal(CaseState.Withdrawn, c.State);
        Assert.Null(c.AcceptedAt);
    }
}
