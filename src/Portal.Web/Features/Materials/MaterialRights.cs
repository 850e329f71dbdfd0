using Portal.Domain.Cases;

namespace Portal.Web.Features.Materials;

/// <summary>
/// What the signed-in person may do with one case's materials, and who they act as on it (<see cref="Actor"/>, null when
/// signed out: a command that goes on to act on the case passes it on instead of asking the actor policy again).
/// </summary>
public sealed record MaterialRights(bool ApplicantSide, bool MayOpen, bool MayUpload, bool MayReview, CaseActor? Actor);
