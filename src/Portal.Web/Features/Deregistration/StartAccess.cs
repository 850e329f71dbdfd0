using Portal.Web.Common;
using Portal.Web.Features.Enterprises;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// 注销 of an enterprise: its verified legal representative, an agent for the route, or a window clerk
/// (<see cref="DeregistrationAccess"/> on the standing of <see cref="EnterpriseAccess"/>), checked before the form is
/// validated, so a stranger's post is refused without its fields being looked at (STYLE 13).
/// </summary>
public sealed class StartAccess(CurrentUser me, EnterpriseAccess access) : IAccessRule<Start.Command>
{
    public async Task EnsureAsync(Start.Command request, CancellationToken cancellationToken)
    {
        if (!me.IsSignedIn)
        {
            throw new NotSignedInException();
        }

        var found = await access.ForCodeAsync(request.CreditCode, cancellationToken) ?? throw new NotFoundException("未找到该企业。");
        var (may, refusal) = DeregistrationAccess.MayStart(found.Standing, request.Route);
        if (!may)
        {
            throw new ForbiddenException(refusal);
        }
    }
}
