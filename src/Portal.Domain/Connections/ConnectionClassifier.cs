using Portal.Domain.Profiles;

namespace Portal.Domain.Connections;

/// <summary>
/// Classification on submission (SPEC 2.3). Power: 000:177-187 and 004:123; water: 002:17-19; gas: 002:19; heat and
/// telecom: profile limits. Every number is a profile key; the thresholds are named constants here.
/// </summary>
public static class ConnectionClassifier
{
    /// <summary>低压接入 ceiling and the zero-approval capacity (000:177, 000:187).</summary>
    public const decimal LowVoltageMaxKw = 160m;

    /// <summary>Zero-approval line length (000:177).</summary>
    public const decimal ZeroApprovalMaxLineM = 200m;

    /// <summary>Water: up to this pipe length 承诺备案 + 容缺受理; above it joint approval (002:19; 150 m itself is "150米以下").</summary>
    public const decimal WaterFilingMaxPipeM = 150m;

    /// <summary>工商企业接水工程费 = design budget × (1 − 3%) (002:19).</summary>
    public const decimal WaterFeeDiscount = 0.03m;

    public static decimal WaterWorksFee(decimal designBudget) => Math.Round(designBudget * (1 - WaterFeeDiscount), 2, MidpointRounding.AwayFromZero);

    public static Classification Classify(Utility utility, CustomerKind customer, TechnicalData data, bool majorPlanChange = false) => utility switch
    {
        Utility.Power => Power(customer, data),
        Utility.Water => Water(customer, data, majorPlanChange),
        Utility.Gas => new("gas", "燃气报装", "网上预审、现场踏勘后签订合同接通，燃气接通不超过10个工作日", "002:19", PromiseKeys.GasConnect, true, false, null, []),
        Utility.Heat => new("heat", "供热报装", "现场踏勘后签订合同接通；文件未规定时限，按承诺时限清单", "门户默认值", PromiseKeys.HeatConnect, true, false, null, []),
        _ => new("telecom", "通信报装", "现场踏勘后签订合同接入；文件未规定时限，按承诺时限清单", "门户默认值", PromiseKeys.TelecomConnect, true, false, null, []),
    };

    /// <summary>The note on a zero-approval low-voltage path with road or tree works (000:177): a lead time before the works.</summary>
    public const string RoadOrTreeWorksNote = "涉及城市道路挖掘、树木砍伐的：实行告知承诺制，或开工前提前3天向道路、绿化管理部门报请批准；快速路、主干道按原程序审批（000:177）。供电单位登记施工计划，门户核对提前天数";

