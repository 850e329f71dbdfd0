using Portal.Domain.Cases;

namespace Portal.Web.Common;

/// <summary>
/// Decides who a person acts as on an existing case of a service whose standing can change after filing (an enterprise's
/// 注销 or 单独办理: the legal representative, an agent whose authorisation may since be revoked).
/// </summary>
public interface ICaseActorPolicy
{
    bool Handles(Case c);

    /// <summary>The actor to use: the person (perhaps relabelled), or one whom the case's applicant-side guards refuse.</summary>
    Task<CaseActor> ActorAsync(Case c, CaseActor actor, CancellationToken cancellationToken);
}
