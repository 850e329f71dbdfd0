using System.Globalization;
using Portal.Domain.Connections;
using Portal.Domain.Profiles;
using Portal.Workflow;
using static Portal.Domain.Tests.Connections.ConnectionKit;

namespace Portal.Domain.Tests.Connections;

/// <summary>
/// The 报装 classification table (ADR 0006, SPEC 2.3): every path with its promise key, the survey and plan-reply
/// flags, the boundaries (160 kW, 200 m, 150 m) and the notes shown to the applicant.
/// </summary>
public sealed class ConnectionClassifierTests
{
    private const string SmallMicroNote = "小微企业160千瓦及以下低压接入：供电企业投资至电能表，用户零投资（000:187）";
    private const string ZeroApprovalNote = "报装容量不大于160千瓦、管线长度不大于200米、实行“三零”服务且无相关利害关系人：无需办理任何行政审批手续（000:177）";
    /// <summary>A lead time before the works (000:177), checked on the works plan — not a deadline after them.</summary>
    private const string RoadOrTreeNote = "涉及城市道路挖掘、树木砍伐的：实行告知承诺制，或开工前提前3天向道路、绿化管理部门报请批准；快速路、主干道按原程序审批（000:177）。供电单位登记施工计划，门户核对提前天数";
    private const string EnterpriseFeeNote = "工商企业用户接水工程费按设计图预算下浮3%计取，竣工后按实结算（002:19）";

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static TimeLimit LimitOf(string key) => Limits(key) ?? throw new InvalidOperationException($"枣庄 has no limit {key}");

    // ---- power ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(VoltageLevel.Low, false)]
    [InlineData(VoltageLevel.Kv10, false)]
    [InlineData(VoltageLevel.Kv35Plus, true)]
    public void Resident_power_is_the_three_working_day_residential_path_whatever_the_voltage(VoltageLevel voltage, bool dual)
    {
        var data = new TechnicalData { CapacityKw = 8m, Voltage = voltage, DualSupply = dual, ExternalWorks = true, LineLengthM = 500m };

        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Resident, data);

        Assert.Equal("power-residential", c.Path);
        Assert.Equal(PromiseKeys.PowerResidential, c.LimitKey);
        Assert.False(c.NeedsSurvey);
        Assert.False(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Equal("004:123", c.Source);
        Assert.Empty(c.Notes);
        Assert.Equal(TimeLimit.WorkingDays(3), LimitOf(c.LimitKey));
    }

    [Fact]
    public void Enterprise_low_voltage_without_external_works_is_connected_the_next_natural_day_without_survey()
    {
        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, LowVoltage(kw: 50m, lineM: null, works: false));

        Assert.Equal("power-low-no-works", c.Path);
        Assert.Equal(PromiseKeys.PowerLowVoltageNoWorks, c.LimitKey);
        Assert.False(c.NeedsSurvey);
        Assert.False(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Contains("当日申请、次日接电", c.Rule);
        Assert.Equal(TimeLimit.NaturalDays(1), LimitOf(c.LimitKey));
    }

    /// <summary>
    /// Issue 15: "对无工程的低压用户，实行‘当日申请、次日接电’" (004:123) covers households too; the classifier tested
    /// "resident" first and gave them 居民 3个工作日.
    /// </summary>
    [Fact]
    public void A_household_without_works_at_low_voltage_is_connected_the_next_natural_day()
    {
        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Resident, LowVoltage(kw: 8m, lineM: null, works: false));

