using Portal.Domain.Cases;
using Portal.Web.Common;

namespace Portal.Web.Features.Enterprises;

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
