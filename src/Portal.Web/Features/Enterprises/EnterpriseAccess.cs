using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Enterprises;

/// <summary>单独办理 on an enterprise: only its owner or a window clerk, checked before the form is validated (STYLE 13).</summary>
public sealed class StartLaterAccess(PortalDbContext db, CurrentUser me) : IAccessRule<StartLater.Command>
{
    public async Task EnsureAsync(StartLater.Command request, CancellationToken cancellationToken)
    {
        var owner = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == request.CreditCode).Select(e => new { e.OwnerId }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null || !(owner.OwnerId == me.Id || me.IsInRole(Roles.Window)))
        {
            throw new NotFoundException("未找到该企业，或该企业不属于您。");
        }
    }
}
