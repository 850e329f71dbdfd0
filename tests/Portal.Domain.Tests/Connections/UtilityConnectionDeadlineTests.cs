using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using static Portal.Domain.Tests.Connections.ConnectionKit;

namespace Portal.Domain.Tests.Connections;

/// <summary>
/// The deadlines of one utility's child case on the China calendar (2026 arrangement): every utility-held step is due
/// at acceptance + the whole promise, so the stored deadline does not move from step to step; the applicant's
/// contract confirmation has none; water over 150 m has its own joint-approval step and counts the 6-day connection
/// from the plan reply. Expected instants are counted by hand (the acceptance day itself does not count).
/// </summary>
public sealed class UtilityConnectionDeadlineTests
{
    private static readonly string PowerRole = Department.Power.ReviewerRole();
    private static readonly string WaterRole = Department.Water.ReviewerRole();
    private static readonly string GasRole = Department.Gas.ReviewerRole();

    [Fact]
    public void Ten_kilovolt_single_supply_accepted_before_national_day_is_due_eleven_working_days_later_at_every_utility_step()
    {
        // Mon 9/28: 9/29 (1), 9/30 (2), 10/1-10/7 国庆节, 10/8 (3), 10/9 (4), Sat 10/10 调休上班 (5),
        // 10/12-16 (6-10), Mon 10/19 (11).
        var accepted = China(2026, 9, 28, 10);
        var due = China(2026, 10, 19, 17);
        var r = Request(Utility.Power, HighVoltage(VoltageLevel.Kv10, dual: false), accepted);

        var c = Accepted(r, accepted);
        Assert.Equal(CaseState.SiteSurvey, c.State);
        Assert.Equal(accepted, c.AcceptedAt);
        Assert.Equal(PowerRole, c.HolderRole);
        Assert.Equal(due, c.StepDueAt);
        Assert.Equal("11个工作日", c.StepLimitText);
        var warn = c.StepWarnAt;
        Assert.NotNull(warn);
        Assert.True(warn > accepted && warn < due);

        Survey(c, r, China(2026, 9, 29, 9), China(2026, 9, 29, 15));
        Assert.Equal(CaseState.PlanReply, c.State);
        Assert.Equal(China(2026, 9, 29, 15), c.StepStartedAt);
        Assert.Equal(PowerRole, c.HolderRole);
        Assert.Equal(due, c.StepDueAt);
        Assert.Equal(warn, c.StepWarnAt);

        c.Fire(CaseTrigger.ReplyPlan, At(PowerStaff, China(2026, 10, 9, 10), r), Because("10千伏专线接入，新建箱变一座"));
        Assert.Equal(CaseState.ContractSigning, c.State);
        Assert.Equal(China(2026, 10, 9, 10), r.PlanRepliedAt);
        Assert.Equal(due, c.StepDueAt); // no separate approval limit: still counted from acceptance
        Assert.Equal(warn, c.StepWarnAt);

        Sign(c, r, PowerStaff, China(2026, 10, 10, 10)); // Saturday 调休上班
        Assert.Equal(CaseState.ContractConfirm, c.State);
        Assert.Equal(Roles.Applicant, c.HolderRole);
        Assert.Null(c.StepDueAt);
        Assert.Null(c.StepWarnAt);
        Assert.Null(c.StepLimitText);
        Assert.Equal(0, c.StepLimitMinutes);

        c.Fire(CaseTrigger.ConfirmContract, At(Applicant, China(2026, 10, 11, 20), r)); // the applicant signs on a Sunday evening
        Assert.Equal(CaseState.Connecting, c.State);
        Assert.Equal(PowerRole, c.HolderRole);
        Assert.Equal(China(2026, 10, 11, 20), c.StepStartedAt);
        Assert.Equal(due, c.StepDueAt);

        c.Fire(CaseTrigger.Connect, At(PowerStaff, China(2026, 10, 16, 15), r));
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(China(2026, 10, 16, 15), c.ClosedAt);
        Assert.Equal(China(2026, 10, 16, 15), r.ConnectedAt);
        Assert.Null(c.StepDueAt);
        Assert.False(c.IsOverdue);

        // No window examines 报装: the submission step has no acceptance limit of its own.
        Assert.Equal(
            new[] { "Submit", "AutoAccept", "RecordSurvey", "ReplyPlan", "SignContract", "ConfirmContract", "Connect" },
            c.History.Select(e => e.Action));
        Assert.Equal(
            new DateTime?[] { null, due, due, due, null, due, null },
            c.History.Select(e => e.DueAt));
        Assert.Equal("验收送电", c.History[^1].ActionLabel);
    }

