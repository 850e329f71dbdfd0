using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
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

/// <summary>Works out <see cref="EnterpriseStanding"/> for the signed-in person; the one place every enterprise-binding check asks.</summary>
public sealed class EnterpriseAccess(PortalDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<EnterpriseStanding> ForAsync(Enterprise enterprise, CancellationToken cancellationToken)
    {
        if (!me.IsSignedIn)
        {
            return new EnterpriseStanding(null, "", false, false, false, false, false, IdentityLevel.Unverified, enterprise.LegalRepresentative, []);
        }

        if (me.IsStaff)
        {
            return new EnterpriseStanding(me.Id, me.Name, true, me.IsInRole(Roles.Window), false, false, false, IdentityLevel.Unverified, enterprise.LegalRepresentative, []);
        }

        var person = await db.Users.AsNoTracking().Where(u => u.Id == me.Id)
            .Select(u => new { u.FullName, u.IdNumber, u.VerifiedFullName, u.VerifiedIdNumber, u.VerificationMethod })
            .SingleOrDefaultAsync(cancellationToken);
        var level = person is null ? IdentityLevel.Unverified
            : IdentityLevels.Of(person.FullName, person.IdNumber, person.VerifiedFullName, person.VerifiedIdNumber, person.VerificationMethod);
        var claims = person is not null && IdentityLevels.SamePerson(person.FullName, person.IdNumber, enterprise.LegalRepresentative, enterprise.LegalRepresentativeIdNumber);
        var now = time.GetUtcNow().UtcDateTime;

        // An agent acts only while verified (a changed name or ID number suspends every authorisation) and the authorisation runs.
        IReadOnlyList<EnterpriseAgent> grants = level.IsVerified() && enterprise.IsActive
            ? (await db.EnterpriseAgents.AsNoTracking()
                .Where(a => a.EnterpriseId == enterprise.Id && a.AgentUserId == me.Id && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now))
                .OrderBy(a => a.Id).ToListAsync(cancellationToken))
            : [];
        return new EnterpriseStanding(
            me.Id,
            person?.FullName ?? me.Name,
            false,
            false,
            enterprise.OwnerId == me.Id,
            claims && level.IsVerified(),
            claims,
            level,
            enterprise.LegalRepresentative,
            grants);
    }

    /// <summary>The standing towards the enterprise with this credit code, or null when there is none.</summary>
    public async Task<(Enterprise Enterprise, EnterpriseStanding Standing)?> ForCodeAsync(string creditCode, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == creditCode, cancellationToken);
        return enterprise is null ? null : (enterprise, await ForAsync(enterprise, cancellationToken));
    }

    /// <summary>
    /// 我的企业: the enterprises the person filed (owner), leads as verified legal representative, or is an active agent of.
    /// </summary>
    public async Task<IQueryable<Enterprise>> VisibleAsync(CancellationToken cancellationToken)
    {
        var id = me.Id;
        var person = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.FullName, u.IdNumber, u.VerifiedFullName, u.VerifiedIdNumber, u.VerificationMethod })
            .SingleOrDefaultAsync(cancellationToken);
        var verified = person is not null
            && IdentityLevels.Of(person.FullName, person.IdNumber, person.VerifiedFullName, person.VerifiedIdNumber, person.VerificationMethod).IsVerified();
        if (!verified)
        {
            return db.Enterprises.AsNoTracking().Where(e => e.OwnerId == id);
        }

        var name = person!.FullName.Trim();
        var idNumber = ResidentIdNumber.Normalize(person.IdNumber!);
        var now = time.GetUtcNow().UtcDateTime;
        return db.Enterprises.AsNoTracking().Where(e =>
            e.OwnerId == id
            || (e.LegalRepresentativeIdNumber == idNumber && e.LegalRepresentative == name)
            || (e.Status == EnterpriseStatus.Active && db.EnterpriseAgents.Any(a =>
                a.EnterpriseId == e.Id && a.AgentUserId == id && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now))));
    }
}

/// <summary>
/// On an enterprise's 注销 or 单独办理 case, the applicant side acts only while it may act for the enterprise in that
/// service: the verified legal representative as themself, an agent as "经办人 X（受法定代表人 Y 委托）", and anyone
/// else — the owner who is not the legal representative, a revoked or expired agent, an account whose verification
/// lapsed — as a bystander the case's applicant-side guards refuse. Whoever may act sees the case and acts on the
/// applicant's side even when someone else filed it. Staff act as themselves.
/// </summary>
public sealed class EnterpriseCaseActors(EnterpriseAccess access) : ICaseActorPolicy
{
    public bool Handles(Case c) => c.SubjectCode is not null && BindingServices.IsBinding(c.ServiceCode);

    public async Task<CaseActor> ActorAsync(Case c, CaseActor actor, CancellationToken cancellationToken)
    {
        if (actor.IsStaff || actor.IsSystem)
        {
            return actor;
        }

        var found = await access.ForCodeAsync(c.SubjectCode!, cancellationToken);
        if (found is not { } f || !f.Standing.MayAct(c.ServiceCode))
        {
            // Not the applicant side any more: the same person, under no account the case knows.
            return actor with { UserId = "" };
        }

        // The applicant side even when someone else filed it: the legal representative follows the case an agent or a
        // window clerk filed, and an agent the one the legal representative filed.
        return f.Standing.ActorFor(actor, c.ServiceCode) with { ActsForApplicant = true };
    }
}

/// <summary>
/// 单独办理 on an enterprise: its verified legal representative, an agent for the item, or a window clerk — checked before
/// the form is validated (STYLE 13), by the same standing the handler uses.
/// </summary>
public sealed class StartLaterAccess(EnterpriseAccess access) : IAccessRule<StartLater.Command>
{
    public async Task EnsureAsync(StartLater.Command request, CancellationToken cancellationToken)
    {
        var found = await access.ForCodeAsync(request.CreditCode, cancellationToken) ?? throw new NotFoundException(EnterpriseStanding.NotFound);
        found.Standing.EnsureVisible();
        var serviceCode = EstablishmentService.AddonPrefix + request.Item;
        if (!found.Standing.MayFile(serviceCode))
        {
            throw new ForbiddenException(found.Standing.RefusalFor(serviceCode, StartLater.Refused));
        }
    }
}
