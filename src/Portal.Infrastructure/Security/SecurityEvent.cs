namespace Portal.Infrastructure.Security;

/// <summary>What a security audit entry records.</summary>
public enum SecurityEventType
{
    SignInSucceeded,
    SignInFailed,

    /// <summary>Failed attempts locked the account (Identity's lockout).</summary>
    LockedOut,
    SignedOut,
    SecondFactorFailed,
    SecondFactorEnrolled,

    /// <summary>The authenticator was removed (by the person, or by an administrator); staff must enrol again.</summary>
    SecondFactorReset,
    SecondFactorDisabled,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
    PasswordChanged,
    PasswordReset,
    AccountCreated,

    /// <summary>A registration gave an ID number or mobile number that already has an account (nothing was created).</summary>
    RegistrationDuplicate,
    RolesChanged,
    AccountLocked,
    AccountUnlocked,
    SessionsEnded,

    /// <summary>A person's real name and ID number were verified (at a window or by an identity provider).</summary>
    IdentityVerified,
    PersonalDataExported,

    /// <summary>An account was linked to a sign-in at the identity provider (统一身份认证).</summary>
    IdentityProviderLinked,

    /// <summary>A legal representative authorised an agent (经办人); the entry is the agent's, the actor the legal representative.</summary>
    AgentGranted,

    /// <summary>A legal representative revoked an agent's authorisation.</summary>
    AgentRevoked,
}

/// <summary>
/// One entry of the security audit log (网络安全法 第二十一条: kept at least six months). Append-only: the portal adds
/// entries and never changes one; the database refuses UPDATE, and DELETE of entries younger than the retention floor
/// (a trigger); the retention job removes only entries older than the configured retention (at least 180 days).
/// </summary>
public class SecurityEvent
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public SecurityEventType Type { get; set; }

    /// <summary>The account concerned, when it exists.</summary>
    public string? UserId { get; set; }

    /// <summary>Its user name; for a user name that has no account, masked (it may be a mistyped password).</summary>
    public string UserName { get; set; } = "";

    /// <summary>Who did it when that is someone else (an administrator), else null.</summary>
    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>What else matters (roles before → after, which export, the reason of a refusal), in Chinese, personal data masked.</summary>
    public string? Detail { get; set; }
}
