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
