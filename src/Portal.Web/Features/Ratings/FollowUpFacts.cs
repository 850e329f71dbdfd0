using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

/// <summary>What the figures need of one 差评 follow-up; <see cref="Result"/> is the text as it may be published.</summary>
public sealed record FollowUpFacts(long RatingId, DateTime? VisitedAt, DateTime? ResultAt, Finding? Finding, string? Result);
