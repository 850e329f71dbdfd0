using Portal.Workflow;

namespace Portal.Domain.Profiles;

/// <summary>One promise: a limit, the service and step it applies to, and the document line it comes from.</summary>
public sealed record PromiseDefinition(string Key, string Service, string Step, TimeLimit Limit, string Source, string? Note = null);

/// <summary>A city's set of promises (SPEC 2: every limit is a default of a policy profile, not a constant).</summary>
public sealed record PolicyProfile(string Code, string Name, string RegionCode, IReadOnlyList<PromiseDefinition> Promises)
{
    public PromiseDefinition? Find(string key) => Promises.FirstOrDefault(p => p.Key == key);
}

/// <summary>
/// The profiles shipped with the portal: 枣庄 (incl. 峄城区), 泰安 and 聊城. Sources are seed-file:line
/// (000 枣庄 2021-6号, 002 峄城区方案, 003 泰安, 004 聊城); where a city's document is silent the number of
/// another document or of the law is used and the note says so.
/// </summary>
public static class PolicyProfiles
{
    private const string PortalDefault = "门户默认值";

    public static PolicyProfile Zaozhuang { get; } = new("zaozhuang", "枣庄市（含峄城区）", "370402", Common(
        new PromiseDefinitionSeed("企业开办", "受理→办结（全流程）", new TimeLimit(1, TimeUnit.HalfWorkingDays), "002:9", "0.5个工作日办结（峄城区），即一个工作日办公时间的一半（09:00-12:00、13:00-17:00 时为3小时30分钟）"),
        new PromiseDefinitionSeed("企业开办", "一般性企业开办", new TimeLimit(1, TimeUnit.HalfWorkingDays), "002:9", "文件未区分一般性企业，同全流程时限")));

    public static PolicyProfile Taian { get; } = new("taian", "泰安市（“1545”企业开办）", "370902", Common(
        new PromiseDefinitionSeed("企业开办", "受理→办结（全流程）", new TimeLimit(4, TimeUnit.OfficeHours), "003:9", "最长4个小时办结，按工作时间计"),
        new PromiseDefinitionSeed("企业开办", "一般性企业开办", new TimeLimit(2, TimeUnit.OfficeHours), "003:9", "一般性企业开办2个小时内办结")));

    public static PolicyProfile Liaocheng { get; } = new("liaocheng", "聊城市（“4012”）", "371502", Common(
        new PromiseDefinitionSeed("企业开办", "受理→办结（全流程）", new TimeLimit(20, TimeUnit.OfficeMinutes), "004:29", "变“20分钟”内开办为常态"),
        new PromiseDefinitionSeed("企业开办", "一般性企业开办", new TimeLimit(20, TimeUnit.OfficeMinutes), "004:29", null)));

    public static IReadOnlyList<PolicyProfile> All { get; } = [Zaozhuang, Taian, Liaocheng];

    public static PolicyProfile Default => Zaozhuang;

    public static PolicyProfile? Find(string code) => All.FirstOrDefault(p => p.Code == code);