    /// <summary>
    /// Power. "对无工程的低压用户，实行‘当日申请、次日接电’" (004:123) holds for every low-voltage customer without works,
    /// households included, so it is tested before the residential limit (居民用户 3个工作日 for the rest).
    /// </summary>
    private static Classification Power(CustomerKind customer, TechnicalData d)
    {
        var notes = new List<string>();
        var kw = d.CapacityKw ?? 0;
        if (d.Voltage == VoltageLevel.Low && customer == CustomerKind.Enterprise
            && kw <= LowVoltageMaxKw && d.LicensedAtSameAddress && d.GeneralTariff && d.DirectSupply && d.CumulativeWithinLimit)
        {
            notes.Add("小微企业160千瓦及以下低压接入：供电企业投资至电能表，用户零投资（000:187）");
        }

        if (d.Voltage == VoltageLevel.Low && !d.ExternalWorks)
        {
            return new("power-low-no-works", "低压无外线工程", "无工程的低压用户（含居民），当日申请、次日接电", "004:123", PromiseKeys.PowerLowVoltageNoWorks, false, false, null, notes);
        }

        if (customer == CustomerKind.Resident)
        {
            return new("power-residential", "居民用户", "居民用户电网侧办电时间不超过3个工作日", "004:123", PromiseKeys.PowerResidential, false, false, null, notes);
        }

        if (d.Voltage == VoltageLevel.Low)
        {
            var line = d.LineLengthM ?? 0;
            if (kw <= LowVoltageMaxKw && line <= ZeroApprovalMaxLineM && d.SanLing && d.NoInterestedParty)
            {
                notes.Add("报装容量不大于160千瓦、管线长度不大于200米、实行“三零”服务且无相关利害关系人：无需办理任何行政审批手续（000:177）");
                if (d.RoadOrTreeWorks)
                {
                    notes.Add(RoadOrTreeWorksNote);
                }

                return new("power-sanling", "“三零”服务低压接入（免审批）", "“三零”服务企业用户电网侧办电时间不超过7个工作日", "000:177；004:123", PromiseKeys.PowerSanLing, true, false, null, notes);
            }

            notes.Add(line > ZeroApprovalMaxLineM
                ? "管线长度超过200米：外线工程须办理行政审批（000:177）"
                : !d.SanLing ? "未实行“三零”服务：外线工程须办理行政审批（000:177）" : "有相关利害关系人：外线工程须办理行政审批（000:177）");
            return new("power-low-approval", "低压接入（外线工程需审批）",
                "外线工程须办理行政审批（000:177）；电网侧办电时间门户参照“三零”服务企业用户定为7个工作日，方案答复在内", "门户默认值；000:177",
                PromiseKeys.PowerLowVoltageApproval, true, true, null, notes);
        }

        notes.Add("高压用户：受理申请 → 方案答复 → 验收送电；供电企业延伸投资界面至用户建筑区划红线的，办理环节为这3个（004:123）");
        if (d.RoadOrTreeWorks)
        {
            notes.Add("短距离高压接入工程可实行承诺备案：提交施工方案、交通疏解方案、涉路工程建设协议后在线取得备案证明（000:181-183）");
        }

        return d.Voltage == VoltageLevel.Kv10
            ? d.DualSupply
                ? new("power-10kv-dual", "10千伏双电源", "10千伏双电源用户电网侧办电时间不超过18个工作日", "004:123", PromiseKeys.Power10kVDual, true, true, null, notes)
                : new("power-10kv-single", "10千伏单电源", "10千伏单电源用户电网侧办电时间不超过11个工作日", "004:123", PromiseKeys.Power10kVSingle, true, true, null, notes)
            : d.DualSupply
                ? new("power-35kv-dual", "35千伏及以上双电源", "35千伏及以上双电源用户电网侧办电时间不超过32个工作日", "004:123", PromiseKeys.Power35kVDual, true, true, null, notes)
                : new("power-35kv-single", "35千伏及以上单电源", "35千伏及以上单电源用户电网侧办电时间不超过22个工作日", "004:123", PromiseKeys.Power35kVSingle, true, true, null, notes);
    }

    /// <summary>Whether the path's works need the 涉路/涉树 works plan checked against the lead time (000:177).</summary>
    public static bool NeedsWorksPlan(Utility utility, string path, TechnicalData data) =>
        utility == Utility.Power && path == "power-sanling" && data.RoadOrTreeWorks;

    private static Classification Water(CustomerKind customer, TechnicalData d, bool majorPlanChange)
    {
        var notes = new List<string> { "用户申请 → 现场踏勘 → 装表接通，申请材料1份（002:17-19）" };
        if (customer == CustomerKind.Enterprise)
        {
            notes.Add("工商企业用户接水工程费按设计图预算下浮3%计取，竣工后按实结算（002:19）");
        }

        if (!d.ExternalWorks)
        {
            return new("water-no-works", "无外线工程", "无外线工程的用水接入，申请后立即装表、开通（002:19）；文件未给出时限，门户按1个工作日督办", "002:19；门户默认值", PromiseKeys.WaterNoWorks, false, false, null, notes);
        }

        if ((d.PipeLengthM ?? 0) <= WaterFilingMaxPipeM)
        {
            notes.Add("管线长度150米以下：实行承诺备案和容缺受理（002:19）");
            return new("water-filing", "150米以下：承诺备案、容缺受理", "用水接通不超过6个工作日", "002:19", PromiseKeys.WaterConnect, true, false, null, notes);
        }

        return new("water-joint-approval", "150米以上外线工程：联合审批",
            majorPlanChange ? "外线工程联合审批，施工方案重大调整时总时长不超过5个工作日；审批后用水接通不超过6个工作日" : "外线工程联合审批不超过3个工作日；审批后用水接通不超过6个工作日",
            "002:19", PromiseKeys.WaterConnect, true, true, majorPlanChange ? PromiseKeys.WaterJointApprovalMajor : PromiseKeys.WaterJointApproval, notes);
    }
}
