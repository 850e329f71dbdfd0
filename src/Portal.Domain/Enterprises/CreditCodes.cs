using Portal.Domain.Identity;

namespace Portal.Domain.Enterprises;

/// <summary>Issues unified social credit codes (GB 32100) for newly registered enterprises.</summary>
public static class CreditCodes
{
    /// <summary>Characters allowed in the code (GB 32100: no I, O, Z, S, V).</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>
    /// Builds the code: type prefix (91/92/93) + 6-digit region + 组织机构代码 ("MA" + 6 characters from the
    /// sequence number, with its GB 11714 check) + the GB 32100 check character.
    /// </summary>
    public static string Issue(EnterpriseType type, string regionCode, long sequence)
    {
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("行政区划代码应为6位数字。", nameof(regionCode));
        }

        if (sequence < 0 || sequence >= Pow(Alphabet.Length, 6))
        {
            throw new ArgumentOutOfRangeException(nameof(sequence));
        }

        var body = new char[6];
        var n = sequence;
        for (var i = 5; i >= 0; i--)
        {
            body[i] = Alphabet[(int)(n % Alphabet.Length)];
            n /= Alphabet.Length;
        }

        var organization = OrganizationCode.Create("MA" + new string(body));
        return UnifiedSocialCreditCode.Create(type.CreditCodePrefix() + regionCode + organization);
    }

    private static long Pow(int b, int e)
    {
        long r = 1;
        for (var i = 0; i < e; i++)
        {
            r *= b;
        }

        return r;
    }
}
