using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Deregistration;

/// <summary>Loads a deregistration case's application so the shared case table gets 注销's own steps.</summary>
public sealed class DeregistrationFlows(PortalDbContext db) : ICaseFlowSource
{
    public bool Handles(string serviceCode) => DeregistrationService.IsDeregistration(serviceCode);

    public async Task<ICaseFlow> LoadAsync(Case c, CancellationToken cancellationToken) =>
        new DeregistrationFlow(await LoadApplicationAsync(db, c.Id, cancellationToken));

    public static async Task<DeregistrationApplication> LoadApplicationAsync(PortalDbContext db, long caseId, CancellationToken cancellationToken) =>
        await db.Deregistrations.Include(d => d.Responses).Include(d => d.Shares).AsSplitQuery()
            .SingleAsync(d => d.CaseId == caseId, cancellationToken);
}
