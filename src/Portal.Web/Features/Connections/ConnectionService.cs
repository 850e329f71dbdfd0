using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;

namespace Portal.Web.Features.Connections;

/// <summary>
/// 报装 (SPEC 2.3): one parent case per application (single or 联合报装) and one child case per utility, held by
/// that utility's staff. The parent is not open to any utility's back office: each sees only its own child.
/// </summary>
public static class ConnectionService
{
    public const string ParentCode = "connection";
    public const string ChildPrefix = "connection-";

    public static ServiceDefinition Parent { get; } =
        new(ParentCode, "水电气热信报装", Department.Power, PromiseKeys.PowerSanLing, "BZ") { OpenToDepartment = false };

    public static IReadOnlyList<ServiceDefinition> Children { get; } = Utilities.All.Select(u => new ServiceDefinition(
        ChildCode(u), u.ServiceLabel(), u.Department(), DefaultLimit(u), u switch
        {
            Utility.Power => "GDBZ",
            Utility.Water => "GSBZ",
            Utility.Gas => "RQBZ",
            Utility.Heat => "GRBZ",
            _ => "TXBZ",
        })).ToList();

    public static IReadOnlyList<ServiceDefinition> Definitions { get; } = [Parent, .. Children];

    public static string ChildCode(Utility utility) => ChildPrefix + utility.ToString().ToLowerInvariant();

    public static ServiceDefinition Child(Utility utility) => Children.Single(c => c.Code == ChildCode(utility));

    public static bool IsParent(string serviceCode) => serviceCode == ParentCode;

    public static bool IsChild(string serviceCode) => serviceCode.StartsWith(ChildPrefix, StringComparison.Ordinal);

    public static bool IsConnection(string serviceCode) => IsParent(serviceCode) || IsChild(serviceCode);

    private static string DefaultLimit(Utility utility) => utility switch
    {
        Utility.Power => PromiseKeys.PowerSanLing,
        Utility.Water => PromiseKeys.WaterConnect,
        Utility.Gas => PromiseKeys.GasConnect,
        Utility.Heat => PromiseKeys.HeatConnect,
        _ => PromiseKeys.TelecomConnect,
    };
}
