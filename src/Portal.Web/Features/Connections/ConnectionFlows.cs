using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Connections;

/// <summary>Gives 报装 cases their steps: the parent waits for its children; each child runs its utility's steps.</summary>
public sealed class ConnectionFlows(PortalDbContext db) : ICaseFlowSource
{
    public bool Handles(string serviceCode) => ConnectionService.IsConnection(serviceCode);

    public async Task<ICaseFlow> LoadAsync(Case c, CancellationToken cancellationToken)
    {
        if (ConnectionService.IsParent(c.ServiceCode))
        {
            var states = await ChildStatesAsync(db, c.Id, cancellationToken);
            return new ParentConnectionFlow(() => states.Count > 0 && states.All(s => s.IsFinal()));
        }

        return new UtilityConnectionFlow(await LoadRequestAsync(db, c.Id, cancellationToken));
    }

    /// <summary>The states of a parent's child cases, as changed in this request where a child is already loaded.</summary>
    public static async Task<IReadOnlyList<CaseState>> ChildStatesAsync(PortalDbContext db, long parentCaseId, CancellationToken cancellationToken)
    {
        var stored = await db.Cases.AsNoTracking()
            .Where(x => db.UtilityRequests.Any(r => r.CaseId == x.Id && r.Application.CaseId == parentCaseId))
            .Select(x => new { x.Id, x.State })
            .ToListAsync(cancellationToken);
        return stored.Select(s => db.Cases.Local.FirstOrDefault(l => l.Id == s.Id)?.State ?? s.State).ToList();
    }

    public static async Task<UtilityRequest> LoadRequestAsync(PortalDbContext db, long childCaseId, CancellationToken cancellationToken) =>
        await db.UtilityRequests.Include(r => r.Application).SingleAsync(r => r.CaseId == childCaseId, cancellationToken);
}
