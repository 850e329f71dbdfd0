using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Domain.Privacy;

/// <summary>
/// Masking (去标识化展示) of personal information for screens, exports and logs
/// (个人信息保护法 / GB/T 35273). Masking never throws and never returns more than it should:
/// values too short to keep a prefix and suffix are replaced entirely by stars.
/// </summary>
public static partial class PersonalData
{
    private const char Star = '*';

    /// <summary>
    /// "370102199003071234" → "3701**********1234": the first 4 and last 4 characters are kept and the middle
    /// is starred. Applies to 18-digit numbers, 15-digit legacy numbers and anything at least 15 characters
    /// long; shorter values (and null) become one star per character. The value is trimmed first.
    /// </summary>
    public static string MaskIdNumber(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        return text.Length >= 15 ? KeepEnds(text, 4, 4) : new string(Star, text.Length);
    }

    /// <summary>
    /// "13812345678" → "138****5678": the first 3 and last 4 characters are kept when the value has at least
    /// 8 characters; shorter values (and null) become one star per character. The value is trimmed first.
    /// </summary>
    public static string MaskPhone(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        return text.Length >= 8 ? KeepEnds(text, 3, 4) : new string(Star, text.Length);
    }

    /// <summary>
    /// "张三" → "张*", "欧阳娜娜" → "欧***": the first character is kept and every other character is starred.
    /// A one-character name becomes "*" (keeping it would show the whole name). Characters outside the BMP
    /// (rare characters in names, CJK Extension B and later) count as one character. Null becomes "".
    /// </summary>
    public static string MaskName(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        var length = new StringInfo(text).LengthInTextElements;
        if (length <= 1)
        {
            return new string(Star, length);
        }

        var first = StringInfo.GetNextTextElement(text);
        return first + new string(Star, length - 1);
    }

    /// <summary>
    /// Masks every 18-character citizen ID number (17 digits + digit/X/x) and every mainland mobile number
    /// (1[3-9] followed by 9 digits, optionally preceded by "+86"/"86") found in free text such as a log
    /// message or JSON. A match must not be part of a longer run of digits, so order numbers and timestamps
    /// are left alone. Chinese text right next to a number does not prevent the match. Null becomes "".
    /// </summary>
    public static string MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return SensitiveNumbers().Replace(text, static match =>
        {
            if (match.Groups["id"].Success)
            {
                return MaskIdNumber(match.Value);
            }

            return match.Groups["cc"].Value + MaskPhone(match.Groups["phone"].Value);
        });
    }

    /// <summary>
    /// A refusal or error message as it may be written to a log: every quoted value ("股东“李华”…" → "股东“李*”…"; also
    /// ‘…’, 「…」 and "…") is masked like a name, since messages quote what a person typed or a person's name, and then
    /// ID and mobile numbers are masked (<see cref="MaskText"/>). The person who was refused still sees the whole message;
    /// only the log is masked. A personal value that a message does not quote is not found: quote it. Null becomes "".
    /// </summary>
    public static string MaskMessage(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var quoted = QuotedValues().Replace(message, static match =>
        {
            var value = match.Groups["v"].Value;
            return match.Value[0] + MaskName(value) + match.Value[^1];
        });
        return MaskText(quoted);
    }

    private static string KeepEnds(string text, int head, int tail) =>
        new StringBuilder(text.Length)
            .Append(text, 0, head)
            .Append(Star, text.Length - head - tail)
            .Append(text, text.Length - tail, tail)
            .ToString();

    // [0-9] rather than \d: \d also matches full-width and other Unicode digits.
    [GeneratedRegex(
        @"(?<![0-9])(?:(?<id>[0-9]{17}[0-9Xx])|(?<cc>\+?86[ -]?)?(?<phone>1[3-9][0-9]{9}))(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex SensitiveNumbers();

    // A quoted value: “…” ‘…’ 「…」 "…", at most 200 characters, not spanning another opening quote.
    [GeneratedRegex("“(?<v>[^“”]{1,200})”|‘(?<v>[^‘’]{1,200})’|「(?<v>[^「」]{1,200})」|\"(?<v>[^\"]{1,200})\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedValues();
}