    [Theory]
    // 10 kV dual, 18: ... 10/19-23 (11-15), 10/26 (16), 10/27 (17), Wed 10/28 (18).
    [InlineData("power-10kv-dual", 10, 28)]
    // 35 kV single, 22: ... 10/28 (18), 10/29 (19), 10/30 (20), 11/2 (21), Tue 11/3 (22).
    [InlineData("power-35kv-single", 11, 3)]
    // 35 kV dual, 32: ... 11/3 (22), 11/4-6 (23-25), 11/9-13 (26-30), 11/16 (31), Tue 11/17 (32).
    [InlineData("power-35kv-dual", 11, 17)]
    // 三零, 7: 9/29, 9/30, 10/8, 10/9, Sat 10/10, 10/12, Tue 10/13.
    [InlineData("power-sanling", 10, 13)]
    [InlineData("power-low-approval", 10, 13)]
    // Resident, 3: 9/29, 9/30, Thu 10/8.
    [InlineData("power-residential", 10, 8)]
    // No works: 次日, the next natural day (004:123) — Tue 9/29 until 24:00, i.e. 9/30 00:00.
    [InlineData("power-low-no-works", 9, 29)]
    public void Every_utility_held_power_step_is_due_at_acceptance_plus_the_whole_promise(string path, int dueMonth, int dueDay)
    {
        var accepted = China(2026, 9, 28, 10);
        var due = path == "power-low-no-works" ? China(2026, dueMonth, dueDay + 1) : China(2026, dueMonth, dueDay, 17);
        var (data, customer) = path switch
        {
            "power-10kv-dual" => (HighVoltage(VoltageLevel.Kv10, dual: true), CustomerKind.Enterprise),
            "power-35kv-single" => (HighVoltage(VoltageLevel.Kv35Plus, dual: false), CustomerKind.Enterprise),
            "power-35kv-dual" => (HighVoltage(VoltageLevel.Kv35Plus, dual: true), CustomerKind.Enterprise),
            "power-sanling" => (LowVoltage(), CustomerKind.Enterprise),
            "power-low-approval" => (LowVoltage(lineM: 450m), CustomerKind.Enterprise),
            "power-residential" => (LowVoltage(kw: 8m), CustomerKind.Resident),
            _ => (LowVoltage(lineM: null, works: false), CustomerKind.Enterprise),
        };
        var r = Request(Utility.Power, data, accepted, customer);
        Assert.Equal(path, r.Path);
        var c = Accepted(r, accepted);
        r.Application.ScheduleSurvey(China(2026, 9, 29, 9), PowerStaff.Name);

        var visited = new List<CaseState>();
        var at = China(2026, 9, 29, 10);
        while (!c.State.IsFinal())
        {
            visited.Add(c.State);
            if (c.State == CaseState.ContractConfirm)
            {
                Assert.Equal(Roles.Applicant, c.HolderRole);
                Assert.Null(c.StepDueAt);
                c.Fire(CaseTrigger.ConfirmContract, At(Applicant, at, r));
            }
            else
            {
                Assert.Equal(PowerRole, c.HolderRole);
                Assert.Equal(due, c.StepDueAt);
                var trigger = c.State switch
                {
                    CaseState.SiteSurvey => CaseTrigger.RecordSurvey,
                    CaseState.PlanReply => CaseTrigger.ReplyPlan,
                    CaseState.ContractSigning => CaseTrigger.SignContract,
                    _ => CaseTrigger.Connect,
                };
                if (trigger == CaseTrigger.SignContract)
                {
                    r.DraftContract(ContractTerms.Suggested(r), at);
                }

                c.Fire(trigger, At(PowerStaff, at, r), Because("已办理"));
            }

            at = at.AddHours(1);
        }

        Assert.Equal(CaseState.Completed, c.State);
        var expected = new List<CaseState>();
        if (r.NeedsSurvey)
        {
            expected.Add(CaseState.SiteSurvey);
        }

        if (r.NeedsPlanApproval)
        {
            expected.Add(CaseState.PlanReply);
        }

        expected.AddRange([CaseState.ContractSigning, CaseState.ContractConfirm, CaseState.Connecting]);
        Assert.Equal(expected, visited);
    }

