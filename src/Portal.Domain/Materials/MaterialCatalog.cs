using Portal.Domain.Enterprises;

namespace Portal.Domain.Materials;

/// <summary>
/// The material lists (材料清单) of every service, of each 企业开办 sub-item and of the business-scope entries that need
/// more (食品经营: 经营场所平面布局图, 食品安全管理制度). Materials the government already holds are 免提交 and looked up
/// (电子证照 / 电子两证: 000:79, 003:11-13, 002:23, 000:487). The seeds name few concrete materials; every line they are
/// silent on says "门户默认" and is listed in docs/decisions/0018-materials.md.
/// </summary>
public static class MaterialCatalog
{
    public const string PortalDefault = "门户默认";

    /// <summary>The item a free-text 一次性告知 is answered under (no list item was marked 不合格).</summary>
    public const string SupplementCode = "supplement";

    /// <summary>The item a free-text 容缺 commitment is supplied under (no list item was deferred).</summary>
    public const string ToleranceCode = "tolerance";

    private const string ElectronicId = "全省电子证照库：居民身份证电子信息（“电子两证”）";
    private const string ElectronicLicence = "全省电子证照库：电子营业执照（“电子两证”）";

    // ---- 企业开办 ------------------------------------------------------------------------------------------------

    public static MaterialRequirement PersonIdentity { get; } = new("identity", "法定代表人、自然人股东的身份证明", MaterialSupply.LookedUp, "000:79；003:11-13")
    {
        Required = true,
        LookedUpFrom = ElectronicId,
        Note = "扫描证件二维码或录入证件号码即调取，无需上传身份证复印件。",
        AllowsExplanation = false,
    };

    public static MaterialRequirement InvestorLicence { get; } = new("investor-licence", "企业股东的主体资格证明", MaterialSupply.LookedUp, "000:79；003:11-13")
    {
        Required = true,
        Condition = "股东为企业的",
        LookedUpFrom = ElectronicLicence,
        AllowsExplanation = false,
    };

    public static MaterialRequirement Premises { get; } = new("premises", "住所（经营场所）使用证明", MaterialSupply.Upload, PortalDefault + "（住所信息录入：000:89）")
    {
        Required = true,
        Note = "租用的上传租赁合同；自有房产上传不动产权证书，或在说明中填写不动产权证号，由窗口通过不动产登记电子证照核验（000:487）。",
        Template = "lease",
    };

