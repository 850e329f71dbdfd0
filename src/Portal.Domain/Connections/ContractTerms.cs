namespace Portal.Domain.Connections;

/// <summary>The terms of a supply contract (供用合同) the applicant reads before confirming it.</summary>
public sealed record ContractTerms(string Capacity, string Price, string UtilityDuties, string CustomerDuties)
{
    public const int MaxShort = 200;
    public const int MaxLong = 1000;

    /// <summary>The terms a utility starts from (it edits them on its signing form): the applied capacity and the usual duties.</summary>
    public static ContractTerms Suggested(UtilityRequest r) => r.Utility switch
    {
        Utility.Power => new(
            $"报装容量{r.Data.CapacityKw:0.##}千瓦，{r.Data.Voltage.Label()}供电" + (r.Data.DualSupply ? "，双电源" : ""),
            "按山东省发展改革委核定的销售电价执行" + (r.Data.GeneralTariff ? "（一般工商业电价）" : "") + "；业扩工程费用按国家和省有关规定，不收取无依据费用",
            "按合同约定的容量、电压和可靠性连续供电；计划停电提前公告；按约定抄表、结算；负责产权分界点电源侧设施的运行维护",
            "按时交纳电费；安全、合理用电，不擅自增容或转供；负责产权分界点负荷侧设施的运行维护"),
        Utility.Water => new(
            $"接水管径{r.Data.DiameterMm}毫米" + (r.Data.ExternalWorks ? $"，外线管线{r.Data.PipeLengthM:0.##}米" : ""),
            "按价格主管部门核定的供水价格执行" + (r.WorksFee is { } fee ? $"；接水工程费{fee:#,0.00}元（设计预算下浮3%，竣工后按实结算，002:19）" : ""),
            "按约定的水质、水压连续供水；计划停水提前公告；负责计量水表及表前设施的维护",
            "按时交纳水费；不擅自改装、拆除计量设施；负责表后设施的维护"),
        Utility.Gas => new(
            $"月用气量约{r.Data.GasCubicMetresPerMonth:0.##}立方米",
            "按价格主管部门核定的燃气价格执行",
            "按约定的气质、气压安全供气；定期入户安全检查；负责表前设施的维护",
            "安全用气，配合安全检查；按时交纳燃气费；不擅自改装燃气设施"),
        Utility.Heat => new(
            $"供热面积{r.Data.HeatAreaM2:0.##}平方米",
            "按价格主管部门核定的供热价格执行",
            "采暖期内按约定温度连续供热；负责供热主管网的维护",
            "按时交纳热费；不擅自改动供热设施"),
        _ => new(
            $"接入带宽{r.Data.TelecomBandwidthMbps}兆",
            "按所选资费套餐执行",
            "按约定带宽提供接入服务；故障及时修复",
            "按时交纳通信费；合法使用网络"),
    };
}
