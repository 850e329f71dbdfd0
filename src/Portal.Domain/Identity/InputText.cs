using System.Globalization;
using System.Text;

namespace Portal.Domain.Identity;

/// <summary>
/// Text typed by people, cleaned in one place before it is compared or stored (STYLE 13; docs/decisions/0017-hostile-input.md):
/// identifiers (<see cref="Normalize"/>) and free text and names (<see cref="Clean(string?)"/>).
/// </summary>
public static class InputText
{
    /// <summary>
    /// The most any single text field takes, whatever its own limit (each field's validator has its own, no longer than
    /// its column): the longest text typed at once is a year's holiday notice on /Calendar/Manage (8000), so a 100 KB
    /// value is refused at once, before any validator or page sees it.
    /// </summary>
    public const int HardLimit = 10_000;

    /// <summary>What a person is told when characters they cannot see were taken out of what they typed.</summary>
    public const string HiddenRemoved = "含有看不见的控制字符或改变文字方向的字符（常见于从其他软件复制的文字），已为您删除，请核对后重新提交。";

    /// <summary>
    /// Identifiers (ID numbers, credit codes): trims (including the ideographic space U+3000), maps full-width ASCII
    /// (０-９, Ａ-Ｚ, ａ-ｚ, typed with a Chinese input method) to ASCII, and upper-cases ASCII letters.
    /// </summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (c is >= '\uFF01' and <= '\uFF5E')
                {
                    c = (char)(c - 0xFEE0);
                }

                span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }
        });
    }

    /// <summary>Free text or a name as the portal stores and compares it; see <see cref="Clean(string?, out bool)"/>.</summary>
    public static string Clean(string? value) => Clean(value, out _);

    /// <summary>
    /// Free text or a name as the portal stores and compares it:
    /// <list type="bullet">
    /// <item>zero-width characters, the soft hyphen, the byte-order mark and other invisible format characters are
    /// removed (they make equal names look different to a comparison: 枣庄\u200B青禾 is 枣庄青禾);</item>
    /// <item>control characters (except line breaks), characters that change the direction of text (U+202A–U+202E,
    /// U+2066–U+2069, which can make text read differently from what is stored) and broken surrogate halves are
    /// removed too, and <paramref name="removedHidden"/> says so — a form is then shown again once with the cleaned
    /// text and <see cref="HiddenRemoved"/>, so the person sees what will be stored;</item>
    /// <item>line breaks become \n, a tab a space;</item>
    /// <item>Unicode NFKC: full-width Latin letters and digits, compatibility ideographs, circled digits and the like
    /// become their ordinary forms — except full-width Chinese punctuation (，：；（）！？), which is correct Chinese
    /// text and stays as typed (comparisons of names ignore punctuation anyway);</item>
    /// <item>spaces at either end are trimmed.</item>
    /// </list>
    /// </summary>
    public static string Clean(string? value, out bool removedHidden)
    {
        removedHidden = false;
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }

        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var rune = new Rune(c, value[i + 1]);
                i++;
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
                {
                    // Tag characters (U+E0000 …) hide text; nothing a person types needs them.
                    continue;
                }

                kept.Append(rune.ToString());
                continue;
            }

            switch (Kind(c))
            {
                case CharKind.Keep:
                    kept.Append(c);
                    break;
                case CharKind.LineBreak:
                    if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    kept.Append('\n');
                    break;
                case CharKind.Space:
                    kept.Append(' ');
                    break;
                case CharKind.Invisible:
                    break;
                case CharKind.Hidden:
                    removedHidden = true;
                    break;
            }
        }

        return Nfkc(kept.ToString()).Trim();
    }

    /// <summary>Whether <see cref="Clean(string?)"/> would leave the text as it is.</summary>
    public static bool IsClean(string? value) => value is null || Clean(value) == value;

    private enum CharKind
    {
        Keep,
        LineBreak,
        Space,

        /// <summary>Removed without a word: zero-width characters, the soft hyphen, the byte-order mark, direction marks.</summary>
        Invisible,

        /// <summary>Removed, and the person is told: control characters, direction overrides, broken surrogates.</summary>
        Hidden,
    }

    private static CharKind Kind(char c)
    {
        if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
        {
            return CharKind.LineBreak;
        }

        if (c == '\t')
        {
            return CharKind.Space;
        }

        if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') || char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
        {
            return CharKind.Hidden;
        }

        return char.GetUnicodeCategory(c) == UnicodeCategory.Format ? CharKind.Invisible : CharKind.Keep;
    }

    /// <summary>Full-width ASCII punctuation (，：；（）！？ …): kept as typed, the rest of the text is NFKC.</summary>
    private static bool IsChinesePunctuation(char c) => c is >= '\uFF01' and <= '\uFF5E' && !char.IsAsciiLetterOrDigit((char)(c - 0xFEE0));

    private static string Nfkc(string text)
    {
        if (text.IsNormalized(NormalizationForm.FormKC))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsChinesePunctuation(text[i]))
            {
                result.Append(text[start..i].Normalize(NormalizationForm.FormKC)).Append(text[i]);
                start = i + 1;
            }
        }

        return result.Append(text[start..].Normalize(NormalizationForm.FormKC)).ToString();
    }
}
