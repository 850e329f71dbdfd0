using Microsoft.AspNetCore.Identity;
using Portal.Domain.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// A person with real-name data (实名): name, 居民身份证号 (checked against GB 11643) and mobile number. The name and
/// ID number are only claimed until verified together (<see cref="Level"/>, docs/decisions/0016-identity-levels.md).
/// </summary>
public class PortalUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string? IdNumber { get; set; }

    public UserKind Kind { get; set; }

    /// <summary>For enterprise applicants: the enterprise they act for.</summary>
    public string? EnterpriseName { get; set; }

    /// <summary>For window staff: the window they usually sit at.</summary>
    public string? WindowNumber { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The name that was verified (a verification holds only while <see cref="FullName"/> is still this).</summary>
    public string? VerifiedFullName { get; private set; }

    /// <summary>The ID number that was verified; one verified account per ID number (a unique index).</summary>
    public string? VerifiedIdNumber { get; private set; }

    public VerificationMethod? VerificationMethod { get; private set; }

    public DateTime? VerifiedAt { get; private set; }

    /// <summary>The clerk who compared the ID card (window), or null (identity provider).</summary>
    public string? VerifiedById { get; private set; }

    /// <summary>Who verified, as shown to the person: the clerk's name and window, or the identity provider's name.</summary>
    public string? VerifiedByName { get; private set; }

    /// <summary>The account's identity level now: a change of name or ID number since the verification drops it to unverified.</summary>
    public IdentityLevel Level => IdentityLevels.Of(FullName, IdNumber, VerifiedFullName, VerifiedIdNumber, VerificationMethod);

    /// <summary>Records that the account's current name and ID number were verified together.</summary>
    public void MarkVerified(VerificationMethod method, DateTime atUtc, string? byId, string byName)
    {
        if (string.IsNullOrWhiteSpace(FullName) || string.IsNullOrWhiteSpace(IdNumber))
        {
            throw new InvalidOperationException("Only an account with a name and an ID number can be verified.");
        }

        VerifiedFullName = FullName;
        VerifiedIdNumber = IdNumber;
        VerificationMethod = method;
        VerifiedAt = atUtc;
        VerifiedById = byId;
        VerifiedByName = byName;
    }
}
