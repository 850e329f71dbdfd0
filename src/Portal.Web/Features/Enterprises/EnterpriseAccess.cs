using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Enterprises;

/// <summary>Works out <see cref="EnterpriseStanding"/> for the signed-in person; the one place every enterprise-binding check asks.</summary>
public sealed class EnterpriseAccess(PortalDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<EnterpriseStanding> ForAsync(Enterprise enterprise, CancellationToken cancellationToken)
    {
        if (!me.IsSignedIn)
        {
            return new EnterpriseStanding(null, "", false, false, false, false, false, IdentityLevel.Unverified, enterprise.LegalRepresentative, []);
        }

        if (me.IsStaff)
        {
            return new EnterpriseStanding(me.Id, me.Name, true, me.IsInRole(Roles.Window), false, false, false, IdentityLevel.Unverified, enterprise.LegalRepresentative, []);
        }

        var person = await db.Users.AsNoTracking().Where(u => u.Id == me.Id)
            .Select(u => new { u.FullName, u.IdNumber, u.VerifiedFullName, u.VerifiedIdNumber, u.VerificationMethod })
            .SingleOrDefaultAsync(cancellationToken);
        var level = person is null ? IdentityLevel.Unverified
            : IdentityLevels.Of(person.FullName, person.IdNumber, person.VerifiedFullName, person.VerifiedIdNumber, person.VerificationMethod);
        var claims = person is not null && IdentityLevels.SamePerson(person.FullName, person.IdNumber, enterprise.LegalRepresentative, enterprise.LegalRepresentativeIdNumber);
        var now = time.GetUtcNow().UtcDateTime;

        // An agent acts only while verified (a changed name or ID number suspends every authorisation) and the authorisation runs.
        IReadOnlyList<EnterpriseAgent> grants = level.IsVerified() && enterprise.IsActive
            ? (await db.EnterpriseAgents.AsNoTracking()
                .Where(a => a.EnterpriseId == enterprise.Id && a.AgentUserId == me.Id && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now))
                .OrderBy(a => a.Id).ToListAsync(cancellationToken))
            : [];
        return new EnterpriseStanding(
            me.Id,
            person?.FullName ?? me.Name,
            false,
            false,
            enterprise.OwnerId == me.Id,
            claims && level.IsVerified(),
            claims,
            level,
            enterprise.LegalRepresentative,
            grants);
    }

    /// <summary>The standing towards the enterprise with this credit code, or null when there is none.</summary>
    public async Task<(Enterprise Enterprise, EnterpriseStanding Standing)?> ForCodeAsync(string creditCode, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == creditCode, cancellationToken);
        return enterprise is null ? null : (enterprise, await ForAsync(enterprise, cancellationToken));
    }

    /// <summary>
    /// 我的企业: the enterprises the person filed (owner), leads as verified legal representative, or is an active agent of.
    /// </summary>
    public async Task<IQueryable<Enterprise>> VisibleAsync(CancellationToken cancellationToken)
    {
        var id = me.Id;
        var person = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.FullName, u.IdNumber, u.VerifiedFullName, u.VerifiedIdNumber, u.VerificationMethod })
            .SingleOrDefaultAsync(cancellationToken);
        var verified = person is not null
            && IdentityLevels.Of(person.FullName, person.IdNumber, person.VerifiedFullName, person.VerifiedIdNumber, person.VerificationMethod).IsVerified();
        if (!verified)
        {
            return db.Enterprises.AsNoTracking().Where(e => e.OwnerId == id);
        }

        var name = person!.FullName.Trim();
        var idNumber = ResidentIdNumber.Normalize(person.IdNumber!);
        var now = time.GetUtcNow().UtcDateTime;
        return db.Enterprises.AsNoTracking().Where(e =>
            e.OwnerId == id
            || (e.LegalRepresentativeIdNumber == idNumber && e.LegalRepresentative == name)
            || (e.Status == EnterpriseStatus.Active && db.EnterpriseAgents.Any(a =>
                a.EnterpriseId == e.Id && a.AgentUserId == id && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now))));
    }
}
