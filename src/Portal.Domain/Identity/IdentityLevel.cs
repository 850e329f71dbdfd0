namespace Portal.Domain.Identity;

/// <summary>
/// How far an account's real name (姓名 + 居民身份证号) is proven (docs/decisions/0016-identity-levels.md). A self-registered
/// account claims a name and an ID number; nothing trusts the claim until both are verified together.
/// </summary>
public enum IdentityLevel
{
    /// <summary>未实名核验: the name and ID number are what the person typed at registration.</summary>
    Unverified,

    /// <summary>已实名核验（窗口核验）: a window clerk compared them with the ID card.</summary>
    VerifiedAtWindow,

    /// <summary>已实名核验（统一身份认证）: the provincial or national identity provider vouched for them.</summary>
    VerifiedByIdentityProvider,
}
