using System.Globalization;

namespace Portal.Domain.Identity;

/// <summary>
/// The 18-character citizen identity number of the mainland (公民身份号码 / 居民身份证号, GB 11643-1999):
/// 6-digit address code, 8-digit birth date (yyyyMMdd), 3-digit sequence code and a check character
/// computed with ISO 7064 MOD 11-2.
/// <para>
/// The address code's first two digits must be a province-level code of GB/T 2260 (the list in
/// <see cref="ProvinceCodes"/>), or 81 香港 / 82 澳门 / 83 台湾, which the 港澳台居民居住证 use (810000, 820000 and
/// 830000: 《港澳台居民居住证申领发放办法》, 2018); 71 台湾 of GB/T 2260 is accepted too. Nothing finer is checked:
/// numbers issued under codes that were later abolished or merged stay valid for life, and a prefecture digit pair
/// of 00 is exactly what the residence permits carry, so no prefecture or county is refused. The 9-prefixed numbers
/// of the 2023 外国人永久居留身份证 are not 居民身份证号 and are refused here.
/// </para>
/// <para>
/// The birth date may not be after today in China (UTC+8, no daylight saving): "today" is never the server's own
/// date, which on a server kept in UTC is still yesterday until 08:00 Beijing time.
/// </para>
/// </summary>
public static class ResidentIdNumber
{
    public const string EmptyMessage = "请填写居民身份证号。";
    public const string FormatMessage = "居民身份证号应为18位，前17位为数字，最后一位为数字或X。";
    public const string BirthDateMessage = "居民身份证号中的出生日期无效。";
    public const string ChecksumMessage = "居民身份证号校验位不正确，请核对后重新输入。";
    public const string RegionMessage = "居民身份证号前两位不是有效的省级行政区划代码，请核对后重新输入。";

    /// <summary>
    /// The first two digits of a valid address code: GB/T 2260 province-level codes (11–15, 21–23, 31–37, 41–46,
    /// 50–54, 61–65, 71 台湾, 81 香港, 82 澳门) and 83, used by the 台湾居民居住证.
    /// </summary>
    public static IReadOnlySet<int> ProvinceCodes { get; } = new HashSet<int>(
        [
            11, 12, 13, 14, 15,
            21, 22, 23,
            31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54,
            61, 62, 63, 64, 65,
            71, 81, 82, 83,
        ]);

    /// <summary>China Standard Time: UTC+8 all year (no daylight saving since 1991).</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China at the instant <paramref name="now"/>.</summary>
    public static DateOnly TodayInChina(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime);

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Trims, converts full-width characters to ASCII and upper-cases (so a trailing "x" becomes "X").</summary>
    public static string Normalize(string value) => InputText.Normalize(value);

    /// <summary>Whether <paramref name="value"/> is a valid number (see <see cref="Validate"/>).</summary>
    public static bool IsValid(string? value, DateOnly? today = null) => Validate(value, today) is null;

    /// <summary>
    /// Returns null when valid, otherwise a Chinese message the user can act on. Checks, in order: presence,
    /// format (17 digits + digit or X; lower-case x accepted), the province code, birth date (a real date, not before
    /// 1900, not after <paramref name="today"/>, which defaults to today in China by the system clock — callers with an
    /// injected clock pass <see cref="TodayInChina"/>), and the check character.
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

        if (!ProvinceCodes.Contains((id[0] - '0') * 10 + (id[1] - '0')))
        {
            return RegionMessage;
        }

        var birth = ParseBirthDate(id);
        var limit = today ?? TodayInChina(DateTimeOffset.UtcNow);
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
