namespace Portal.Domain.Identity;

/// <summary>How a verification was made (stored with who and when).</summary>
public enum VerificationMethod
{
    Window,
    IdentityProvider,
}
