using Portal.Domain.Cases;

namespace Portal.Web.Common;

/// <summary>The services the portal runs. Each service folder under Features/ declares its <see cref="ServiceDefinition"/>.</summary>
public sealed class ServiceCatalog(IEnumerable<ServiceDefinition> services)
{
    private readonly Dictionary<string, ServiceDefinition> byCode = services.ToDictionary(s => s.Code);

    public IReadOnlyCollection<ServiceDefinition> All => byCode.Values;

    public ServiceDefinition Get(string code) =>
        byCode.TryGetValue(code, out var service) ? service : throw new NotFoundException($"未知的事项“{code}”。");

    public string NameOf(string code) => byCode.TryGetValue(code, out var service) ? service.Name : code;
}
