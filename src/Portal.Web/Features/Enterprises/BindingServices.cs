using Portal.Domain.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Features.Enterprises;

/// <summary>
/// The services that bind an enterprise (docs/decisions/0016-identity-levels.md): only its verified legal representative,
/// an agent (经办人) the legal representative authorised for the service, or a window clerk (帮办代办) act in them.
/// </summary>
public static class BindingServices
{
    /// <summary>简易注销, 普通注销 and every 单独办理 item, in the order the authorisation form lists them.</summary>
    public static IReadOnlyList<ServiceDefinition> All { get; } =
        [DeregistrationService.Simple, DeregistrationService.Ordinary, .. EstablishmentService.Addons];

    public static bool IsBinding(string serviceCode) => All.Any(s => s.Code == serviceCode);

    public static string LabelOf(string serviceCode) => All.FirstOrDefault(s => s.Code == serviceCode)?.Name ?? serviceCode;
}
