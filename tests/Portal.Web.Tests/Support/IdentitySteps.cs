using Microsoft.EntityFrameworkCore;
using Portal.Domain.Identity;
using Portal.Web.Tests.Establishment;

namespace Portal.Web.Tests.Support;

/// <summary>Identity levels in tests: verifying an account as a window clerk would, and making someone the form's legal representative.</summary>
public static class IdentitySteps
{
    /// <summary>
    /// Records that the account's current name and ID number were verified at a window (what /Identity/Verify does;
    /// its own tests go through the page). Straight in the database, for tests about something else.
    /// </summary>
    public static Task VerifyAsync(this PortalFactory factory, TestUser user, string by = "王芳（A01号窗口）") =>
        factory.WithDb(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.MarkVerified(VerificationMethod.Window, factory.Time.GetUtcNow().UtcDateTime, null, by);
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Gives the account the name and ID number of the legal representative that <see cref="EstablishmentSteps.ValidForm"/>
    /// names (张明, <see cref="EstablishmentSteps.LegalRepresentativeId"/>), verified unless <paramref name="verified"/> is false.
    /// </summary>
    public static async Task<TestUser> BecomeFormLegalRepresentativeAsync(this PortalFactory factory, TestUser user, bool verified = true)
    {
        await factory.WithDb(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FullName, "张明")
            .SetProperty(u => u.IdNumber, EstablishmentSteps.LegalRepresentativeId)));
        var renamed = user with { Name = "张明" };
        if (verified)
        {
            await factory.VerifyAsync(renamed);
        }

        return renamed;
    }
}
