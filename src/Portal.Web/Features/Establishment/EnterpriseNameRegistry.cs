using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Establishment;

/// <summary>名称自主申报 against the names in use (registered enterprises and pending applications).</summary>
public static class EnterpriseNameRegistry
{
    /// <summary>Wording rules first, then one primary-key lookup of the normalized name.</summary>
    public static async Task<NameCheck> CheckAsync(PortalDbContext db, string? name, long? ownApplicationId, CancellationToken cancellationToken)
    {
        var wording = EnterpriseNames.CheckWording(name);
        if (!wording.Ok)
        {
            return wording;
        }

        var normalized = EnterpriseNames.Normalize(name);
        var taken = await db.NameReservations.AsNoTracking().FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
        return taken is null || (ownApplicationId is not null && taken.ApplicationId == ownApplicationId)
            ? NameCheck.Accepted
            : EnterpriseNames.Conflict(taken.Name);
    }
}