    [Fact]
    public void Gas_accepted_before_spring_festival_counts_both_makeup_saturdays_and_skips_the_festival()
    {
        // Thu 2/12: Fri 2/13 (1), Sat 2/14 调休上班 (2), 2/15-2/23 春节, 2/24-27 (3-6), Sat 2/28 调休上班 (7),
        // Mon 3/2 (8), 3/3 (9), Wed 3/4 (10).
        var accepted = China(2026, 2, 12, 10);
        var due = China(2026, 3, 4, 17);
        var r = Request(Utility.Gas, GasData(), accepted);

        var c = Accepted(r, accepted);
        Assert.Equal(CaseState.SiteSurvey, c.State);
        Assert.Equal(GasRole, c.HolderRole);
        Assert.Equal(due, c.StepDueAt);
        Assert.Equal("10个工作日", c.StepLimitText);

        Survey(c, r, China(2026, 2, 14, 9), China(2026, 2, 14, 11));
        Assert.Equal(CaseState.ContractSigning, c.State); // no plan reply for gas
        Assert.Equal(due, c.StepDueAt);
        Assert.Null(r.PlanRepliedAt);

        Sign(c, r, GasStaff, China(2026, 2, 24, 9, 30));
        Assert.Null(c.StepDueAt);
        c.Fire(CaseTrigger.ConfirmContract, At(Applicant, China(2026, 2, 26, 9), r));
        Assert.Equal(CaseState.Connecting, c.State);
        Assert.Equal(due, c.StepDueAt);
        Assert.False(c.MarkOverdue(China(2026, 3, 4, 16, 59)));

        c.Fire(CaseTrigger.Connect, At(GasStaff, China(2026, 3, 4, 16, 59), r));
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal("装表接通", c.History[^1].ActionLabel);
        Assert.False(c.IsOverdue);
    }

    [Theory]
    [InlineData(2, 12, 3, 4)]
    // Fri 2/13: 2/14 (1), 2/24-27 (2-5), 2/28 (6), 3/2-5 (7-10).
    [InlineData(2, 13, 3, 5)]
    // Accepted on the make-up Saturday 2/14 itself: 2/24-27 (1-4), 2/28 (5), 3/2-6 (6-10).
    [InlineData(2, 14, 3, 6)]
    // Accepted during the festival (the system accepts at once): the same ten days from 2/24.
    [InlineData(2, 18, 3, 6)]
    public void Gas_promise_across_spring_festival_depends_only_on_the_acceptance_day(int month, int day, int dueMonth, int dueDay)
    {
        var accepted = China(2026, month, day, 10);
        var c = Accepted(Request(Utility.Gas, GasData(), accepted), accepted);

        Assert.Equal(China(2026, dueMonth, dueDay, 17), c.StepDueAt);
    }

