using System.Text;
using Portal.Domain.Identity;

namespace Portal.Domain.Enterprises;

/// <summary>
/// 名称自主申报: the proposed name is compared with existing names after removing punctuation, spaces and the
/// organisation-form words (有限公司, 有限责任公司, 个人独资企业, (普通合伙) …), so names that differ only in
/// those are the same name. Words reserved by the 企业名称登记管理规定 cannot be self-declared.
/// </summary>
public static class EnterpriseNames
{
    public const int MaxLength = 50;

    /// <summary>Organisation-form words, longest first so that 有限责任公司 is removed before 公司.</summary>
    private static readonly string[] OrganisationForms =
    [
        "股份有限公司", "有限责任公司", "农民专业合作社", "个人独资企业", "特殊普通合伙", "专业合作社",
        "有限公司", "合伙企业", "普通合伙", "有限合伙", "个体工商户", "合作社", "公司",
    ];

    private static readonly (string Word, string Reason)[] Forbidden =
    [
        ("中国", "须经国家市场监督管理总局核准，不能自主申报"),
        ("中华", "须经国家市场监督管理总局核准，不能自主申报"),
        ("全国", "须经国家市场监督管理总局核准，不能自主申报"),
        ("国家", "须经国家市场监督管理总局核准，不能自主申报"),
        ("国际", "须经国家市场监督管理总局核准，不能自主申报"),
        ("政府", "不得使用党政机关名称"),
        ("党委", "不得使用党政机关名称"),
        ("人大", "不得使用党政机关名称"),
        ("政协", "不得使用党政机关名称"),
        ("部队", "不得使用军队、武警名称"),
        ("武警", "不得使用军队、武警名称"),
        ("公安", "不得使用党政机关名称"),
        ("赌博", "不得含有违背公序良俗的内容"),
        ("博彩", "不得含有违背公序良俗的内容"),
        ("色情", "不得含有违背公序良俗的内容"),
    ];

    /// <summary>The comparable core of a name: full-width folded, punctuation and spaces removed, trailing organisation forms removed.</summary>
    public static string Normalize(string? name)
    {
        var core = Compact(name);
        var changed = true;
        while (changed && core.Length > 0)
        {
            changed = false;
            foreach (var form in OrganisationForms)
            {
                // A name that is nothing but form words normalizes to "" (and is then refused as too short).
                if (core.EndsWith(form, StringComparison.Ordinal))
                {
                    core = core[..^form.Length];
                    changed = true;
                    break;
                }
            }
        }

        return core;
    }

    /// <summary>
    /// The name cleaned as it is stored (<see cref="InputText.Clean(string?)"/>: zero-width and control characters
    /// removed, NFKC), folded (NFKC of the punctuation too, upper-case Latin) with whitespace, punctuation and symbols
    /// removed: 枣庄​青禾 and 枣庄青禾 are one name.
    /// </summary>
    private static string Compact(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var cleaned = InputText.Clean(name);
        var folded = new StringBuilder(cleaned.Length);
        foreach (var raw in cleaned.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(raw) || char.IsPunctuation(raw) || char.IsSymbol(raw) || char.IsControl(raw)
                || char.GetUnicodeCategory(raw) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            folded.Append(char.ToUpperInvariant(raw));
        }

        return folded.ToString();
    }

    private static bool IsHan(Rune r) =>
        r.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x3134F) or (>= 0xF900 and <= 0xFAFF);

    /// <summary>Checks the form of a name (no database needed): length, distinctive part, reserved words.</summary>
    public static NameCheck CheckWording(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new("请填写拟申请的企业名称。");
        }

        var trimmed = InputText.Clean(name);
        if (trimmed.Length > MaxLength)
        {
            return new($"企业名称不能超过{MaxLength}个字。");
        }

        // Search with spaces and punctuation removed, so "中 国" or "赌、博" cannot slip through.
        var compact = Compact(trimmed);
        foreach (var (word, reason) in Forbidden)
        {
            if (compact.Contains(word, StringComparison.Ordinal))
            {
                return new($"名称含有“{word}”，{reason}。");
            }
        }

        var core = Normalize(trimmed);
        if (core.Length < 2 || core.EnumerateRunes().Count() < 2)
        {
            return new("名称除组织形式外至少应有2个字（行政区划、字号、行业）。");
        }

        if (!core.EnumerateRunes().Any(IsHan))
        {
            return new("企业名称应使用规范汉字。");
        }

        return NameCheck.Accepted;
    }

    /// <summary>The refusal when a name's core equals an existing one.</summary>
    public static NameCheck Conflict(string existing) =>
        new($"名称与已登记或正在申请的企业“{existing}”相同或仅组织形式、标点不同，请更换字号。", existing);
}
