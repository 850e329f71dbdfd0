using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Connections;

/// <summary>Stamps a 报装 request when the sweep marks its case overdue, so the utility's feed reports it.</summary>
public sealed class ConnectionOverdue(PortalDbContext db) : IStepExpiry
{
    public Task<bool> TryExpireAsync(Case c, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task OnMarkedOverdueAsync(Case c, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (ConnectionService.IsChild(c.ServiceCode))
        {
            (await db.UtilityRequests.SingleAsync(r => r.CaseId == c.Id, cancellationToken)).Touch(nowUtc);
        }
    }
}
