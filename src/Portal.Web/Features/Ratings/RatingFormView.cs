using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

/// <summary>What the shared rating form shows: its indicators, the values typed so far, whether to ask for name and phone.</summary>
public sealed record RatingFormView(IReadOnlyList<RatingIndicator> Indicators, RatingForm Form, bool AskContact);
