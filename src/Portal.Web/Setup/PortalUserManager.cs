using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Setup;

/// <summary>
/// Identity's user manager with lockout on the portal's injected clock (Identity itself reads the system
/// clock), so the 15-minute lockout follows the same time as every deadline and can be tested with a fake clock.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    TimeProvider time)
    : UserManager<PortalUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = LockoutStore;
        if (!await lockout.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        var end = await lockout.GetLockoutEndDateAsync(user, CancellationToken);
        return end >= time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = LockoutStore;
        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts)
        {
            return await UpdateUserAsync(user);
        }

        await lockout.SetLockoutEndDateAsync(user, time.GetUtcNow().ToUniversalTime().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateUserAsync(user);
    }

    private IUserLockoutStore<PortalUser> LockoutStore =>
        Store as IUserLockoutStore<PortalUser> ?? throw new NotSupportedException("The user store does not support lockout.");
}
