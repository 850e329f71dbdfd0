using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// 注销 (SPEC 2.2): 简易注销 and 普通注销 started by the enterprise, and 代位注销 / 除名 by a supervisor. Each is its own
/// service (own number series, promise and guide), all held by 市场监管 and driven by <see cref="DeregistrationFlow"/>.
/// </summary>
public static class DeregistrationService
{
    public const string SimpleCode = "deregistration-simple";
    public const string OrdinaryCode = "deregistration-ordinary";
    public const string AuthorityCode = "deregistration-authority";

    public static ServiceDefinition Simple { get; } =
        new(SimpleCode, "简易注销", Department.Market, PromiseKeys.SimpleDeregistrationCancel, "JYZX");

    public static ServiceDefinition Ordinary { get; } =
        new(OrdinaryCode, "普通注销", Department.Market, PromiseKeys.OrdinaryRegister, "PTZX");

    public static ServiceDefinition Authority { get; } =
        new(AuthorityCode, "依职权注销（代位注销、除名）", Department.Market, PromiseKeys.OrdinaryRegister, "YZZX");

    public static IReadOnlyList<ServiceDefinition> Definitions { get; } = [Simple, Ordinary, Authority];

    public static bool IsDeregistration(string serviceCode) => serviceCode is SimpleCode or OrdinaryCode or AuthorityCode;

    public static ServiceDefinition For(DeregistrationRoute route) => route switch
    {
        DeregistrationRoute.Simple => Simple,
        DeregistrationRoute.Ordinary => Ordinary,
        _ => Authority,
    };
}
