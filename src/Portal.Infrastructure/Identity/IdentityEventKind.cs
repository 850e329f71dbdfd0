namespace Portal.Infrastructure.Identity;

/// <summary>What an <see cref="IdentityEvent"/> records.</summary>
public enum IdentityEventKind
{
    /// <summary>An account's name and ID number were verified (at a window, or by the identity provider).</summary>
    Verified,

    /// <summary>An account was linked to a sign-in at the identity provider.</summary>
    ProviderLinked,

    /// <summary>An account was created by a first sign-in at the identity provider.</summary>
    ProviderAccountCreated,

    /// <summary>A legal representative authorised an agent (经办人).</summary>
    AgentGranted,

    /// <summary>A legal representative revoked an agent's authorisation.</summary>
    AgentRevoked,
}
