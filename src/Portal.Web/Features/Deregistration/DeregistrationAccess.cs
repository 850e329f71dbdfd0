using Portal.Domain.Deregistration;
using Portal.Web.Features.Enterprises;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// Who may start a deregistration of an enterprise: its legal representative (a verified account whose name and ID
/// number both match the licence), an agent the legal representative authorised for the route, or a window clerk
/// filing for them (docs/decisions/0016-identity-levels.md). Every check goes through <see cref="EnterpriseAccess"/>.
/// </summary>
public static class DeregistrationAccess
{
    public const string Refused = "只有企业的法定代表人本人（已实名核验）、受其委托办理注销的经办人或窗口工作人员（帮办代办）可以申请注销。";

    /// <summary>Whether the person may start the route, and if not, the Chinese reason.</summary>
    public static (bool May, string Refusal) MayStart(EnterpriseStanding standing, DeregistrationRoute route)
    {
        var code = DeregistrationService.For(route).Code;
        return (standing.MayFile(code), standing.RefusalFor(code, Refused));
    }
}
