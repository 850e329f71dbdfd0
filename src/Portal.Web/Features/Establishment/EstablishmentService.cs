using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;

namespace Portal.Web.Features.Establishment;

/// <summary>企业开办: one application, one step (003:9); 受理→办结 limit from the active profile.</summary>
public static class EstablishmentService
{
    public const string Code = "establishment";

    public static ServiceDefinition Definition { get; } =
        new(Code, "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");
}
