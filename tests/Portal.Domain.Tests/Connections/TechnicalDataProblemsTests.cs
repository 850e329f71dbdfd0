using System.Globalization;
using Portal.Domain.Connections;
using static Portal.Domain.Tests.Connections.ConnectionKit;

namespace Portal.Domain.Tests.Connections;

/// <summary>
/// The input mistakes the 报装 form refuses (ADR 0006: "bad technical data is refused in Chinese"): each utility checks
/// only its own fields, and each problem names the field with a Chinese sentence the applicant can act on.
/// </summary>
public sealed class TechnicalDataProblemsTests
{
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static (string Field, string Message) OnlyProblem(TechnicalData data, Utility utility) => Assert.Single(data.Problems(utility));

    [Theory]
    [InlineData(Utility.Power)]
    [InlineData(Utility.Water)]
    [InlineData(Utility.Gas)]
    [InlineData(Utility.Heat)]
    [InlineData(Utility.Telecom)]
    public void Sensible_data_for_a_utility_has_no_problems(Utility utility) =>
        Assert.Empty(DataFor(utility).Problems(utility));

    [Fact]
    public void Each_utility_checks_only_its_own_fields()
    {
        var power = LowVoltage(lineM: null, works: false);

        Assert.Empty(power.Problems(Utility.Power));
        Assert.Equal(new[] { (nameof(TechnicalData.DiameterMm), "请填写接水管径。") }, power.Problems(Utility.Water));
        Assert.Equal(new[] { (nameof(TechnicalData.GasCubicMetresPerMonth), "请填写月用气量。") }, power.Problems(Utility.Gas));
        Assert.Equal(new[] { (nameof(TechnicalData.HeatAreaM2), "请填写供热面积。") }, power.Problems(Utility.Heat));
        Assert.Equal(new[] { (nameof(TechnicalData.TelecomBandwidthMbps), "请填写接入带宽。") }, power.Problems(Utility.Telecom));

        // ExternalWorks is shared: with works, water also asks for its pipe length.
        Assert.Equal(
            new[] { (nameof(TechnicalData.PipeLengthM), "有外线工程时请填写管线长度。"), (nameof(TechnicalData.DiameterMm), "请填写接水管径。") },
            LowVoltage().Problems(Utility.Water));
    }

    // ---- power ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Missing_capacity_is_asked_for() =>
        Assert.Equal((nameof(TechnicalData.CapacityKw), "请填写报装容量。"), OnlyProblem(LowVoltage() with { CapacityKw = null }, Utility.Power));

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.01")]
    [InlineData("0")]
    public void Capacity_of_zero_or_less_is_refused(string kw) =>
        Assert.Equal((nameof(TechnicalData.CapacityKw), "报装容量应大于0千瓦。"), OnlyProblem(LowVoltage(kw: D(kw)), Utility.Power));

    [Fact]
    public void Absurd_capacity_above_a_million_kilowatts_is_refused()
    {
        var data = HighVoltage(VoltageLevel.Kv35Plus, dual: true, kw: D("1000000.01"));

        Assert.Equal((nameof(TechnicalData.CapacityKw), "报装容量不能超过1,000,000千瓦，请核对。"), OnlyProblem(data, Utility.Power));
        Assert.Empty((data with { CapacityKw = TechnicalData.MaxCapacityKw }).Problems(Utility.Power));
    }

    [Fact]
    public void The_smallest_positive_capacity_is_accepted() =>
        Assert.Empty(LowVoltage(kw: D("0.01")).Problems(Utility.Power));

    [Theory]
    [InlineData("-0.1")]
    [InlineData("-200")]
    [InlineData("50000.1")]
    [InlineData("999999")]
    public void Line_length_outside_zero_to_fifty_kilometres_is_refused(string metres) =>
        Assert.Equal((nameof(TechnicalData.LineLengthM), "线路长度应在0至50,000米之间。"), OnlyProblem(LowVoltage(lineM: D(metres), sanLing: false), Utility.Power));

    [Theory]
    [InlineData("0.01")]
    [InlineData("50000")]
    public void Line_length_at_the_ends_of_its_range_is_accepted(string metres) =>
        Assert.Empty((HighVoltage(VoltageLevel.Kv10, dual: false) with { LineLengthM = D(metres) }).Problems(Utility.Power));

    /// <summary>Issue 15: a line of 0 m passed with 需要外线工程 (external works need a line).</summary>
    [Fact]
    public void Line_of_zero_metres_is_refused_with_external_works_and_accepted_without()
    {
        Assert.Equal(
            (nameof(TechnicalData.LineLengthM), "有外线工程时线路长度应大于0米；没有外线工程的，请不要勾选“需要外线工程”。"),
            OnlyProblem(HighVoltage(VoltageLevel.Kv10, dual: false) with { LineLengthM = 0m }, Utility.Power));
        Assert.Empty(LowVoltage(lineM: 0m, works: false).Problems(Utility.Power));
    }

