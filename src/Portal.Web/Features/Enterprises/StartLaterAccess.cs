using Portal.Web.Common;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Features.Enterprises;

/// <summary>
/// 单独办理 on an enterprise: its verified legal representative, an agent for the item, or a window clerk — checked before
/// the form is validated (STYLE 13), by the same standing the handler uses.
/// </summary>
public sealed class StartLaterAccess(EnterpriseAccess access) : IAccessRule<StartLater.Command>
{
    public async Task EnsureAsync(StartLater.Command request, CancellationToken cancellationToken)
    {
        var found = await access.ForCodeAsync(request.CreditCode, cancellationToken) ?? throw new NotFoundException(EnterpriseStanding.NotFound);
        found.Standing.EnsureVisible();
        var serviceCode = EstablishmentService.AddonPrefix + request.Item;
        if (!found.Standing.MayFile(serviceCode))
        {
            throw new ForbiddenException(found.Standing.RefusalFor(serviceCode, StartLater.Refused));
        }
    }
}
