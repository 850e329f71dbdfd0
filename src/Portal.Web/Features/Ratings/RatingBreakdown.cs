namespace Portal.Web.Features.Ratings;

/// <summary>The rows of one breakdown and its total (over the ratings the breakdown contains).</summary>
public sealed record RatingBreakdown(IReadOnlyList<RatingGroup> Rows, RatingGroup Total);
