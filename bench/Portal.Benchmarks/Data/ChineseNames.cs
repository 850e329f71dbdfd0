using Portal.Domain.Enterprises;

namespace Portal.Benchmarks.Data;

/// <summary>
/// Deterministic, realistic enterprise names: 行政区划 + 字号 + 行业 + 组织形式, e.g. 泰安市恒远商贸有限公司 or
/// 济南鑫源餐饮管理合伙企业（有限合伙）. The same seed always gives the same names, so a cached database and a new
/// process agree on what is in it.
/// </summary>
public static class ChineseNames
{
    private static readonly string[] Regions =
    [
        "泰安市", "泰安", "泰山区", "岱岳区", "新泰", "肥城", "济南市", "济南", "历下区", "枣庄市", "枣庄", "峄城区",
        "聊城市", "聊城", "青岛", "烟台", "潍坊", "临沂", "淄博", "济宁", "德州", "滨州", "东营", "日照", "威海", "菏泽",
    ];

    /// <summary>Characters common in 字号. None of 中、国、华 (so no reserved word can form), none of the free name's characters.</summary>
    private const string TradeNameCharacters =
        "鑫源泰和盛兴隆达福瑞祥丰利佳宏昌德信安康金海博通汇聚诚益辉腾恒远嘉乐新联创宇晨锦鼎润合众天成美航顺荣旺凯星光明峰伟宝睿优";

    private static readonly string[] Industries =
    [
        "科技", "商贸", "餐饮管理", "建筑工程", "物流", "农业科技", "信息技术", "文化传媒", "机械设备", "食品",
        "医药", "服装", "电子商务", "教育咨询", "环保科技", "新能源", "物业管理", "旅游开发", "装饰工程", "汽车服务",
    ];

    /// <summary>Organisation forms, most common first (repeated to weight them).</summary>
    private static readonly string[] Forms =
    [
        "有限公司", "有限公司", "有限公司", "有限公司", "有限责任公司", "有限责任公司", "股份有限公司",
        "个人独资企业", "合伙企业（有限合伙）", "专业合作社",
    ];

    /// <summary>A name that is certainly not among <see cref="Generate"/>'s: 磐 and 栖 are not 字号 characters there.</summary>
    public const string FreeName = "泰安市磐石云栖科技有限公司";

    /// <summary><paramref name="count"/> names whose normalized forms are all different (as the reservation key requires).</summary>
    public static IReadOnlyList<(string Name, string Normalized)> Generate(int count, int seed = 20261201)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(count);
        var names = new List<(string, string)>(count);
        while (names.Count < count)
        {
            var tradeLength = random.Next(10) < 8 ? 2 : 3;
            var trade = new char[tradeLength];
            for (var i = 0; i < tradeLength; i++)
            {
                trade[i] = TradeNameCharacters[random.Next(TradeNameCharacters.Length)];
            }

            var name = Regions[random.Next(Regions.Length)] + new string(trade) + Industries[random.Next(Industries.Length)] + Forms[random.Next(Forms.Length)];
            var normalized = EnterpriseNames.Normalize(name);
            if (EnterpriseNames.CheckWording(name).Ok && seen.Add(normalized))
            {
                names.Add((name, normalized));
            }
        }

        return names;
    }

    /// <summary>
    /// The same name as <paramref name="registered"/> for 名称自主申报 but written differently: another organisation
    /// form and some punctuation, e.g. 泰安市恒远商贸有限公司 → 泰安·市恒远商贸（有限责任公司）.
    /// </summary>
    public static string Variant(string registered)
    {
        var core = EnterpriseNames.Normalize(registered);
        var form = registered.EndsWith("有限公司", StringComparison.Ordinal) ? "有限责任公司" : "有限公司";
        return core[..2] + "·" + core[2..] + "（" + form + "）";
    }
}
