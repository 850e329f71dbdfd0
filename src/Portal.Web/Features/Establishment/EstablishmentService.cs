using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;

namespace Portal.Web.Features.Establishment;

/// <summary>
/// 企业开办: one application, one step (003:9); 受理→办结 limit from the active profile. Items chosen 单独办理, and
/// 涉税办理 / 预约银行开户 / 职工就业登记 at any time (000:83-85), run later as their own small cases ("addon").
/// </summary>
public static class EstablishmentService
{
    public const string Code = "establishment";
    public const string AddonPrefix = "addon-";

    public static ServiceDefinition Definition { get; } =
        new(Code, "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");

    /// <summary>One definition per sub-item for 单独办理 on an existing enterprise.</summary>
    public static IReadOnlyList<ServiceDefinition> Addons { get; } = EstablishmentCatalog.Items
        .Where(i => !i.Mandatory)
        .Select(i => new ServiceDefinition(AddonPrefix + i.Code, $"{i.Label}（单独办理）", i.Department, PromiseKeys.EstablishmentTotal, "QYDB"))
        .ToList();

    public static bool IsAddon(string serviceCode) => serviceCode.StartsWith(AddonPrefix, StringComparison.Ordinal);

    public static EstablishmentItem? AddonItem(string serviceCode) =>
        IsAddon(serviceCode) ? EstablishmentCatalog.Item(serviceCode[AddonPrefix.Length..]) : null;
}
