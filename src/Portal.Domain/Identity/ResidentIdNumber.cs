using System.Globalization;

namespace Portal.Domain.Identity;

/// <summary>
/// The 18-character citizen identity number of the mainland (公民身份号码 / 居民身份证号, GB 11643-1999):
/// 6-digit address code, 8-digit birth date (yyyyMMdd), 3-digit sequence code and a check character
/// computed with ISO 7064 MOD 11-2.
/// </summary>
public static class ResidentIdNumber
{
    public const string EmptyMessage = "请填写居民身份证号。";
    public const string FormatMessage = "居民身份证号应为18位，前17位为数字，最后一位为数字或X。";
    public const string BirthDateMessage = "居民身份证号中的出生日期无效。";
    public const string ChecksumMessage = "居民身份证号校验位不正确，请核对后重新输入。";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Trims, converts full-width characters to ASCII and upper-cases (so a trailing "x" becomes "X").</summary>
    public static string Normalize(string value) => InputText.Normalize(value);

    /// <summary>Whether <paramref name="value"/> is a valid number (see <see cref="Validate"/>).</summary>
    public static bool IsValid(string? value, DateOnly? today = null) => Validate(value, today) is null;

    /// <summary>
    /// Returns null when valid, otherwise a Chinese message the user can act on. Checks, in order: presence,
    /// format (17 digits + digit or X; lower-case x accepted), birth date (a real date, not before 1900,
    /// not after <paramref name="today"/>, which defaults to the local date), and the check character.
    /// </summary>
    public static string? Validate(string? value, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return EmptyMessage;
        }

        var id = Normalize(value);
        if (!HasValidFormat(id))
        {
            return FormatMessage;
        }

        var birth = ParseBirthDate(id);
        var limit = today ?? DateOnly.FromDateTime(DateTime.Now);
        if (birth is not { } date || date.Year < 1900 || date > limit)
        {
            return BirthDateMessage;
        }

        return ComputeCheckChar(id[..17]) == id[17] ? null : ChecksumMessage;
    }

    /// <summary>Check character ("10X98765432"[Σ(digit × weight) mod 11]) of the first 17 digits.</summary>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckChar(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("应为17位数字。", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>Appends the check character to 17 digits (handy for building test data).</summary>
    public static string Create(string first17) => first17 + ComputeCheckChar(first17);

    /// <summary>
    /// The birth date encoded in a well-formed 18-character number, or null when the format is wrong or the
    /// date does not exist. Does not verify the check character or the 1900/today bounds.
    /// </summary>
    public static DateOnly? BirthDate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = Normalize(value);
        return HasValidFormat(id) ? ParseBirthDate(id) : null;
    }

    private static bool HasValidFormat(string id) =>
        id.Length == 18
        && id.AsSpan(0, 17).IndexOfAnyExceptInRange('0', '9') < 0
        && (char.IsAsciiDigit(id[17]) || id[17] == 'X');

    private static DateOnly? ParseBirthDate(string id) =>
        DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
