using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Data;

namespace Portal.Web.Common;

/// <summary>
/// One request's read-only copy of a case by its number, with its tracks and history: the case page's panels (the case
/// itself, 申请材料, 一事一评, 注销's and 报装's own panels) each asked the database for the same case (issue 18 measured
/// five case queries per page). Each panel still decides for itself who may see what; only the read is shared. Not for
/// commands (they load the case tracked, inside their transaction), and forgotten whenever the request's context saves,
/// so a page shown again after a change never reads the copy from before it.
/// </summary>
public sealed class CaseReads
{
    private readonly PortalDbContext db;
    private readonly Dictionary<string, Case?> byNumber = new(StringComparer.Ordinal);

    public CaseReads(PortalDbContext db)
    {
        this.db = db;
        db.SavedChanges += (_, _) => byNumber.Clear();
    }

    /// <summary>The case (no tracking) with its tracks and history, or null when there is no such case.</summary>
    public async Task<Case?> ByNumberAsync(string number, CancellationToken cancellationToken)
    {
        if (byNumber.TryGetValue(number, out var known))
        {
            return known;
        }

        var found = await db.Cases.AsNoTracking().Include(c => c.History).Include(c => c.SubItems).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
        byNumber[number] = found;
        return found;
    }
}
