using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// 注销 of an enterprise: only its legal representative or a window clerk (<see cref="DeregistrationAccess"/>), checked
/// before the form is validated, so a stranger's post is refused without its fields being looked at (STYLE 13).
/// </summary>
public sealed class StartAccess(PortalDbContext db, CurrentUser me) : IAccessRule<Start.Command>
{
    public async Task EnsureAsync(Start.Command request, CancellationToken cancellationToken)
    {
        if (!me.IsSignedIn)
        {
            throw new NotSignedInException();
        }

        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken)
            ?? throw new NotFoundException("未找到该企业。");
        if (!await DeregistrationAccess.MayStartAsync(db, me, enterprise, cancellationToken))
        {
            throw new ForbiddenException(DeregistrationAccess.Refused);
        }
    }
}