    public static MaterialRequirement FloorPlan { get; } = new("floor-plan", "经营场所平面布局图", MaterialSupply.Upload, PortalDefault + "（食品经营许可）")
    {
        Required = true,
        Tolerable = true,
        Condition = "经营范围含餐饮服务、食品销售的",
        Note = "标明加工操作间、库房、就餐或销售区域的位置和面积；手绘拍照亦可。",
        Template = "floor-plan",
        Formats = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png],
    };

    public static MaterialRequirement FoodSafetyRules { get; } = new("food-safety-rules", "食品安全管理制度", MaterialSupply.Upload, PortalDefault + "（食品经营许可）")
    {
        Required = true,
        Tolerable = true,
        Condition = "经营范围含餐饮服务、食品销售的",
        Note = "进货查验、从业人员健康管理、食品安全自查等制度文本。",
        Template = "food-safety-rules",
    };

    public static MaterialRequirement Vehicles { get; } = new("vehicles", "营运车辆行驶证或购车合同", MaterialSupply.Upload, PortalDefault + "（道路运输经营许可）")
    {
        Required = true,
        Tolerable = true,
        Condition = "经营范围含道路货物运输的",
    };

    public static MaterialRequirement Qualifications { get; } = new("qualifications", "专业技术人员证书和安全生产考核合格证", MaterialSupply.Upload, PortalDefault + "（建筑业企业资质）")
    {
        Required = true,
        Tolerable = true,
        Condition = "经营范围含建筑劳务分包的",
    };

    public static MaterialRequirement SharedRegistration { get; } = new("shared-registration", "涉税、社保、医保、公积金登记信息", MaterialSupply.LookedUp, "000:85")
    {
        Required = true,
        LookedUpFrom = "设立登记信息同步共享（一表申请，无需重复填报）",
        AllowsExplanation = false,
    };

    public static MaterialRequirement StaffRoster { get; } = new("staff-roster", "职工花名册（姓名、身份证号、岗位、劳动合同起止日期）", MaterialSupply.Upload, PortalDefault)
    {
        Required = true,
        Tolerable = true,
        Condition = "办理职工就业登记的",
        Template = "staff-roster",
    };

    /// <summary>What each business-scope entry that needs a permit adds to the list.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<MaterialRequirement>> ByScope { get; } = new Dictionary<string, IReadOnlyList<MaterialRequirement>>
    {
        ["catering"] = [FloorPlan, FoodSafetyRules],
        ["food-sales"] = [FloorPlan, FoodSafetyRules],
        ["freight"] = [Vehicles],
        ["construction-labour"] = [Qualifications],
    };

    /// <summary>What each 企业开办 sub-item adds (the others use the shared registration data).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<MaterialRequirement>> BySubItem { get; } = new Dictionary<string, IReadOnlyList<MaterialRequirement>>
    {
        ["employment"] = [StaffRoster],
    };

    /// <summary>The list of one 企业开办 application: the base list, its scope entries' and its 同步 sub-items' lines, each once.</summary>
    public static IReadOnlyList<MaterialRequirement> ForEstablishment(IEnumerable<string> scopeCodes, IEnumerable<string> synchronousItems)
    {
        var list = new List<MaterialRequirement> { PersonIdentity, InvestorLicence, Premises, SharedRegistration };
        list.AddRange(scopeCodes.SelectMany(code => ByScope.TryGetValue(code, out var more) ? more : []));
        list.AddRange(synchronousItems.SelectMany(code => BySubItem.TryGetValue(code, out var more) ? more : []));
        return list.DistinctBy(r => r.Code).ToList();
    }

    // ---- 单独办理, 注销, 报装 ---------------------------------------------------------------------------------------

    public static MaterialRequirement EnterpriseLicence { get; } = new("licence", "营业执照", MaterialSupply.LookedUp, "000:487；002:23")
    {
        Required = true,
        LookedUpFrom = ElectronicLicence,
        Note = "凡能出示合法有效电子证照的，不再要求另行提供（002:23）。",
        AllowsExplanation = false,
    };

    /// <summary>单独办理 on an existing enterprise: only its legal representative's identity is looked up.</summary>
    public static MaterialRequirement LegalRepresentativeIdentity { get; } = new("legal-representative-identity", "法定代表人身份证明", MaterialSupply.LookedUp, "000:79；000:487")
    {
        Required = true,
        LookedUpFrom = ElectronicId,
        Note = "扫描证件二维码或录入证件号码即调取，无需上传身份证复印件。",
        AllowsExplanation = false,
    };

    /// <summary>涉税办理 uses the 电子两证 (000:79); who handles the tax affairs is named and their identity looked up.</summary>
    public static MaterialRequirement TaxOfficerIdentity { get; } = new("tax-officer-identity", "财务负责人、办税人员的身份证明", MaterialSupply.LookedUp, "000:79")
    {
        Required = true,
        LookedUpFrom = ElectronicId,
        Note = "在申请中填写姓名和证件号码即调取；新办纳税人套餐（发票、税务Ukey）无需另交材料。",
        AllowsExplanation = false,
    };

    /// <summary>社保、医保、公积金、税务 use the enterprise's registration record, shared by the registration authority (000:85).</summary>
    public static MaterialRequirement RegistrationRecord { get; } = new("registration-record", "企业设立登记信息", MaterialSupply.LookedUp, "000:85")
    {
        Required = true,
        LookedUpFrom = "登记机关共享的设立登记信息（名称、住所、法定代表人、经营范围），无需重复填报",
        AllowsExplanation = false,
    };

    /// <summary>预约银行开户: the appointment is made online and pushed to the bank (000:83-85).</summary>
    public static MaterialRequirement BankAppointment { get; } = new("bank-appointment", "预约开户信息（开户银行、网点）", MaterialSupply.Online, "000:83-85")
    {
        Required = true,
        Note = "在线选择开户银行和网点；银行凭电子营业执照核验，无需另交营业执照复印件。",
        AllowsExplanation = false,
    };

    public static MaterialRequirement SimpleCommitment { get; } = new("simple-commitment", "全体投资人承诺书", MaterialSupply.Online, "000:93（简易注销全程网办）")
    {
        Required = true,
        Note = "在申请页逐项自检适用条件后在线签署，无需上传。",
        AllowsExplanation = false,
    };

    public static MaterialRequirement LiquidationGroup { get; } = new("liquidation-group", "清算组成员名单及成立清算组的决议", MaterialSupply.Upload, PortalDefault)
    {
        Required = true,
        Template = "liquidation-members",
    };

    /// <summary>
    /// The permits an enterprise holds, cancelled together with its licence (营业执照与许可证同步注销: 000:93, 003:23).
    /// The seeds name the mechanism, not the paper: what is uploaded, and that it is optional, is 门户默认.
    /// </summary>
    public static MaterialRequirement PermitsHeld { get; } = new("permits-held", "许可证件（随营业执照同步注销）", MaterialSupply.Upload, "003:23；000:93（营业执照与许可证同步注销）；门户默认")
    {
        Condition = "持有食品经营许可证等行政许可证件的",
        Note = "上传许可证正本照片或电子证照截图，随营业执照同步注销；未持有许可证的无需上传。",
    };

    public static MaterialRequirement TaxClearance { get; } = new("tax-clearance", "清税证明", MaterialSupply.LookedUp, "000:97（涉企注销办理结果实时共享，责任部门含市税务局）")
    {
        Required = true,
        LookedUpFrom = "税务部门共享清税结果",
        AllowsExplanation = false,
    };

    public static MaterialRequirement LiquidationReport { get; } = new("liquidation-report", "清算报告", MaterialSupply.Online, PortalDefault)
    {
        Required = true,
        Note = "在办件的“清算报告”环节在线填写。",
        AllowsExplanation = false,
    };

    public static MaterialRequirement AuthorityBasis { get; } = new("authority-basis", "依职权注销的依据文书（法院裁定、吊销决定等）", MaterialSupply.Upload, PortalDefault + "（代位注销、除名：004:35，其申请材料待明确）")
    {
        Required = true,
        Note = "由督查发起时上传；企业无需提交材料。",
    };

    public static MaterialRequirement ApplicantIdentity { get; } = new("applicant-identity", "申请人身份证明或营业执照", MaterialSupply.LookedUp, "000:487；002:23")
    {
        Required = true,
        LookedUpFrom = ElectronicId + "，或" + ElectronicLicence,
        AllowsExplanation = false,
    };

    /// <summary>用电: 000:185 speaks of the 产权证明 of a new low-voltage connection and lets rural users without one commit instead.</summary>
    public static MaterialRequirement PowerSiteProperty { get; } = new("site-property", "用电地址的产权证明或租赁合同", MaterialSupply.Upload, "000:185（产权证明及农村地区告知承诺；租赁合同为门户默认）")
    {
        Note = "农村地区低压新装（增容）无法提供产权证明的，可在说明中书面承诺，不再要求村委会证明（告知承诺，000:185）。",
        Template = "lease",
    };

    /// <summary>用气、用热、通信: the sources name no site proof for these (门户默认).</summary>
    public static MaterialRequirement SiteProperty { get; } = new("site-property", "报装地址的产权证明或租赁合同", MaterialSupply.Upload, PortalDefault)
    {
        Note = "自有房产可在说明中填写不动产权证号，由专营单位通过不动产登记电子证照核验（000:487）。",
        Template = "lease",
    };

    /// <summary>The joint application (联合报装): one line for the address of every utility chosen, the 用电 commitment named.</summary>
    public static MaterialRequirement JointSiteProperty { get; } = SiteProperty with
    {
        Note = SiteProperty.Note + "报装用电的，农村地区低压新装（增容）无法提供产权证明的，可在说明中书面承诺（000:185）；用水无需此项（002:19）。",
    };

    public static MaterialRequirement RoadWorks { get; } = new("road-works", "施工方案、交通疏解方案、涉路工程建设协议", MaterialSupply.Upload, "000:181-183；003:101")
    {
        Condition = "短距离高压接入涉及城市道路挖掘、采用承诺备案的",
        Note = "由施工企业或供电企业代为提交亦可（003:101）。",
    };

    public static MaterialRequirement WaterForm { get; } = new("water-form", "用水报装申请表", MaterialSupply.Online, "002:19")
    {
        Required = true,
        Note = "用水报装申请材料减少至1份：即本门户的在线申请表（002:19）。",
        AllowsExplanation = false,
    };

    public static MaterialRequirement GasForm { get; } = new("gas-form", "燃气报装申请表", MaterialSupply.Online, "002:19")
    {
        Required = true,
        Note = "简化燃气报装材料，全业务线上办理（002:19）。",
        AllowsExplanation = false,
    };

    /// <summary>
    /// The list of a service other than 企业开办 itself (which depends on its application: <see cref="ForEstablishment"/>).
    /// A code the portal does not run is a programming error, not an empty list.
    /// </summary>
    public static IReadOnlyList<MaterialRequirement> ForService(string serviceCode) => serviceCode switch
    {
        "establishment" => ForEstablishment([], []),
        "addon-seal" => [EnterpriseLicence, LegalRepresentativeIdentity],
        "addon-tax" => [EnterpriseLicence, LegalRepresentativeIdentity, TaxOfficerIdentity, RegistrationRecord],
        "addon-social-insurance" or "addon-medical-insurance" or "addon-housing-fund" => [EnterpriseLicence, LegalRepresentativeIdentity, RegistrationRecord],
        "addon-bank-account" => [EnterpriseLicence, LegalRepresentativeIdentity, BankAppointment],
        "addon-employment" => [EnterpriseLicence, LegalRepresentativeIdentity, StaffRoster],
        "deregistration-simple" => [EnterpriseLicence, SimpleCommitment, PermitsHeld],
        "deregistration-ordinary" => [EnterpriseLicence, LiquidationGroup, PermitsHeld, LiquidationReport, TaxClearance],
        "deregistration-authority" => [AuthorityBasis],
        "connection" => [ApplicantIdentity, JointSiteProperty],
        "connection-power" => [ApplicantIdentity, PowerSiteProperty, RoadWorks],
        "connection-water" => [ApplicantIdentity, WaterForm],
        "connection-gas" => [ApplicantIdentity, GasForm, SiteProperty],
        "connection-heat" or "connection-telecom" => [ApplicantIdentity, SiteProperty],
        _ => throw new ArgumentOutOfRangeException(nameof(serviceCode), serviceCode, "材料清单中没有这个事项。"),
    };

    /// <summary>A service's list as its guide page shows it, in sections.</summary>
    public static IReadOnlyList<MaterialSection> Guide(string serviceCode)
    {
        if (serviceCode == "deregistration-ordinary")
        {
            return
            [
                new MaterialSection("普通注销", null, ForService(serviceCode)),
                new MaterialSection("依职权注销（代位注销、除名）", "由登记机关依职权发起，企业无需提交材料。", ForService("deregistration-authority")),
            ];
        }

        if (serviceCode != "establishment")
        {
            return [new MaterialSection("申请材料", null, ForService(serviceCode))];
        }

        var byScope = EstablishmentCatalog.Scope
            .Where(s => ByScope.ContainsKey(s.Code))
            .SelectMany(s => ByScope[s.Code])
            .DistinctBy(r => r.Code)
            .ToList();
        return
        [
            new MaterialSection("基本材料", "每一件企业开办申请都需要。", ForEstablishment([], [])),
            new MaterialSection("按经营范围增加的材料", "经营范围含需许可的条目时增加；均可容缺受理，承诺日期前在线补齐。", byScope),
            new MaterialSection("按同步办理事项增加的材料", null, BySubItem.Values.SelectMany(v => v).DistinctBy(r => r.Code).ToList()),
        ];
    }

    // ---- 模板和示例 -----------------------------------------------------------------------------------------------

    public static IReadOnlyList<MaterialTemplate> Templates { get; } =
    [
        new("lease", "房屋租赁合同要点", PortalDefault,
        [
            "出租方、承租方的名称（姓名）及证件号码；",
            "房屋坐落地址（与申请表填写的住所或报装地址一致，写到门牌号），不动产权证号；",
            "租赁用途（办公、经营）、面积、租赁期限（起止日期）；",
            "双方签字或盖章、签订日期。转租的另附原出租方同意转租的证明。",
        ])
        {
            Fields = ["出租方（名称或姓名）", "出租方证件号码", "承租方（名称或姓名）", "承租方证件号码", "房屋坐落（写到门牌号）", "不动产权证号", "租赁用途", "租赁面积（平方米）", "租赁期限（起止日期）", "签订日期"],
        },
        new("floor-plan", "经营场所平面布局图示例", PortalDefault,
        [
            "按实际比例绘制，标明经营场所总面积；",
            "分区标注：粗加工区、烹饪区、餐用具清洗消毒区、库房、就餐区（或销售区）及各自面积；",
            "标出给排水、更衣室、卫生间、垃圾存放点的位置，以及生熟分开的工艺流向（箭头）；",
            "可手绘后拍照上传，照片须清晰、完整、方向端正（手机拍照的方向会自动校正）。",
        ])
        {
            Format = TemplateFormat.Png,
        },
        new("food-safety-rules", "食品安全管理制度示范文本", PortalDefault,
        [
            "一、从业人员健康管理制度：每年健康体检，取得健康证明后上岗；",
            "二、进货查验和记录制度：查验供货者许可证和食品合格证明，如实记录进货信息，保存不少于2年；",
            "三、食品安全自查制度：定期自查，发现隐患立即整改；",
            "四、场所及设施设备清洗消毒和维修保养制度；",
            "五、食品安全事故处置方案。",
            "各项制度须写明负责人，由法定代表人签字后上传。",
        ])
        {
            Fields = ["企业名称", "食品安全管理负责人", "法定代表人（签字）", "日期"],
        },
        new("staff-roster", "职工花名册", PortalDefault,
        [
            "列：序号、姓名、居民身份证号、岗位、劳动合同起止日期、联系电话；",
            "导出为PDF，或打印签字后拍照上传。",
        ])
        {
            Format = TemplateFormat.Xlsx,
            Columns = ["序号", "姓名", "居民身份证号", "岗位", "劳动合同起始日期", "劳动合同终止日期", "联系电话"],
        },
        new("liquidation-members", "清算组成员名单及决议", PortalDefault,
        [
            "清算组成员（姓名、证件号码、职务）及清算组负责人；",
            "股东会（股东）关于解散和成立清算组的决议，全体股东签字或盖章；",
            "清算组成立日期（通知债权人和公告的期限由此起算）。",
        ])
        {
            Fields = ["企业名称", "统一社会信用代码", "决议日期", "清算组成立日期", "清算组负责人"],
            Columns = ["姓名", "证件号码", "职务", "签字"],
            BlankRows = 5,
        },
    ];

    public static MaterialTemplate? Template(string? code) => Templates.FirstOrDefault(t => t.Code == code);
}
