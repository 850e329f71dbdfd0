namespace Portal.Domain.Ratings;

/// <summary>One indicator of a rating, scored with the same five levels.</summary>
public sealed record RatingIndicator(string Code, string Label);
