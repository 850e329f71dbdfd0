namespace Portal.Domain.Deregistration;

/// <summary>
/// 简易注销 eligibility (the documents list none, 000:93; these are the national conditions of the
/// 市场监管总局 简易注销 rules the profiles adopt) and the bounds of what the public may file against a notice.
/// </summary>
public static partial class SimpleDeregistrationRules
{
    private const string National = "《市场主体登记管理条例》第三十三条及简易注销指导意见";

    public static IReadOnlyList<EligibilityCondition> Conditions { get; } =
    [
        new("no-debts", "未发生债权债务，或已将债权债务清偿完结", National),
        new("no-unpaid-costs", "未发生或已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款）", National),
        new("no-pending-cases", "没有正在进行中的诉讼、仲裁或行政处罚案件", National),
        new("not-investigated", "未被立案调查或采取行政强制、司法协助、被予以行政处罚等", National),
        new("no-abnormal-list", "未被列入经营异常名录或严重违法失信企业名单", National),
        new("no-equity-freeze", "股权（财产份额）未被冻结、出质或动产抵押", National),
        new("all-investors-agree", "全体投资人书面承诺对上述情况的真实性承担法律责任", National),
    ];

    public const string Commitment =
        "本企业全体投资人承诺：本企业申请注销登记前未发生债权债务或已将债权债务清偿完结，未发生或已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款），不存在正在进行中的诉讼、仲裁或行政处罚案件，所提交的材料真实、合法、有效。如有不实，愿意承担相应的法律后果和责任，并同意将企业及投资人的失信行为记入信用记录。";

    public const int NameMaxLength = 50;
    public const int ContactMaxLength = 60;
    public const int ContentMaxLength = 1000;

    /// <summary>The conditions not confirmed, in order (each one blocks the simple route).</summary>
    public static IReadOnlyList<EligibilityCondition> Unconfirmed(IEnumerable<string> confirmed)
    {
        var set = confirmed.ToHashSet(StringComparer.Ordinal);
        return Conditions.Where(c => !set.Contains(c.Code)).ToList();
    }

    /// <summary>A contact the registration staff can use: a mainland mobile number (optionally +86), a landline with its area code, or an e-mail address.</summary>
    public static bool IsContact(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var v = value.Trim();
        if (v.Length > ContactMaxLength)
        {
            return false;
        }

        if (v.Contains('@'))
        {
            return Email().IsMatch(v);
        }

        if (!v.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ' or '+' or '(' or ')'))
        {
            return false;
        }

        var digits = new string(v.Where(char.IsAsciiDigit).ToArray());
        if (v.StartsWith('+') || v.StartsWith("0086", StringComparison.Ordinal))
        {
            // International form: only mainland numbers (country code 86) are accepted here.
            var national = v.StartsWith('+') ? digits : digits[2..];
            if (!national.StartsWith("86", StringComparison.Ordinal))
            {
                return false;
            }

            digits = national[2..];
        }

        return (digits.Length == 11 && digits[0] == '1') || (digits.Length is >= 10 and <= 12 && digits[0] == '0');
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial System.Text.RegularExpressions.Regex Email();
}
