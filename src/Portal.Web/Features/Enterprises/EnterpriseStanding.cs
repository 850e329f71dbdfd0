using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Web.Common;

namespace Portal.Web.Features.Enterprises;

/// <summary>
/// Where the signed-in person stands towards one enterprise. The legal representative is a verified account whose
/// name and ID number both match the enterprise's record; an agent holds an active authorisation and is verified
/// too; the owner is the account that filed its 企业开办 (it sees what it obtained, but acts only as one of the others).
/// </summary>
public sealed record EnterpriseStanding(
    string? UserId,
    string Name,
    bool IsStaff,
    bool IsWindow,
    bool IsOwner,
    bool IsLegalRepresentative,
    bool ClaimsLegalRepresentative,
    IdentityLevel Level,
    string LegalRepresentativeName,
    IReadOnlyList<EnterpriseAgent> Grants)
{
    public const string NotFound = "未找到该企业，或该企业不属于您。";

    public const string VerifyFirst =
        "您的账号尚未实名核验：以法定代表人身份办理注销、单独办理等代表企业的事项，须先携带居民身份证到政务服务中心窗口核验，或通过统一身份认证核验（见“我的实名等级”）。";

    /// <summary>Sees the enterprise's page: its licence, seals, permits and cases.</summary>
    public bool MayView => IsStaff || IsOwner || IsLegalRepresentative || Grants.Count > 0;

    /// <summary>Acts for the enterprise in the service as its legal representative or agent (staff: see <see cref="MayFile"/>).</summary>
    public bool MayAct(string serviceCode) => IsLegalRepresentative || Grants.Any(g => g.ServiceCodes.Contains(serviceCode, StringComparer.Ordinal));

    /// <summary>Starts the service for the enterprise: its legal representative, an agent for the service, or a window clerk (帮办代办).</summary>
    public bool MayFile(string serviceCode) => IsWindow || MayAct(serviceCode);

    /// <summary>Names the legal representative's agents and revokes them.</summary>
    public bool MayManageAgents => IsLegalRepresentative;

    /// <summary>The active authorisation the person acts under in the service (null for the legal representative or staff).</summary>
    public EnterpriseAgent? GrantFor(string serviceCode) =>
        IsLegalRepresentative ? null : Grants.FirstOrDefault(g => g.ServiceCodes.Contains(serviceCode, StringComparer.Ordinal));

    /// <summary>
    /// Who the case history records: the person themselves, and for an agent "经办人 X（受法定代表人 Y 委托）" under the
    /// agent's own account, so that the agent's actions are recorded as the agent's.
    /// </summary>
    public CaseActor ActorFor(CaseActor actor, string serviceCode) =>
        GrantFor(serviceCode) is not null ? actor with { Name = AgentLabel(actor.Name, LegalRepresentativeName) } : actor;

    public static string AgentLabel(string agent, string legalRepresentative) => $"经办人{agent}（受法定代表人{legalRepresentative}委托）";

    /// <summary>The Chinese refusal for someone who may not act in the service.</summary>
    public string RefusalFor(string serviceCode, string general) =>
        ClaimsLegalRepresentative && !Level.IsVerified() ? VerifyFirst
        : Grants.Count > 0 ? $"您受法定代表人委托办理的事项不包括“{BindingServices.LabelOf(serviceCode)}”，请联系法定代表人{LegalRepresentativeName}授权或由其本人办理。"
        : general;

    /// <summary>Throws unless the person may see the enterprise: a real-name claimant who is not yet verified learns what to do, anyone else learns nothing.</summary>
    public void EnsureVisible()
    {
        if (MayView)
        {
            return;
        }

        throw ClaimsLegalRepresentative ? new ForbiddenException(VerifyFirst) : new NotFoundException(NotFound);
    }
}
