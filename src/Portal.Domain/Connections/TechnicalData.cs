using System.ComponentModel.DataAnnotations;

namespace Portal.Domain.Connections;

/// <summary>
/// What the applicant says about one utility's connection. Only the fields of that utility are used; the
/// limits below are what the form accepts (anything outside is an input mistake, refused with a clear message).
/// Each field's [Display] name is the label the form shows and the name its messages use.
/// </summary>
public sealed record TechnicalData
{
    public const decimal MaxCapacityKw = 1_000_000m;
    public const decimal MaxLengthM = 50_000m;
    public const int MaxDiameterMm = 2_000;

    // 供电
    [Display(Name = "报装容量（千瓦）")]
    public decimal? CapacityKw { get; init; }

    [Display(Name = "电压等级")]
    public VoltageLevel Voltage { get; init; }

    [Display(Name = "双电源")]
    public bool DualSupply { get; init; }

    [Display(Name = "线路长度（米）")]
    public decimal? LineLengthM { get; init; }

    [Display(Name = "需要外线工程")]
    public bool ExternalWorks { get; init; }

    /// <summary>涉及城市道路挖掘或树木砍伐 (000:177).</summary>
    [Display(Name = "涉及道路挖掘或树木砍伐")]
    public bool RoadOrTreeWorks { get; init; }

    /// <summary>实行“三零”服务的企业低压接入 (000:177).</summary>
    [Display(Name = "申请“三零”服务")]
    public bool SanLing { get; init; }

    /// <summary>无相关利害关系人 (000:177).</summary>
    [Display(Name = "无相关利害关系人")]
    public bool NoInterestedParty { get; init; }

    /// <summary>小微企业四个条件 (000:187): 有营业执照且注册地址与用电地址一致的新装用户（不含集团用户）.</summary>
    [Display(Name = "有营业执照且注册地址与用电地址一致")]
    public bool LicensedAtSameAddress { get; init; }

    /// <summary>执行一般工商业电价.</summary>
    [Display(Name = "执行一般工商业电价")]
    public bool GeneralTariff { get; init; }

    /// <summary>供电企业直供.</summary>
    [Display(Name = "供电企业直供")]
    public bool DirectSupply { get; init; }

    /// <summary>同一用电地址累计接入容量160千瓦及以下.</summary>
    [Display(Name = "同一用电地址累计接入容量160千瓦及以下")]
    public bool CumulativeWithinLimit { get; init; }

    // 供水
    [Display(Name = "管线长度（米）")]
    public decimal? PipeLengthM { get; init; }

    [Display(Name = "接水管径（毫米）")]
    public int? DiameterMm { get; init; }

    // 燃气 / 供热 / 通信
    [Display(Name = "月用气量（立方米）")]
    public decimal? GasCubicMetresPerMonth { get; init; }

    [Display(Name = "供热面积（平方米）")]
    public decimal? HeatAreaM2 { get; init; }

    [Display(Name = "接入带宽（兆）")]
    public int? TelecomBandwidthMbps { get; init; }

    /// <summary>The problems with this data for the given utility, in Chinese (empty when it is acceptable).</summary>
    public IReadOnlyList<(string Field, string Message)> Problems(Utility utility)
    {
        var problems = new List<(string, string)>();
        void Range(decimal? value, string field, string label, decimal max, string unit, bool required = true)
        {
            if (value is null)
            {
                if (required)
                {
                    problems.Add((field, $"请填写{label}。"));
                }
            }
            else if (value <= 0)
            {
                problems.Add((field, $"{label}应大于0{unit}。"));
            }
            else if (value > max)
            {
                problems.Add((field, $"{label}不能超过{max:#,0}{unit}，请核对。"));
            }
        }

        switch (utility)
        {
            case Utility.Power:
                Range(CapacityKw, nameof(CapacityKw), "报装容量", MaxCapacityKw, "千瓦");
                if (LineLengthM is < 0 or > MaxLengthM)
                {
                    problems.Add((nameof(LineLengthM), $"线路长度应在0至{MaxLengthM:#,0}米之间。"));
                }
                else if (ExternalWorks && LineLengthM is not > 0)
                {
                    problems.Add((nameof(LineLengthM), LineLengthM is null
                        ? "有外线工程时请填写线路长度。"
                        : "有外线工程时线路长度应大于0米；没有外线工程的，请不要勾选“需要外线工程”。"));
                }

                if (Voltage == VoltageLevel.Low && CapacityKw > ConnectionClassifier.LowVoltageMaxKw)
                {
                    problems.Add((nameof(CapacityKw), $"低压接入容量不超过{ConnectionClassifier.LowVoltageMaxKw}千瓦（000:187），超过的请选择10千伏或以上电压等级。"));
                }

                if (Voltage == VoltageLevel.Low && DualSupply)
                {
                    problems.Add((nameof(DualSupply), "双电源只适用于10千伏及以上电压等级。"));
                }

                break;
            case Utility.Water:
                if (PipeLengthM is < 0 or > MaxLengthM)
                {
                    problems.Add((nameof(PipeLengthM), $"管线长度应在0至{MaxLengthM:#,0}米之间。"));
                }
                else if (ExternalWorks && PipeLengthM is not > 0)
                {
                    problems.Add((nameof(PipeLengthM), PipeLengthM is null
                        ? "有外线工程时请填写管线长度。"
                        : "有外线工程时管线长度应大于0米；没有外线工程的，请不要勾选“需要外线工程”。"));
                }

                if (DiameterMm is null)
                {
                    problems.Add((nameof(DiameterMm), "请填写接水管径。"));
                }
                else if (DiameterMm is < 15 or > MaxDiameterMm)
                {
                    problems.Add((nameof(DiameterMm), $"接水管径应在15至{MaxDiameterMm}毫米之间。"));
                }

                break;
            case Utility.Gas:
                Range(GasCubicMetresPerMonth, nameof(GasCubicMetresPerMonth), "月用气量", 10_000_000m, "立方米");
                break;
            case Utility.Heat:
                Range(HeatAreaM2, nameof(HeatAreaM2), "供热面积", 10_000_000m, "平方米");
                break;
            case Utility.Telecom:
                Range(TelecomBandwidthMbps, nameof(TelecomBandwidthMbps), "接入带宽", 100_000m, "兆");
                break;
        }

        return problems;
    }
}
