using Portal.Domain.Cases;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Features;

/// <summary>Every service folder's definition, in the order the public pages list them.</summary>
public static class ServiceRegistry
{
    public static IReadOnlyList<ServiceDefinition> Definitions { get; } =
    [
        EstablishmentService.Definition,
        .. EstablishmentService.Addons,
        .. DeregistrationService.Definitions,
        .. ConnectionService.Definitions,
    ];
}
