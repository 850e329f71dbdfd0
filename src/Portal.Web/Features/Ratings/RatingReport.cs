namespace Portal.Web.Features.Ratings;

public sealed record RatingReport(
    RatingGroup Total,
    RatingBreakdown ByService,
    RatingBreakdown ByUnit,
    RatingBreakdown ByWindow,
    RatingBreakdown? ByStaff,
    IReadOnlyList<RectifiedRow> Rectified,
    int MinutesPerWorkingDay);
