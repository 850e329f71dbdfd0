using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

/// <summary>What the figures need of one rating: never the rater (name, phone, account) nor the comment.</summary>
public sealed record RatingFacts(long Id, string ServiceCode, string Unit, string? WindowNumber, string? StaffId, string? StaffName, RatingLevel Level, bool Anonymous, DateTime CreatedAt);
