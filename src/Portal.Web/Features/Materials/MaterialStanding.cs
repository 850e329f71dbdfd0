using Portal.Domain.Cases;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// Works out <see cref="MaterialRights"/> for the signed-in person. The applicant side is what the case's actions say
/// (<see cref="CaseActor.IsApplicantSideOf"/> of the actor the case's actor policy gives): the applicant, whoever filed
/// it for them, or someone acting for the applicant.
/// </summary>
public sealed class MaterialStanding(CurrentUser me, CaseContexts contexts)
{
    public async Task<MaterialRights> OfAsync(Case c, CancellationToken cancellationToken)
    {
        var actor = me.IsSignedIn ? await contexts.ActorOnAsync(c, cancellationToken) : null;
        var side = actor?.IsApplicantSideOf(c) ?? false;
        return new MaterialRights(side, MaterialAccess.MayOpen(c, me, side), MaterialAccess.MayUpload(c, me, side), MaterialAccess.MayReview(c, me, side), actor);
    }
}
