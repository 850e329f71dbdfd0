using Portal.Domain.Organisation;

namespace Portal.Domain.Enterprises;

/// <summary>
/// The sub-items of 企业开办 (000:79-85, 003:9, 002:9) and the standard business-scope entries that decide
/// 即报即得 (000:89, 003:19: submit and receive immediately when the application meets the conditions).
/// </summary>
public static class EstablishmentCatalog
{
    public const string Registration = "registration";

    public static IReadOnlyList<EstablishmentItem> Items { get; } =
    [
        new(Registration, "设立登记", Department.Market, true, false, "名称自主申报、营业执照（电子营业执照同步发放）"),
        new("seal", "印章刻制", Department.Police, false, false, "免费刻制一套4枚实体印章，同步发放电子印章（000:81）"),
        new("tax", "涉税办理", Department.Tax, false, true, "新办纳税人套餐：免费领取增值税普通发票和税务Ukey（增值税专用发票除外）"),
        new("social-insurance", "社保登记", Department.HumanResources, false, false, "单位社会保险登记"),
        new("medical-insurance", "医保登记", Department.Medical, false, false, "单位医疗保险登记"),
        new("housing-fund", "住房公积金登记", Department.HousingFund, false, false, "单位住房公积金缴存登记"),
        new("bank-account", "预约银行开户", Department.Bank, false, true, "预约开立基本存款账户"),
        new("employment", "职工就业登记", Department.HumanResources, false, true, "职工就业登记（随时可办）"),
    ];

    public static EstablishmentItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    public static IReadOnlyList<ScopeEntry> Scope { get; } =
    [
        new("tech", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", false),
        new("software", "软件开发", false),
        new("info-consulting", "信息咨询服务（不含许可类信息咨询服务）", false),
        new("management-consulting", "企业管理咨询", false),
        new("advertising", "广告设计、代理", false),
        new("daily-goods", "日用百货销售", false),
        new("office-supplies", "办公用品销售", false),
        new("warehousing", "普通货物仓储服务（不含危险化学品等需许可审批的项目）", false),
        new("farm-products", "农产品的生产、销售、加工、运输、贮藏及其他相关服务", false),
        new("catering", "餐饮服务（须取得食品经营许可）", true),
        new("food-sales", "食品销售（须取得食品经营许可）", true),
        new("freight", "道路货物运输（不含危险货物）（须取得道路运输经营许可）", true),
        new("construction-labour", "建筑劳务分包（须取得建筑业企业资质）", true),
    ];

    public static ScopeEntry? ScopeEntryOf(string code) => Scope.FirstOrDefault(s => s.Code == code);

    /// <summary>
    /// 即报即得 (portal rule, written down in docs/decisions/0004): every scope entry is a standard entry, none
    /// needs a permit, and no free-text scope was added. Such applications are accepted by the system at once.
    /// </summary>
    public static bool QualifiesForInstantApproval(IReadOnlyCollection<string> scopeCodes, string? otherScope) =>
        scopeCodes.Count > 0
        && string.IsNullOrWhiteSpace(otherScope)
        && scopeCodes.All(c => ScopeEntryOf(c) is { NeedsPermit: false });

    public static string ScopeText(IEnumerable<string> scopeCodes, string? otherScope)
    {
        var parts = scopeCodes.Select(c => ScopeEntryOf(c)?.Text).OfType<string>().ToList();
        if (!string.IsNullOrWhiteSpace(otherScope))
        {
            parts.Add(otherScope.Trim());
        }

        return string.Join("；", parts);
    }
}
