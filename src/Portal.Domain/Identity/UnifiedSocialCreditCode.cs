namespace Portal.Domain.Identity;

/// <summary>
/// The 18-character unified social credit code of organisations (统一社会信用代码, GB 32100-2015).
/// Characters come from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V); the last one is a
/// check character computed over the first 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string EmptyMessage = "请填写统一社会信用代码。";
    public const string FormatMessage = "统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、Z、S、V）。";
    public const string ChecksumMessage = "统一社会信用代码校验位不正确，请核对后重新输入。";

    /// <summary>The 31 allowed characters; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Trims, converts full-width characters to ASCII and upper-cases.</summary>
    public static string Normalize(string value) => InputText.Normalize(value);

    /// <summary>Whether <paramref name="value"/> is a valid code (see <see cref="Validate"/>).</summary>
    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>
    /// Returns null when valid, otherwise a Chinese message the user can act on. Lower-case letters are
    /// accepted (the value is normalised with <see cref="Normalize"/> first).
    /// </summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return EmptyMessage;
        }

        var code = Normalize(value);
        if (code.Length != 18 || code.Any(c => Alphabet.IndexOf(c) < 0))
        {
            return FormatMessage;
        }

        return ComputeCheckChar(code[..17]) == code[17] ? null : ChecksumMessage;
    }

    /// <summary>
    /// Check character of the first 17 characters: value 31 − (Σ value × weight mod 31), where 31 becomes 0,
    /// written with <see cref="Alphabet"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="first17"/> is not 17 characters from <see cref="Alphabet"/>.
    /// </exception>
    public static char ComputeCheckChar(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
        {
            throw new ArgumentException("应为17个字符。", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"第{i + 1}个字符“{first17[i]}”不是统一社会信用代码允许的字符。", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Appends the check character to 17 characters (handy for building test data).</summary>
    public static string Create(string first17) => first17 + ComputeCheckChar(first17);
}
