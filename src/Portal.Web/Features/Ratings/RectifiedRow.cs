using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

/// <summary>One 差评 whose result went back in the period, as published: no comment, no rater, no case number.</summary>
public sealed record RectifiedRow(DateTime ResultAtUtc, DateOnly Date, string Service, string Unit, RatingLevel Level, Finding? Finding, string Result);