    [Theory]
    // Wed 2025-12-31: 2026-01-01-03 元旦, Sun 1/4 调休上班 (1), 1/5-9 (2-6), 1/12-15 (7-10).
    [InlineData(Utility.Heat, 1, 15)]
    // Telecom, 5: Sun 1/4 (1), 1/5-8 (2-5).
    [InlineData(Utility.Telecom, 1, 8)]
    public void Heat_and_telecom_accepted_on_new_years_eve_count_the_makeup_sunday(Utility utility, int dueMonth, int dueDay)
    {
        var accepted = China(2025, 12, 31, 10);
        var c = Accepted(Request(utility, DataFor(utility), accepted), accepted);

        Assert.Equal(CaseState.SiteSurvey, c.State);
        Assert.Equal(utility.Department().ReviewerRole(), c.HolderRole);
        Assert.Equal(China(2026, dueMonth, dueDay, 17), c.StepDueAt);
    }

    [Fact]
    public void Water_over_150_metres_has_its_own_approval_limit_and_counts_the_connection_from_the_plan_reply()
    {
        // Wed 4/29. Survey step (6 from acceptance): 4/30 (1), 5/1-5/5 劳动节, 5/6-8 (2-4), Sat 5/9 调休上班 (5), Mon 5/11 (6).
        var accepted = China(2026, 4, 29, 10);
        var r = Request(Utility.Water, WaterData(300m), accepted);
        Assert.Equal(("water.connect", "water.joint-approval"), PromiseKeysOf(r));

        var c = Accepted(r, accepted);
        Assert.Equal(CaseState.SiteSurvey, c.State);
        Assert.Equal(WaterRole, c.HolderRole);
        Assert.Equal(China(2026, 5, 11, 17), c.StepDueAt);
        Assert.Equal("6个工作日", c.StepLimitText);

        // Joint approval, 3 from the step's start (Thu 4/30): 5/6 (1), 5/7 (2), Fri 5/8 (3).
        Survey(c, r, China(2026, 4, 30, 9), China(2026, 4, 30, 10));
        Assert.Equal(CaseState.PlanReply, c.State);
        Assert.Equal(WaterRole, c.HolderRole);
        Assert.Equal(China(2026, 4, 30, 10), c.StepStartedAt);
        Assert.Equal(China(2026, 5, 8, 17), c.StepDueAt);
        Assert.Equal("3个工作日", c.StepLimitText);

        // Connection, 6 from the plan reply (Fri 5/8): Sat 5/9 (1), 5/11-15 (2-6).
        c.Fire(CaseTrigger.ReplyPlan, At(WaterStaff, China(2026, 5, 8, 16), r), Because("联合审批通过，DN50接水"));
        Assert.Equal(China(2026, 5, 8, 16), r.PlanRepliedAt);
        Assert.Equal(CaseState.ContractSigning, c.State);
        Assert.Equal(China(2026, 5, 15, 17), c.StepDueAt);
        Assert.Equal("6个工作日", c.StepLimitText);

        Sign(c, r, WaterStaff, China(2026, 5, 9, 10));
        Assert.Equal(Roles.Applicant, c.HolderRole);
        Assert.Null(c.StepDueAt);

        c.Fire(CaseTrigger.ConfirmContract, At(Applicant, China(2026, 5, 11, 9), r));
        Assert.Equal(CaseState.Connecting, c.State);
        Assert.Equal(China(2026, 5, 15, 17), c.StepDueAt);

        c.Fire(CaseTrigger.Connect, At(WaterStaff, China(2026, 5, 14, 11), r));
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal("装表接通", c.History[^1].ActionLabel);
    }

    [Fact]
    public void Water_joint_approval_with_a_major_plan_change_has_five_working_days_from_the_step_start()
    {
        var accepted = China(2026, 4, 29, 10);
        var r = Request(Utility.Water, WaterData(300m), accepted, majorPlanChange: true);
        var c = Accepted(r, accepted);

        // From Thu 4/30: 5/6 (1), 5/7 (2), 5/8 (3), Sat 5/9 (4), Mon 5/11 (5).
        Survey(c, r, China(2026, 4, 30, 9), China(2026, 4, 30, 10));

        Assert.Equal(CaseState.PlanReply, c.State);
        Assert.Equal(China(2026, 5, 11, 17), c.StepDueAt);
        Assert.Equal("5个工作日", c.StepLimitText);
    }

