using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Security;

/// <summary>
/// The portal's password rule, on every path that sets a password (实名注册, changing one's own password, an
/// administrator's reset, accounts created by seeding): at least <see cref="MinimumLength"/> characters of at least
/// three kinds (upper-case letters, lower-case letters, digits, symbols), and not one that is common or easy to guess
/// (zxcvbn's estimate below <see cref="MinimumScore"/>, which also counts the person's own mobile number, ID number,
/// name and user name as guessable). "password1" and "12345678a" have two kinds; "Password1" and "P@ssw0rd" have
/// three but are among the first guesses.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    public const int MaximumLength = 100;

    /// <summary>zxcvbn's score (0–4) a password needs; 3 is "safely unguessable" against online and slow offline guessing.</summary>
    public const int MinimumScore = 3;

    public const string TooShort = "密码至少需要8位。";

    public const string TooFewKinds = "密码须包含大写字母、小写字母、数字、符号中的至少三类。";

    public const string TooGuessable = "密码过于常见或容易被猜到（如常用密码、键盘顺序、姓名、手机号、身份证号、生日），请换一个更复杂的密码，例如用几个不相关的词加上数字和符号。";

    /// <summary>What the registration and password forms say under the password field.</summary>
    public const string Hint = "至少8位，包含大写字母、小写字母、数字、符号中的至少三类，不能是常见密码或含手机号、姓名等个人信息";

    /// <summary>How many of the four kinds (upper, lower, digit, symbol) the text uses.</summary>
    public static int Kinds(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return 0;
        }

        var upper = password.Any(char.IsAsciiLetterUpper);
        var lower = password.Any(char.IsAsciiLetterLower);
        var digit = password.Any(char.IsAsciiDigit);
        var symbol = password.Any(c => !char.IsAsciiLetterOrDigit(c));
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /// <summary>The problems of a password (empty when it is acceptable), in Chinese, for the person's own data.</summary>
    public static IReadOnlyList<string> Check(string? password, IEnumerable<string?> personalData)
    {
        password ??= "";
        if (password.Length < MinimumLength)
        {
            return [TooShort];
        }

        if (Kinds(password) < 3)
        {
            return [TooFewKinds];
        }

        // zxcvbn works on the first 100 characters at most (its matching grows with the length); longer is refused elsewhere.
        var inputs = personalData.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList();
        var score = Zxcvbn.Zxcvbn.MatchPassword(password.Length > MaximumLength ? password[..MaximumLength] : password, inputs).Score;
        return score < MinimumScore ? [TooGuessable] : [];
    }

    /// <summary>The same check for a person: their mobile, ID number, name and user name count as easy guesses.</summary>
    public static IReadOnlyList<string> Check(string? password, PortalUser user) =>
        Check(password, [user.UserName, user.PhoneNumber, user.IdNumber, user.FullName, user.IdNumber is { Length: >= 8 } id ? id[6..^4] : null]);
}
