using OtpNet;

namespace Portal.Testing;

/// <summary>
/// What a staff member's authenticator app does: the 6-digit code (RFC 6238, 30-second steps) of a Base32 key, computed
/// by Otp.NET — an implementation independent of the portal's (ASP.NET Core Identity's) — from the real clock, as a
/// phone would. Identity accepts the codes of 90 seconds either side, so a code computed here is accepted at once.
/// </summary>
public static class Authenticator
{
    /// <summary>The current code of <paramref name="key"/> (spaces, as the enrolment page groups the key, are ignored).</summary>
    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(Normalize(key))).ComputeTotp(DateTime.UtcNow);

    /// <summary>A code of the key that is wrong now (the current one with its last digit changed).</summary>
    public static string WrongCode(string key)
    {
        var code = Code(key);
        return code[..5] + (char)('0' + ((code[5] - '0' + 5) % 10));
    }

    public static string Normalize(string key) => new string(key.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
