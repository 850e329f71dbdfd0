namespace Portal.Domain.Identity;

public static class IdentityLevels
{
    public static bool IsVerified(this IdentityLevel level) => level != IdentityLevel.Unverified;

    public static string Label(this IdentityLevel level) => level switch
    {
        IdentityLevel.VerifiedAtWindow => "已实名核验（窗口核验）",
        IdentityLevel.VerifiedByIdentityProvider => "已实名核验（统一身份认证）",
        _ => "未实名核验",
    };

    public static IdentityLevel LevelOf(VerificationMethod method) => method switch
    {
        VerificationMethod.IdentityProvider => IdentityLevel.VerifiedByIdentityProvider,
        _ => IdentityLevel.VerifiedAtWindow,
    };

    /// <summary>
    /// The level of an account from what it claims now and what was verified: a verification counts only while the
    /// account's name and ID number are still exactly the ones verified, so changing either drops it to unverified.
    /// </summary>
    public static IdentityLevel Of(string? fullName, string? idNumber, string? verifiedName, string? verifiedIdNumber, VerificationMethod? method) =>
        method is { } m
        && !string.IsNullOrEmpty(verifiedName) && !string.IsNullOrEmpty(verifiedIdNumber)
        && string.Equals(fullName, verifiedName, StringComparison.Ordinal)
        && string.Equals(idNumber, verifiedIdNumber, StringComparison.Ordinal)
            ? LevelOf(m)
            : IdentityLevel.Unverified;

    /// <summary>Whether a person's name and ID number are those of a record (the enterprise's legal representative): exact after trimming; the ID number's x is upper case.</summary>
    public static bool SamePerson(string? name, string? idNumber, string? recordName, string? recordIdNumber) =>
        !string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(idNumber)
        && string.Equals(name.Trim(), recordName?.Trim(), StringComparison.Ordinal)
        && string.Equals(ResidentIdNumber.Normalize(idNumber), ResidentIdNumber.Normalize(recordIdNumber ?? ""), StringComparison.Ordinal);
}
