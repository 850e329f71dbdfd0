using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Cases;

/// <summary>
/// Before any request about a case is validated: the person must be able to see the case (as on its page, including
/// the departments a cancellation is shared with and the enterprise's legal representative or agent on a case another
/// filed), otherwise "not found" — so a post with invalid fields against
/// someone else's case never runs its validators nor shows the case again (STYLE 13).
/// </summary>
public sealed class CaseRequestAccess(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts) : IAccessRule<ICaseRequest>
{
    public async Task EnsureAsync(ICaseRequest request, CancellationToken cancellationToken)
    {
        if (!me.IsSignedIn)
        {
            throw new NotSignedInException();
        }

        var c = await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
        var shared = c is not null && Deregistration.DeregistrationService.IsDeregistration(c.ServiceCode)
            ? await db.CancellationShares.AsNoTracking().Where(s => s.Application.CaseId == c.Id).Select(s => s.Department).ToListAsync(cancellationToken)
            : [];
        await CaseAccess.EnsureVisibleAsync(c, me, services, contexts, cancellationToken, shared.Select(d => d.ReviewerRole()).ToList());
    }
}
