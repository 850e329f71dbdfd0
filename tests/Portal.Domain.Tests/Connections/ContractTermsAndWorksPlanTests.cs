using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Profiles;
using Portal.Workflow;
using static Portal.Domain.Tests.Connections.ConnectionKit;

namespace Portal.Domain.Tests.Connections;

/// <summary>
/// 报装 (issue 15): a supply contract is signed with its terms, which the applicant sees before confirming; a
/// zero-approval low-voltage connection with road or tree works keeps the lead time of 000:177 ("提前3天" before the
/// works, not a deadline after them) before it can be connected.
/// </summary>
public sealed class ContractTermsAndWorksPlanTests
{
    private const string TermsNeeded = "请先填写供用合同条款（供应容量或用量、价格及收费依据、双方责任），申请人确认前可以看到";

    private static readonly DateTime Accepted = China(2026, 9, 28, 10);

    [Fact]
    public void The_utility_cannot_sign_a_contract_without_its_terms()
    {
        var r = Request(Utility.Gas, GasData(), Accepted);
        var c = ConnectionKit.Accepted(r, Accepted);
        Survey(c, r, China(2026, 9, 29, 9), China(2026, 9, 29, 10));

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.SignContract, At(GasStaff, China(2026, 9, 29, 11), r)));

        Assert.Equal(new[] { TermsNeeded }, refused.UnmetGuards);
        Assert.Equal(CaseState.ContractSigning, c.State);
        Assert.Null(r.UtilitySignedAt);
    }

    [Fact]
    public void Signed_terms_are_kept_on_the_request_and_cannot_change_after_signing()
    {
        var r = Request(Utility.Gas, GasData(3_000m), Accepted);
        var c = ConnectionKit.Accepted(r, Accepted);
        Survey(c, r, China(2026, 9, 29, 9), China(2026, 9, 29, 10));
        var terms = new ContractTerms(" 月用气量约3000立方米 ", "按核定燃气价格执行", "安全供气", "安全用气");

        r.DraftContract(terms, China(2026, 9, 29, 11));
        c.Fire(CaseTrigger.SignContract, At(GasStaff, China(2026, 9, 29, 11), r));

        Assert.Equal(terms with { Capacity = "月用气量约3000立方米" }, r.Terms);
        Assert.Equal(CaseState.ContractConfirm, c.State);
        Assert.Throws<InvalidOperationException>(() => r.DraftContract(terms with { Price = "另收开户费500元" }, China(2026, 9, 29, 12)));
        Assert.Equal("按核定燃气价格执行", r.ContractPrice);
    }

    [Fact]
    public void Suggested_power_terms_state_the_applied_capacity_and_voltage()
    {
        var r = Request(Utility.Power, LowVoltage(kw: 120m), Accepted);

        var terms = ContractTerms.Suggested(r);

        Assert.Equal("报装容量120千瓦，低压（0.4千伏）供电", terms.Capacity);
        Assert.All(new[] { terms.Price, terms.UtilityDuties, terms.CustomerDuties }, t => Assert.False(string.IsNullOrWhiteSpace(t)));
    }

    // ---- 涉路、涉树: a lead time before the works (000:177) ----------------------------------------------------------------

    private static readonly TimeLimit Lead = PolicyProfiles.Zaozhuang.Find(PromiseKeys.PowerRoadWorksFiling)!.Limit;

    [Fact]
    public void The_road_works_promise_is_a_lead_time_of_three_natural_days_from_000_177()
    {
        var promise = PolicyProfiles.Zaozhuang.Find(PromiseKeys.PowerRoadWorksFiling)!;

        Assert.True(promise.LeadTime);
        Assert.Equal(TimeLimit.NaturalDays(3), promise.Limit);
        Assert.Equal("000:177", promise.Source);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)] // asked on 12-01: the works may start on 12-04 (提前3天)
    [InlineData(10, false)]
    public void Approval_asked_less_than_three_days_before_the_works_is_refused(int startDay, bool refused)
    {
        var today = new DateOnly(2026, 12, 1);

        var problems = UtilityRequest.WorksPlanProblems(RoadWorksRoute.Approval, today, new DateOnly(2026, 12, startDay), Lead, today);

        Assert.Equal(refused
            ? ["涉路、涉树工程须提前3天报请批准（000:177）：2026年12月1日报请的，最早可于2026年12月4日开工。"]
            : Array.Empty<string>(), problems);
    }

    [Fact]
    public void Commitment_needs_no_lead_time_and_original_procedure_needs_the_approval_before_the_works()
    {
        var today = new DateOnly(2026, 12, 1);

        Assert.Empty(UtilityRequest.WorksPlanProblems(RoadWorksRoute.Commitment, null, today, Lead, today));
        Assert.Empty(UtilityRequest.WorksPlanProblems(RoadWorksRoute.OriginalProcedure, today, today, Lead, today));
        Assert.NotEmpty(UtilityRequest.WorksPlanProblems(RoadWorksRoute.OriginalProcedure, null, today, Lead, today));
        Assert.NotEmpty(UtilityRequest.WorksPlanProblems(RoadWorksRoute.Approval, null, today.AddDays(5), Lead, today));
    }

    [Fact]
    public void A_connection_with_road_works_is_not_connected_before_a_plan_keeping_the_lead_time_is_registered()
    {
        var r = Request(Utility.Power, LowVoltage() with { RoadOrTreeWorks = true }, Accepted);
        Assert.True(r.NeedsWorksPlan);
        var c = ConnectionKit.Accepted(r, Accepted);
        Survey(c, r, China(2026, 9, 29, 9), China(2026, 9, 29, 10));
        SignBothSides(c, r, China(2026, 9, 29, 11), China(2026, 9, 29, 12));

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Connect, At(PowerStaff, China(2026, 9, 30, 9), r)));
        Assert.Equal(new[] { "涉及道路挖掘或树木砍伐：请先登记施工计划（告知承诺，或开工前提前3天向道路、绿化等管理部门报请批准，000:177）" }, refused.UnmetGuards);

        r.PlanRoadWorks(RoadWorksRoute.Approval, new DateOnly(2026, 9, 29), new DateOnly(2026, 10, 2), Lead, new DateOnly(2026, 9, 29), PowerStaff.Name, China(2026, 9, 29, 13));
        c.Fire(CaseTrigger.Connect, At(PowerStaff, China(2026, 10, 2, 9), r));

        Assert.Equal(CaseState.Completed, c.State);
    }

    [Fact]
    public void A_plan_breaking_the_lead_time_cannot_be_registered()
    {
        var r = Request(Utility.Power, LowVoltage() with { RoadOrTreeWorks = true }, Accepted);

        Assert.Throws<InvalidOperationException>(() =>
            r.PlanRoadWorks(RoadWorksRoute.Approval, new DateOnly(2026, 9, 29), new DateOnly(2026, 10, 1), Lead, new DateOnly(2026, 9, 29), "孙供电", Accepted));
        Assert.Null(r.WorksRoute);
    }

    [Fact]
    public void Only_the_zero_approval_low_voltage_path_with_road_works_needs_the_plan()
    {
        Assert.False(Request(Utility.Power, LowVoltage(), Accepted).NeedsWorksPlan);
        Assert.False(Request(Utility.Power, HighVoltage(VoltageLevel.Kv10, false) with { RoadOrTreeWorks = true }, Accepted).NeedsWorksPlan);
        Assert.True(Request(Utility.Power, LowVoltage() with { RoadOrTreeWorks = true }, Accepted).NeedsWorksPlan);
    }
}
