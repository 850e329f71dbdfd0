using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Account;

/// <summary>
/// A password hash that matches no password, checked when the user name has no account (or the account is locked),
/// so that those answers cost the same hashing work as a wrong password of an existing account.
/// </summary>
public static class DummyPassword
{
    private static string? hash;

    public static void Check(IPasswordHasher<PortalUser> hasher, string password)
    {
        var dummy = new PortalUser();
        var stored = LazyInitializer.EnsureInitialized(ref hash, () => hasher.HashPassword(dummy, Guid.NewGuid().ToString("N")));
        hasher.VerifyHashedPassword(dummy, stored, password);
    }
}
