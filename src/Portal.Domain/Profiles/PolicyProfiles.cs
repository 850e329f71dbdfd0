using Portal.Workflow;

namespace Portal.Domain.Profiles;

/// <summary>
/// The profiles shipped with the portal, one per place whose documents promise numbers: 枣庄市 (000), its district
/// 峄城区 (000 and 002), 泰安市 (003) and 聊城市 (004). Sources are seed-file:line; where a place's documents are silent
/// the number of another place's document (marked as borrowed), of the law, or the portal's own default (门户默认值) is
/// used and the note says so. Choices: docs/decisions/0019-promises-by-place.md.
/// </summary>
public static class PolicyProfiles
{
    public const string PortalDefault = "门户默认值";

    /// <summary>
    /// 枣庄市: its document (000) sets no 企业开办 limit (0.5个工作日 is 峄城区's, 002:9, in <see cref="Yicheng"/>), so the
    /// city's 企业开办 promise is the portal's own default, counted over the whole process like the documents' promises.
    /// </summary>
    public static PolicyProfile Zaozhuang { get; } = new("zaozhuang", "枣庄市", "370402", ["000"], Common(
    [
        new(PromiseKeys.EstablishmentTotal, "企业开办", "提交→办结（全流程，受理在内）", TimeLimit.WorkingDays(1), PortalDefault,
            "枣庄市文件（000）未规定企业开办时限，门户默认1个工作日；峄城区承诺0.5个工作日（002:9），见“枣庄市峄城区”配置") { WholeProcess = true },
    ]));

    /// <summary>枣庄市峄城区: the city's rules (000) and the district's own (002), e.g. 企业开办 0.5个工作日 (002:9).</summary>
    public static PolicyProfile Yicheng { get; } = new("yicheng", "枣庄市峄城区", "370404", ["000", "002"], Common(
    [
        new(PromiseKeys.EstablishmentTotal, "企业开办", "提交→办结（全流程，受理在内）", new TimeLimit(1, TimeUnit.HalfWorkingDays), "002:9",
            "“实现全流程网办、0.5个工作日办结”；0.5个工作日为所设办公日的一半") { WholeProcess = true },
    ]));

    public static PolicyProfile Taian { get; } = new("taian", "泰安市（“1545”企业开办）", "370902", ["003"], Common(
    [
        new(PromiseKeys.EstablishmentTotal, "企业开办", "提交→办结（全流程，受理在内）", TimeLimit.OfficeHours(4), "003:9",
            "“企业开办全流程只经1个环节……最长4个小时办结”，按工作时间计") { WholeProcess = true },
        new(PromiseKeys.EstablishmentGeneral, "企业开办", "一般性企业：提交→办结（全流程，受理在内）", TimeLimit.OfficeHours(2), "003:9",
            "“一般性企业开办2个小时内即可办结”；一般性企业指经营范围全部选自规范表述且不涉及许可的申请（门户规则）") { WholeProcess = true },
    ]));

    public static PolicyProfile Liaocheng { get; } = new("liaocheng", "聊城市（“4012”）", "371502", ["004"], Common(
    [
        new(PromiseKeys.EstablishmentTotal, "企业开办", "提交→办结（全流程，受理在内）", TimeLimit.OfficeMinutes(20), "004:29",
            "“延伸‘1’个环节服务链条，变‘20分钟’内开办为常态”") { WholeProcess = true },
    ]));

    public static IReadOnlyList<PolicyProfile> All { get; } = [Zaozhuang, Yicheng, Taian, Liaocheng];

    public static PolicyProfile Default => Zaozhuang;

    public static PolicyProfile? Find(string code) => All.FirstOrDefault(p => p.Code == code);

