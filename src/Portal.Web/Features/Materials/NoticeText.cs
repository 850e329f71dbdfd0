using System.Text;
using Portal.Domain.Materials;

namespace Portal.Web.Features.Materials;

/// <summary>The text of a 一次性告知 built from the items marked 不合格: one numbered line each, then the note.</summary>
public static class NoticeText
{
    public const int MaxLength = 2000;

    public static string Of(IReadOnlyList<CaseMaterial> rejected, string? note)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rejected.Count; i++)
        {
            var reason = rejected[i].ReviewReason ?? "";
            text.Append(i + 1).Append(". ").Append(rejected[i].Name).Append('：').Append(reason.Length > 120 ? reason[..119] + "…" : reason).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            text.Append("其他：").Append(note.Trim());
        }

        var result = text.ToString().TrimEnd();
        return result.Length <= MaxLength ? result : result[..(MaxLength - 1)] + "…";
    }
}