        Assert.Equal("power-low-no-works", c.Path);
        Assert.Equal(PromiseKeys.PowerLowVoltageNoWorks, c.LimitKey);
        Assert.Equal("004:123", c.Source);
        Assert.Equal(TimeLimit.NaturalDays(1), LimitOf(c.LimitKey));
    }

    /// <summary>Issue 15: the high-voltage steps 受理申请 → 方案答复 → 验收送电 are 004:123's, not 002:19's.</summary>
    [Fact]
    public void High_voltage_step_note_cites_004_123()
    {
        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, HighVoltage(VoltageLevel.Kv10, dual: false));

        var note = Assert.Single(c.Notes, n => n.StartsWith("高压用户", StringComparison.Ordinal));
        Assert.EndsWith("（004:123）", note);
        Assert.DoesNotContain("002:19", note);
    }

    [Fact]
    public void Low_voltage_at_exactly_160_kilowatts_and_200_metres_with_sanling_and_no_interested_party_needs_no_approval()
    {
        var data = LowVoltage(kw: 160m, lineM: 200m);
        Assert.Empty(data.Problems(Utility.Power));

        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, data);

        Assert.Equal("power-sanling", c.Path);
        Assert.Equal(PromiseKeys.PowerSanLing, c.LimitKey);
        Assert.True(c.NeedsSurvey);
        Assert.False(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Equal("000:177；004:123", c.Source);
        Assert.Equal(new[] { ZeroApprovalNote }, c.Notes);
        Assert.Equal(TimeLimit.WorkingDays(7), LimitOf(c.LimitKey));
    }

    [Fact]
    public void Low_voltage_just_above_160_kilowatts_is_refused_with_the_low_voltage_ceiling()
    {
        var problems = LowVoltage(kw: D("160.01")).Problems(Utility.Power);

        var problem = Assert.Single(problems);
        Assert.Equal(nameof(TechnicalData.CapacityKw), problem.Field);
        Assert.Equal("低压接入容量不超过160千瓦（000:187），超过的请选择10千伏或以上电压等级。", problem.Message);
    }

    [Fact]
    public void The_same_capacity_above_160_kilowatts_is_accepted_at_10_kilovolts()
    {
        var data = HighVoltage(VoltageLevel.Kv10, dual: false, kw: D("160.01"));

        Assert.Empty(data.Problems(Utility.Power));
        Assert.Equal("power-10kv-single", ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, data).Path);
    }

    [Fact]
    public void Line_of_200_point_1_metres_needs_external_works_approval_with_a_plan_reply()
    {
        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, LowVoltage(kw: 160m, lineM: D("200.1")));

        Assert.Equal("power-low-approval", c.Path);
        Assert.Equal(PromiseKeys.PowerLowVoltageApproval, c.LimitKey); // its own row on /Promises (issue 15)
        Assert.True(c.NeedsSurvey);
        Assert.True(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Contains("管线长度超过200米：外线工程须办理行政审批（000:177）", c.Notes);
        Assert.DoesNotContain(ZeroApprovalNote, c.Notes);
    }

    [Theory]
    [InlineData(false, true, "未实行“三零”服务：外线工程须办理行政审批（000:177）")]
    [InlineData(true, false, "有相关利害关系人：外线工程须办理行政审批（000:177）")]
    [InlineData(false, false, "未实行“三零”服务：外线工程须办理行政审批（000:177）")]
    public void Low_voltage_without_sanling_or_with_an_interested_party_needs_approval_and_says_why(bool sanLing, bool noInterestedParty, string reason)
    {
        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, LowVoltage(kw: 100m, lineM: 50m, sanLing: sanLing, noInterestedParty: noInterestedParty));

        Assert.Equal("power-low-approval", c.Path);
        Assert.Equal(PromiseKeys.PowerLowVoltageApproval, c.LimitKey); // its own row on /Promises (issue 15)
        Assert.True(c.NeedsPlanApproval);
        Assert.Contains(reason, c.Notes);
        Assert.DoesNotContain(ZeroApprovalNote, c.Notes);
    }

    [Theory]
    [InlineData(true, true, true, true, true)]
    [InlineData(false, true, true, true, false)]
    [InlineData(true, false, true, true, false)]
    [InlineData(true, true, false, true, false)]
    [InlineData(true, true, true, false, false)]
    [InlineData(false, false, false, false, false)]
    public void Small_micro_note_appears_only_when_all_four_conditions_hold(bool licensed, bool generalTariff, bool directSupply, bool cumulative, bool expected)
    {
        var data = LowVoltage(kw: 160m, lineM: 200m) with
        {
            LicensedAtSameAddress = licensed,
            GeneralTariff = generalTariff,
            DirectSupply = directSupply,
            CumulativeWithinLimit = cumulative,
        };

        var withWorks = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, data);
        var withoutWorks = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, data with { ExternalWorks = false });

        Assert.Equal(expected, withWorks.Notes.Contains(SmallMicroNote));
        Assert.Equal(expected, withoutWorks.Notes.Contains(SmallMicroNote));
        Assert.Equal("power-sanling", withWorks.Path);
        Assert.Equal("power-low-no-works", withoutWorks.Path);
    }

    [Fact]
    public void Small_micro_note_needs_160_kilowatts_or_less_even_when_the_four_conditions_hold()
    {
        var data = LowVoltage(kw: D("160.01")) with { LicensedAtSameAddress = true, GeneralTariff = true, DirectSupply = true, CumulativeWithinLimit = true };

        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, data);

        Assert.DoesNotContain(SmallMicroNote, c.Notes);
    }

    [Fact]
    public void Small_micro_note_is_not_given_to_residents()
    {
        var data = LowVoltage(kw: 8m) with { LicensedAtSameAddress = true, GeneralTariff = true, DirectSupply = true, CumulativeWithinLimit = true };

        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Resident, data);

        Assert.DoesNotContain(SmallMicroNote, c.Notes);
    }

    [Fact]
    public void Road_or_tree_works_add_the_notification_note_on_the_zero_approval_path_only_when_present()
    {
        var without = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, LowVoltage());
        var with = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, LowVoltage() with { RoadOrTreeWorks = true });

        Assert.DoesNotContain(RoadOrTreeNote, without.Notes);
        Assert.Equal(new[] { ZeroApprovalNote, RoadOrTreeNote }, with.Notes);
        Assert.Equal("power-sanling", with.Path);
        Assert.False(with.NeedsPlanApproval);
    }

    [Fact]
    public void Road_or_tree_works_at_high_voltage_offer_the_short_distance_filing()
    {
        var without = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, HighVoltage(VoltageLevel.Kv10, false));
        var with = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, HighVoltage(VoltageLevel.Kv10, false) with { RoadOrTreeWorks = true });

        Assert.DoesNotContain(without.Notes, n => n.Contains("承诺备案"));
        Assert.Contains(with.Notes, n => n.Contains("短距离高压接入工程可实行承诺备案") && n.Contains("000:181-183"));
        Assert.Contains(with.Notes, n => n.StartsWith("高压用户：受理申请 → 方案答复 → 验收送电"));
    }

    [Theory]
    [InlineData(VoltageLevel.Kv10, false, "power-10kv-single", PromiseKeys.Power10kVSingle, 11)]
    [InlineData(VoltageLevel.Kv10, true, "power-10kv-dual", PromiseKeys.Power10kVDual, 18)]
    [InlineData(VoltageLevel.Kv35Plus, false, "power-35kv-single", PromiseKeys.Power35kVSingle, 22)]
    [InlineData(VoltageLevel.Kv35Plus, true, "power-35kv-dual", PromiseKeys.Power35kVDual, 32)]
    public void High_voltage_paths_have_survey_plan_reply_and_their_single_or_dual_supply_limit(
        VoltageLevel voltage, bool dual, string path, string key, int workingDays)
    {
        var data = HighVoltage(voltage, dual);
        Assert.Empty(data.Problems(Utility.Power));

        var c = ConnectionClassifier.Classify(Utility.Power, CustomerKind.Enterprise, data);

        Assert.Equal(path, c.Path);
        Assert.Equal(key, c.LimitKey);
        Assert.True(c.NeedsSurvey);
        Assert.True(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Equal("004:123", c.Source);
        Assert.Contains($"不超过{workingDays}个工作日", c.Rule);
        Assert.Equal(TimeLimit.WorkingDays(workingDays), LimitOf(c.LimitKey));
    }

    [Fact]
    public void Dual_supply_at_low_voltage_is_an_input_mistake()
    {
        var problem = Assert.Single((LowVoltage() with { DualSupply = true }).Problems(Utility.Power));

        Assert.Equal(nameof(TechnicalData.DualSupply), problem.Field);
        Assert.Equal("双电源只适用于10千伏及以上电压等级。", problem.Message);
        Assert.Empty(HighVoltage(VoltageLevel.Kv10, dual: true).Problems(Utility.Power));
        Assert.Empty(HighVoltage(VoltageLevel.Kv35Plus, dual: true).Problems(Utility.Power));
    }

    // ---- water ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Water_without_external_works_is_metered_at_once_without_survey()
    {
        var c = ConnectionClassifier.Classify(Utility.Water, CustomerKind.Resident, WaterData(null, works: false));

        Assert.Equal("water-no-works", c.Path);
        Assert.Equal(PromiseKeys.WaterNoWorks, c.LimitKey);
        Assert.False(c.NeedsSurvey);
        Assert.False(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Equal(TimeLimit.WorkingDays(1), LimitOf(c.LimitKey));
    }

    [Fact]
    public void Water_pipe_of_exactly_150_metres_is_filing_with_tolerance_and_six_working_days()
    {
        var c = ConnectionClassifier.Classify(Utility.Water, CustomerKind.Enterprise, WaterData(150m));

        Assert.Equal("water-filing", c.Path);
        Assert.Equal(PromiseKeys.WaterConnect, c.LimitKey);
        Assert.True(c.NeedsSurvey);
        Assert.False(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Contains("管线长度150米以下：实行承诺备案和容缺受理（002:19）", c.Notes);
        Assert.Equal(TimeLimit.WorkingDays(6), LimitOf(c.LimitKey));
    }

    [Fact]
    public void Water_pipe_of_150_point_1_metres_needs_joint_approval_of_three_working_days()
    {
        var c = ConnectionClassifier.Classify(Utility.Water, CustomerKind.Enterprise, WaterData(D("150.1")));

        Assert.Equal("water-joint-approval", c.Path);
        Assert.Equal(PromiseKeys.WaterConnect, c.LimitKey);
        Assert.True(c.NeedsSurvey);
        Assert.True(c.NeedsPlanApproval);
        Assert.Equal(PromiseKeys.WaterJointApproval, c.ApprovalLimitKey);
        Assert.Contains("外线工程联合审批不超过3个工作日", c.Rule);
        Assert.DoesNotContain(c.Notes, n => n.Contains("承诺备案"));
        Assert.Equal(TimeLimit.WorkingDays(3), LimitOf(c.ApprovalLimitKey!));
    }

    [Fact]
    public void Water_joint_approval_with_a_major_plan_change_has_five_working_days()
    {
        var c = ConnectionClassifier.Classify(Utility.Water, CustomerKind.Enterprise, WaterData(D("150.1")), majorPlanChange: true);

        Assert.Equal("water-joint-approval", c.Path);
        Assert.Equal(PromiseKeys.WaterConnect, c.LimitKey);
        Assert.Equal(PromiseKeys.WaterJointApprovalMajor, c.ApprovalLimitKey);
        Assert.Contains("施工方案重大调整时总时长不超过5个工作日", c.Rule);
        Assert.Equal(TimeLimit.WorkingDays(5), LimitOf(c.ApprovalLimitKey!));
    }

    [Fact]
    public void A_major_plan_change_does_not_matter_at_150_metres_or_less()
    {
        var c = ConnectionClassifier.Classify(Utility.Water, CustomerKind.Enterprise, WaterData(150m), majorPlanChange: true);

        Assert.Equal("water-filing", c.Path);
        Assert.Null(c.ApprovalLimitKey);
    }

    [Theory]
    [InlineData(CustomerKind.Enterprise, true)]
    [InlineData(CustomerKind.Resident, false)]
    public void Water_works_fee_note_is_shown_to_enterprises_only_on_every_water_path(CustomerKind customer, bool expected)
    {
        foreach (var data in new[] { WaterData(null, works: false), WaterData(150m), WaterData(D("150.1")) })
        {
            var c = ConnectionClassifier.Classify(Utility.Water, customer, data);
            Assert.Equal(expected, c.Notes.Contains(EnterpriseFeeNote));
            Assert.Equal("用户申请 → 现场踏勘 → 装表接通，申请材料1份（002:17-19）", c.Notes[0]);
        }
    }

    [Theory]
    [InlineData("10000", "9700.00")]
    [InlineData("333.33", "323.33")]   // 323.3301
    [InlineData("1", "0.97")]
    [InlineData("2.5", "2.43")]        // 2.425: midpoint rounded away from zero, not to even (2.42)
    [InlineData("0.05", "0.05")]       // 0.0485
    [InlineData("123456.78", "119753.08")] // 119753.0766
    public void Water_works_fee_is_the_budget_less_three_percent_rounded_to_the_fen(string budget, string fee)
    {
        var result = ConnectionClassifier.WaterWorksFee(D(budget));

        Assert.Equal(D(fee), result);
        Assert.Equal(fee, result.ToString("0.00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Recording_a_design_budget_stores_the_discounted_works_fee()
    {
        var request = Request(Utility.Water, WaterData(D("150.1")), China(2026, 11, 23, 9));

        request.SetDesignBudget(D("333.33"), China(2026, 11, 24, 10));

        Assert.Equal(D("333.33"), request.DesignBudget);
        Assert.Equal(D("323.33"), request.WorksFee);
        Assert.Equal(China(2026, 11, 24, 10), request.UpdatedAt);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000000000.01")]
    public void A_design_budget_that_is_not_positive_or_absurd_is_refused_in_chinese(string budget)
    {
        var request = Request(Utility.Water, WaterData(D("150.1")), China(2026, 11, 23, 9));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => request.SetDesignBudget(D(budget), China(2026, 11, 24, 10)));

        Assert.Contains("设计预算应大于0且不超过10亿元。", error.Message);
        Assert.Null(request.DesignBudget);
        Assert.Null(request.WorksFee);
    }

    // ---- gas, heat, telecom -----------------------------------------------------------------------------------------

    [Fact]
    public void Gas_is_surveyed_and_connected_within_ten_working_days()
    {
        var c = ConnectionClassifier.Classify(Utility.Gas, CustomerKind.Enterprise, GasData());

        Assert.Equal("gas", c.Path);
        Assert.Equal(PromiseKeys.GasConnect, c.LimitKey);
        Assert.True(c.NeedsSurvey);
        Assert.False(c.NeedsPlanApproval);
        Assert.Null(c.ApprovalLimitKey);
        Assert.Equal("002:19", c.Source);
        Assert.Equal(TimeLimit.WorkingDays(10), LimitOf(c.LimitKey));
    }

    [Theory]
    [InlineData(Utility.Heat, "heat", PromiseKeys.HeatConnect)]
    [InlineData(Utility.Telecom, "telecom", PromiseKeys.TelecomConnect)]
    public void Heat_and_telecom_use_the_portal_default_limit(Utility utility, string path, string key)
    {
        var c = ConnectionClassifier.Classify(utility, CustomerKind.Enterprise, DataFor(utility));

        Assert.Equal(path, c.Path);
        Assert.Equal(key, c.LimitKey);
        Assert.True(c.NeedsSurvey);
        Assert.False(c.NeedsPlanApproval);
        Assert.Equal("门户默认值", c.Source);
    }

    [Fact]
    public void Every_key_a_classification_can_name_exists_in_every_policy_profile()
    {
        var data = new List<(Utility, CustomerKind, TechnicalData, bool)>
        {
            (Utility.Power, CustomerKind.Resident, LowVoltage(kw: 8m), false),
            (Utility.Power, CustomerKind.Enterprise, LowVoltage(works: false), false),
            (Utility.Power, CustomerKind.Enterprise, LowVoltage(), false),
            (Utility.Power, CustomerKind.Enterprise, LowVoltage(lineM: 300m), false),
            (Utility.Power, CustomerKind.Enterprise, HighVoltage(VoltageLevel.Kv10, false), false),
            (Utility.Power, CustomerKind.Enterprise, HighVoltage(VoltageLevel.Kv10, true), false),
            (Utility.Power, CustomerKind.Enterprise, HighVoltage(VoltageLevel.Kv35Plus, false), false),
            (Utility.Power, CustomerKind.Enterprise, HighVoltage(VoltageLevel.Kv35Plus, true), false),
            (Utility.Water, CustomerKind.Enterprise, WaterData(null, works: false), false),
            (Utility.Water, CustomerKind.Enterprise, WaterData(100m), false),
            (Utility.Water, CustomerKind.Enterprise, WaterData(300m), false),
            (Utility.Water, CustomerKind.Enterprise, WaterData(300m), true),
            (Utility.Gas, CustomerKind.Enterprise, GasData(), false),
            (Utility.Heat, CustomerKind.Enterprise, HeatData(), false),
            (Utility.Telecom, CustomerKind.Enterprise, TelecomData(), false),
        };

        var paths = new HashSet<string>();
        foreach (var (utility, customer, d, major) in data)
        {
            var c = ConnectionClassifier.Classify(utility, customer, d, major);
            paths.Add(c.Path);
            foreach (var profile in PolicyProfiles.All)
            {
                Assert.NotNull(profile.Find(c.LimitKey));
                if (c.ApprovalLimitKey is { } approval)
                {
                    Assert.NotNull(profile.Find(approval));
                }
            }
        }

        Assert.Equal(15 - 1, paths.Count); // water-joint-approval appears twice (with and without a major change)
    }
}