    private static IReadOnlyList<PromiseDefinition> Common(IReadOnlyList<PromiseDefinition> establishment) =>
    [
        new(PromiseKeys.CaseAccept, "全部事项", "受理（窗口审核材料）", TimeLimit.WorkingDays(1), PortalDefault,
            "文件未规定受理时限，门户默认1个工作日；承诺全流程时限的事项（企业开办），受理在全流程时限之内"),
        new(PromiseKeys.RejectionReview, "全部事项", "督查审批不予受理建议", TimeLimit.WorkingDays(1), PortalDefault, "窗口无否决权（000:503、003:381）；审批时限为门户默认"),
        .. establishment,
        new(PromiseKeys.SimpleDeregistrationNotice, "简易注销", "公告期", TimeLimit.WorkingDays(20), "000:93", "由45个工作日压缩为20个工作日"),
        new(PromiseKeys.SimpleDeregistrationCancel, "简易注销", "公告期满后注销登记", TimeLimit.WorkingDays(1), "000:93", "全程网办，1个工作日内办结"),
        new(PromiseKeys.OrdinaryCreditorNotify, "普通注销", "清算组成立后通知债权人", TimeLimit.CalendarDays(10), "《公司法》第二百三十五条", "种子文件未规定普通注销，依法律"),
        new(PromiseKeys.OrdinaryCreditorNotice, "普通注销", "清算组成立后公告", TimeLimit.CalendarDays(60), "《公司法》第二百三十五条", null),
        new(PromiseKeys.OrdinaryClaims, "普通注销", "公告后债权申报", TimeLimit.CalendarDays(45), "《公司法》第二百三十五条", "未接到通知的债权人自公告之日起45日内申报"),
        new(PromiseKeys.OrdinaryRegister, "普通注销", "提交清算报告后注销登记", TimeLimit.WorkingDays(1), PortalDefault, "文件未规定普通注销登记时限，门户默认与简易注销同为1个工作日"),
        new(PromiseKeys.PowerResidential, "获得电力", "居民用户（有外线工程或高压）：电网侧", TimeLimit.WorkingDays(3), "004:123", null),
        new(PromiseKeys.PowerSanLing, "获得电力", "“三零”服务企业用户：电网侧", TimeLimit.WorkingDays(7), "004:123", null),
        new(PromiseKeys.PowerLowVoltageApproval, "获得电力", "低压企业用户，外线工程需审批：电网侧", TimeLimit.WorkingDays(7), PortalDefault,
            "004:123未规定未实行“三零”服务的低压企业用户时限，门户参照“三零”服务企业用户的7个工作日（004:123），方案答复（外线工程审批）在内"),
        new(PromiseKeys.PowerLowVoltageNoWorks, "获得电力", "无工程的低压用户（含居民）：当日申请、次日接电", TimeLimit.NaturalDays(1), "004:123",
            "次日为自然日，不因节假日顺延，至次日24时"),
        new(PromiseKeys.Power10kVSingle, "获得电力", "10千伏单电源用户", TimeLimit.WorkingDays(11), "004:123", null),
        new(PromiseKeys.Power10kVDual, "获得电力", "10千伏双电源用户", TimeLimit.WorkingDays(18), "004:123", null),
        new(PromiseKeys.Power35kVSingle, "获得电力", "35千伏及以上单电源用户", TimeLimit.WorkingDays(22), "004:123", null),
        new(PromiseKeys.Power35kVDual, "获得电力", "35千伏及以上双电源用户", TimeLimit.WorkingDays(32), "004:123", null),
        new(PromiseKeys.PowerRoadWorksFiling, "获得电力", "涉路、涉树工程：开工前向道路、绿化等管理部门报请批准", TimeLimit.NaturalDays(3), "000:177",
            "提前3天报请批准：开工日期不早于报请之日后第3日；实行告知承诺制的不受此限，快速路、主干道按原程序审批") { LeadTime = true },
        new(PromiseKeys.WaterJointApproval, "用水报装", "外线工程联合审批（150米以上）", TimeLimit.WorkingDays(3), "002:19", null),
        new(PromiseKeys.WaterJointApprovalMajor, "用水报装", "施工方案重大调整时总时长", TimeLimit.WorkingDays(5), "002:19", null),
        new(PromiseKeys.WaterConnect, "用水报装", "用水接通", TimeLimit.WorkingDays(6), "002:19", null),
        new(PromiseKeys.WaterNoWorks, "用水报装", "无外线工程：装表、开通", TimeLimit.WorkingDays(1), PortalDefault,
            "002:19承诺“申请后立即装表、开通”，未给出时限；装表须到场，门户按1个工作日督办"),
        new(PromiseKeys.GasConnect, "用气报装", "燃气接通", TimeLimit.WorkingDays(10), "002:19", null),
        new(PromiseKeys.HeatConnect, "用热报装", "供热接通", TimeLimit.WorkingDays(10), PortalDefault, "文件未规定，管理员可调整"),
        new(PromiseKeys.TelecomConnect, "通信报装", "通信接入", TimeLimit.WorkingDays(5), PortalDefault, "文件未规定，管理员可调整"),
        new(PromiseKeys.RatingRectification, "好差评", "差评整改", TimeLimit.WorkingDays(15), PortalDefault,
            "种子文件未规定差评整改时限；国办发〔2019〕51号要求差评限期整改、反馈，期限为门户默认，管理员可按本地规定调整"),
    ];
}
