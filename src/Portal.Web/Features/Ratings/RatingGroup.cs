namespace Portal.Web.Features.Ratings;

/// <summary>
/// The figures of one group of ratings (a service, a unit, a window, a staff member, or a table's total). Rates are
/// percentages with one decimal, null when their denominator is 0 (shown as "—").
/// </summary>
public sealed record RatingGroup(
    string Key,
    string Label,
    int Ratings,
    int Satisfied,
    int Bad,
    int BadRectified,
    int RealNameBad,
    int RealNameBadVisited,
    double? AverageRectificationDays)
{
    /// <summary>满意率: 基本满意 or better ÷ ratings.</summary>
    public double? SatisfactionRate => RatingFigures.Percent(Satisfied, Ratings);

    /// <summary>差评占比: 不满意 or 非常不满意 ÷ ratings.</summary>
    public double? BadShare => RatingFigures.Percent(Bad, Ratings);

    /// <summary>差评整改率: 差评 whose result (整改结果 or 不属实 explanation) went back ÷ 差评.</summary>
    public double? RectificationRate => RatingFigures.Percent(BadRectified, Bad);

    /// <summary>实名差评回访率: real-name 差评 called back ÷ real-name 差评.</summary>
    public double? VisitRate => RatingFigures.Percent(RealNameBadVisited, RealNameBad);
}
