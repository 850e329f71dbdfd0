using Portal.Domain.Cases;

namespace Portal.Web.Common;

/// <summary>Conditions another part of the portal puts on a case's actions (the material review: Features/Materials).</summary>
public interface ICaseGuardSource
{
    Task<IReadOnlyList<ActionGuard>> GuardsAsync(Case c, CancellationToken cancellationToken);
}