    private static IReadOnlyList<PromiseDefinition> Common(PromiseDefinitionSeed total, PromiseDefinitionSeed general) =>
    [
        new(PromiseKeys.CaseAccept, "全部事项", "受理（窗口审核材料）", new TimeLimit(1, TimeUnit.WorkingDays), PortalDefault, "文件未规定受理时限，门户默认1个工作日"),
        new(PromiseKeys.RejectionReview, "全部事项", "督查审批不予受理建议", new TimeLimit(1, TimeUnit.WorkingDays), PortalDefault, "窗口无否决权（000:503、003:381）；审批时限为门户默认"),
        new(PromiseKeys.EstablishmentTotal, total.Service, total.Step, total.Limit, total.Source, total.Note),
        new(PromiseKeys.EstablishmentGeneral, general.Service, general.Step, general.Limit, general.Source, general.Note),
        new(PromiseKeys.SimpleDeregistrationNotice, "简易注销", "公告期", new TimeLimit(20, TimeUnit.WorkingDays), "000:93", "由45个工作日压缩为20个工作日"),
        new(PromiseKeys.SimpleDeregistrationCancel, "简易注销", "公告期满后注销登记", new TimeLimit(1, TimeUnit.WorkingDays), "000:93", "全程网办，1个工作日内办结"),
        new(PromiseKeys.OrdinaryCreditorNotify, "普通注销", "清算组成立后通知债权人", new TimeLimit(10, TimeUnit.CalendarDays), "《公司法》第二百三十五条", "种子文件未规定普通注销，依法律"),
        new(PromiseKeys.OrdinaryCreditorNotice, "普通注销", "清算组成立后公告", new TimeLimit(60, TimeUnit.CalendarDays), "《公司法》第二百三十五条", null),
        new(PromiseKeys.OrdinaryClaims, "普通注销", "公告后债权申报", new TimeLimit(45, TimeUnit.CalendarDays), "《公司法》第二百三十五条", "未接到通知的债权人自公告之日起45日内申报"),
        new(PromiseKeys.OrdinaryRegister, "普通注销", "提交清算报告后注销登记", new TimeLimit(1, TimeUnit.WorkingDays), PortalDefault, "文件未规定普通注销登记时限，门户默认与简易注销同为1个工作日"),
        new(PromiseKeys.PowerResidential, "获得电力", "居民用户（电网侧）", new TimeLimit(3, TimeUnit.WorkingDays), "004:123", null),
        new(PromiseKeys.PowerSanLing, "获得电力", "“三零”服务企业用户（电网侧）", new TimeLimit(7, TimeUnit.WorkingDays), "004:123", null),
        new(PromiseKeys.PowerLowVoltageNoWorks, "获得电力", "无工程低压用户：当日申请、次日接电", new TimeLimit(1, TimeUnit.WorkingDays), "004:123", null),
        new(PromiseKeys.Power10kVSingle, "获得电力", "10千伏单电源用户", new TimeLimit(11, TimeUnit.WorkingDays), "004:123", null),
        new(PromiseKeys.Power10kVDual, "获得电力", "10千伏双电源用户", new TimeLimit(18, TimeUnit.WorkingDays), "004:123", null),
        new(PromiseKeys.Power35kVSingle, "获得电力", "35千伏及以上单电源用户", new TimeLimit(22, TimeUnit.WorkingDays), "004:123", null),
        new(PromiseKeys.Power35kVDual, "获得电力", "35千伏及以上双电源用户", new TimeLimit(32, TimeUnit.WorkingDays), "004:123", null),
        new(PromiseKeys.PowerRoadWorksFiling, "获得电力", "涉路、涉树工程提前备案", new TimeLimit(3, TimeUnit.CalendarDays), "000:177", "开工前3天备案"),
        new(PromiseKeys.WaterJointApproval, "用水报装", "外线工程联合审批（150米以上）", new TimeLimit(3, TimeUnit.WorkingDays), "002:19", null),
        new(PromiseKeys.WaterJointApprovalMajor, "用水报装", "施工方案重大调整时总时长", new TimeLimit(5, TimeUnit.WorkingDays), "002:19", null),
        new(PromiseKeys.WaterConnect, "用水报装", "用水接通", new TimeLimit(6, TimeUnit.WorkingDays), "002:19", null),
        new(PromiseKeys.WaterNoWorks, "用水报装", "无外线工程：申请后立即装表开通", new TimeLimit(1, TimeUnit.WorkingDays), "002:19", "“立即”按1个工作日内计"),
        new(PromiseKeys.GasConnect, "用气报装", "燃气接通", new TimeLimit(10, TimeUnit.WorkingDays), "002:19", null),
        new(PromiseKeys.HeatConnect, "用热报装", "供热接通", new TimeLimit(10, TimeUnit.WorkingDays), PortalDefault, "文件未规定，管理员可调整"),
        new(PromiseKeys.TelecomConnect, "通信报装", "通信接入", new TimeLimit(5, TimeUnit.WorkingDays), PortalDefault, "文件未规定，管理员可调整"),
        new(PromiseKeys.RatingRectification, "好差评", "差评整改", new TimeLimit(15, TimeUnit.WorkingDays), "003:539", "原则上15个工作日内解决；德州等地为5个工作日，可调整"),
    ];

    /// <summary>The city-specific part of a profile (the 企业开办 limits differ by city).</summary>
    public sealed record PromiseDefinitionSeed(string Service, string Step, TimeLimit Limit, string Source, string? Note);
}