    [Fact]
    public void Water_approval_and_connection_deadlines_follow_a_late_survey_and_a_late_plan_reply()
    {
        var accepted = China(2026, 4, 29, 10);
        var r = Request(Utility.Water, WaterData(300m), accepted);
        var c = Accepted(r, accepted);

        // Survey on Thu 5/7: 5/8 (1), Sat 5/9 (2), Mon 5/11 (3).
        Survey(c, r, China(2026, 5, 7, 9), China(2026, 5, 7, 10));
        Assert.Equal(China(2026, 5, 11, 17), c.StepDueAt);

        // Plan reply Mon 5/11: 5/12-15 (1-4), Mon 5/18 (5), Tue 5/19 (6).
        c.Fire(CaseTrigger.ReplyPlan, At(WaterStaff, China(2026, 5, 11, 9), r), Because("联合审批通过"));
        Assert.Equal(China(2026, 5, 19, 17), c.StepDueAt);

        Sign(c, r, WaterStaff, China(2026, 5, 12, 9));
        c.Fire(CaseTrigger.ConfirmContract, At(Applicant, China(2026, 5, 13, 9), r));
        Assert.Equal(CaseState.Connecting, c.State);
        Assert.Equal(China(2026, 5, 19, 17), c.StepDueAt);
    }

    [Fact]
    public void Water_up_to_150_metres_has_no_plan_reply_and_counts_six_working_days_from_acceptance_throughout()
    {
        var accepted = China(2026, 4, 29, 10);
        var due = China(2026, 5, 11, 17);
        var r = Request(Utility.Water, WaterData(150m), accepted);
        var c = Accepted(r, accepted);
        Assert.Equal(due, c.StepDueAt);

        Survey(c, r, China(2026, 5, 6, 9), China(2026, 5, 6, 10));
        Assert.Equal(CaseState.ContractSigning, c.State);
        Assert.Equal(due, c.StepDueAt);
        Assert.Null(r.PlanRepliedAt);

        SignBothSides(c, r, China(2026, 5, 7, 9), China(2026, 5, 8, 9));
        Assert.Equal(CaseState.Connecting, c.State);
        Assert.Equal(due, c.StepDueAt);
    }

    [Fact]
    public void Water_without_external_works_starts_at_the_contract_and_is_due_the_next_working_day()
    {
        // Thu 4/30 15:00: 5/1-5/5 劳动节, Wed 5/6 (1).
        var accepted = China(2026, 4, 30, 15);
        var r = Request(Utility.Water, WaterData(null, works: false), accepted, CustomerKind.Resident);

        var c = Accepted(r, accepted);

        Assert.Equal(CaseState.ContractSigning, c.State);
        Assert.Equal(WaterRole, c.HolderRole);
        Assert.Equal(China(2026, 5, 6, 17), c.StepDueAt);
        Assert.Equal("1个工作日", c.StepLimitText);
    }

    [Fact]
    public void A_child_filed_by_the_window_is_still_accepted_by_the_system_and_counted_from_acceptance()
    {
        var accepted = China(2026, 9, 28, 10);
        var r = Request(Utility.Power, LowVoltage(), accepted);
        var c = Submit(r, accepted, filedBy: Window);
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(PowerRole, c.HolderRole); // the utility sees the demand at once
        Assert.Equal(Channel.Assisted, c.Channel);

        c.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, accepted, r));

        Assert.Equal(CaseState.SiteSurvey, c.State);
        Assert.Equal(China(2026, 10, 13, 17), c.StepDueAt);
        Assert.Null(c.OwnerId); // the system does not become the 首问 owner
    }

    private static (string, string) PromiseKeysOf(UtilityRequest r) => (r.LimitKey, r.ApprovalLimitKey ?? "");
}
