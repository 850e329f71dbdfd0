using Portal.Domain.Organisation;

namespace Portal.Domain.Ratings;

public static class RatingScale
{
    public static IReadOnlyList<RatingLevel> Levels { get; } = [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.Basic, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied];

    /// <summary>Online (一事一评): 整体满意度, 办事效率, 办事指南精确度, 办事便捷度, 平台操作性 (SPEC 2.4).</summary>
    public static IReadOnlyList<RatingIndicator> Online { get; } =
    [
        new("overall", "整体满意度"),
        new("efficiency", "办事效率"),
        new("guide", "办事指南精确度"),
        new("convenience", "办事便捷度"),
        new("platform", "平台操作性"),
    ];

    /// <summary>On site (一次一评): 整体满意度, 服务效率, 服务水平, 服务态度 (SPEC 2.4).</summary>
    public static IReadOnlyList<RatingIndicator> OnSite { get; } =
    [
        new("overall", "整体满意度"),
        new("efficiency", "服务效率"),
        new("skill", "服务水平"),
        new("attitude", "服务态度"),
    ];

    public static IReadOnlyList<RatingIndicator> IndicatorsFor(RatingSubject subject) => subject == RatingSubject.Visit ? OnSite : Online;

    public static bool IsBad(this RatingLevel level) => level <= RatingLevel.Dissatisfied;

    /// <summary>满意 for statistics: 基本满意 or better.</summary>
    public static bool IsSatisfied(this RatingLevel level) => level >= RatingLevel.Basic;

    public static string Label(this RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.Basic => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => level.ToString(),
    };

    public static string Stars(this RatingLevel level) => new('★', (int)level);

    public static string Label(this RatingSubject subject) => subject switch
    {
        RatingSubject.Acceptance => "受理",
        RatingSubject.Processing => "办理",
        _ => "现场服务",
    };

    /// <summary>The hall's own unit, for visits (its windows serve every service).</summary>
    public const string HallUnit = "Hall";

    /// <summary>
    /// Ratings of a whole 联合报装 application given before each utility's part was rated on its own (they cannot be
    /// credited to one utility; see the data fix 20261207 "JointConnectionRatings").
    /// </summary>
    public const string JointConnectionUnit = "JointConnection";

    public static string UnitLabel(string unit) => unit switch
    {
        HallUnit => "政务服务中心窗口",
        JointConnectionUnit => "联合报装（多家专营单位）",
        _ => Enum.TryParse<Department>(unit, out var d) ? d.Label() : unit,
    };

    /// <summary>Where a rated service was given: the unit, and for the hall its window ("政务服务中心 A01 号窗口").</summary>
    public static string PlaceLabel(string unit, string? window) =>
        unit == HallUnit && !string.IsNullOrEmpty(window) ? $"政务服务中心 {window} 号窗口" : UnitLabel(unit);

    public const int MaxComment = 500;
}