    /// <summary>Issue 15: a pipe of 0 m passed with 需要外线工程.</summary>
    [Fact]
    public void Pipe_of_zero_metres_is_refused_with_external_works_and_accepted_without()
    {
        Assert.Equal(
            (nameof(TechnicalData.PipeLengthM), "有外线工程时管线长度应大于0米；没有外线工程的，请不要勾选“需要外线工程”。"),
            OnlyProblem(WaterData(0m, works: true), Utility.Water));
        Assert.Empty(WaterData(0m, works: false).Problems(Utility.Water));
    }

    [Fact]
    public void Missing_line_length_is_asked_for_only_when_there_are_external_works()
    {
        Assert.Equal((nameof(TechnicalData.LineLengthM), "有外线工程时请填写线路长度。"), OnlyProblem(LowVoltage(lineM: null, works: true), Utility.Power));
        Assert.Empty(LowVoltage(lineM: null, works: false).Problems(Utility.Power));
    }

    [Fact]
    public void Several_power_mistakes_are_all_reported_at_once()
    {
        var data = new TechnicalData { CapacityKw = 200m, Voltage = VoltageLevel.Low, DualSupply = true, ExternalWorks = true, LineLengthM = null };

        var problems = data.Problems(Utility.Power);

        Assert.Equal(
            new[] { nameof(TechnicalData.LineLengthM), nameof(TechnicalData.CapacityKw), nameof(TechnicalData.DualSupply) },
            problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.EndsWith("。", p.Message));
    }

    // ---- water ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Missing_pipe_length_is_asked_for_only_when_there_are_external_works()
    {
        Assert.Equal((nameof(TechnicalData.PipeLengthM), "有外线工程时请填写管线长度。"), OnlyProblem(WaterData(null, works: true), Utility.Water));
        Assert.Empty(WaterData(null, works: false).Problems(Utility.Water));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("50000.01")]
    public void Pipe_length_outside_zero_to_fifty_kilometres_is_refused(string metres) =>
        Assert.Equal((nameof(TechnicalData.PipeLengthM), "管线长度应在0至50,000米之间。"), OnlyProblem(WaterData(D(metres)), Utility.Water));

    [Fact]
    public void Missing_diameter_is_asked_for_even_without_external_works() =>
        Assert.Equal((nameof(TechnicalData.DiameterMm), "请填写接水管径。"), OnlyProblem(WaterData(null, works: false, diameterMm: null), Utility.Water));

    [Theory]
    [InlineData(14)]
    [InlineData(0)]
    [InlineData(-50)]
    [InlineData(2001)]
    public void Diameter_outside_15_to_2000_millimetres_is_refused(int mm) =>
        Assert.Equal((nameof(TechnicalData.DiameterMm), "接水管径应在15至2000毫米之间。"), OnlyProblem(WaterData(100m, diameterMm: mm), Utility.Water));

    [Theory]
    [InlineData(15)]
    [InlineData(2000)]
    public void Diameter_at_the_ends_of_its_range_is_accepted(int mm) =>
        Assert.Empty(WaterData(100m, diameterMm: mm).Problems(Utility.Water));

    // ---- gas, heat, telecom -----------------------------------------------------------------------------------------

    [Fact]
    public void Missing_gas_volume_is_asked_for() =>
        Assert.Equal((nameof(TechnicalData.GasCubicMetresPerMonth), "请填写月用气量。"), OnlyProblem(GasData(null), Utility.Gas));

    [Theory]
    [InlineData("0", "月用气量应大于0立方米。")]
    [InlineData("-5", "月用气量应大于0立方米。")]
    [InlineData("10000000.5", "月用气量不能超过10,000,000立方米，请核对。")]
    public void Gas_volume_out_of_range_is_refused(string volume, string message) =>
        Assert.Equal((nameof(TechnicalData.GasCubicMetresPerMonth), message), OnlyProblem(GasData(D(volume)), Utility.Gas));

    [Theory]
    [InlineData(null, "请填写供热面积。")]
    [InlineData("0", "供热面积应大于0平方米。")]
    [InlineData("10000001", "供热面积不能超过10,000,000平方米，请核对。")]
    public void Heat_area_missing_or_out_of_range_is_refused(string? area, string message) =>
        Assert.Equal((nameof(TechnicalData.HeatAreaM2), message), OnlyProblem(new TechnicalData { HeatAreaM2 = area is null ? null : D(area) }, Utility.Heat));

    [Theory]
    [InlineData(null, "请填写接入带宽。")]
    [InlineData(0, "接入带宽应大于0兆。")]
    [InlineData(-10, "接入带宽应大于0兆。")]
    [InlineData(100_001, "接入带宽不能超过100,000兆，请核对。")]
    public void Telecom_bandwidth_missing_or_out_of_range_is_refused(int? mbps, string message) =>
        Assert.Equal((nameof(TechnicalData.TelecomBandwidthMbps), message), OnlyProblem(new TechnicalData { TelecomBandwidthMbps = mbps }, Utility.Telecom));
}
