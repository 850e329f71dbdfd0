using System.Globalization;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Common.Export;
using Portal.Web.Features.Dashboard;

namespace Portal.Web.Features.Ratings;

/// <summary>The page's tables built from the figures; the page and the downloads both use these.</summary>
public static class RatingTables
{
    public const string Service = "service";
    public const string Unit = "unit";
    public const string Window = "window";
    public const string Staff = "staff";
    public const string Rectified = "rectified";

    /// <summary>The tables anyone may see and download.</summary>
    public static IReadOnlyList<string> PublicKeys { get; } = [Service, Unit, Window, Rectified];

    public static IReadOnlyList<string> FigureHeaders { get; } =
        ["评价数", "满意数", "满意率(%)", "差评数", "差评占比(%)", "已整改差评数", "差评整改率(%)", "实名差评数", "已回访实名差评数", "实名差评回访率(%)", "平均整改用时(工作日)"];

    public static IReadOnlyList<string> RectifiedHeaders { get; } = ["反馈日期", "事项", "单位", "评价等级", "核实结论", "处理结果"];

    private static readonly HashSet<int> RateColumns = [3, 5, 7, 10];

    public static IReadOnlyList<RatingTable> Build(Period period, RatingReport report)
    {
        var query = $"from={Iso(period.From)}&to={Iso(period.To)}";
        var span = $"{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
        RatingTable Figures(string key, string title, string first, RatingBreakdown breakdown, string empty) =>
            new(key, title, new ExportTable(title, [first, .. FigureHeaders], [.. breakdown.Rows.Select(Row), Row(breakdown.Total)]), empty, $"好差评统计-{title}-{span}", query)
            {
                PercentColumns = RateColumns,
            };

        var tables = new List<RatingTable>
        {
            Figures(Service, "按事项", "事项", report.ByService, "统计期间内没有评价。"),
            Figures(Unit, "按部门（单位）", "部门（单位）", report.ByUnit, "统计期间内没有评价。"),
            Figures(Window, "按窗口", "窗口", report.ByWindow, "统计期间内没有记录了窗口号的评价。"),
        };
        if (report.ByStaff is { } staff)
        {
            tables.Add(Figures(Staff, "按工作人员", "工作人员", staff, "统计期间内没有记录了工作人员的评价。"));
        }

        tables.Add(new RatingTable(
            Rectified,
            "已整改差评公开",
            new ExportTable(
                "已整改差评公开",
                RectifiedHeaders,
                report.Rectified.Select(r => (IReadOnlyList<object?>)[Iso(r.Date), r.Service, r.Unit, r.Level.Label(), r.Finding is { } f ? RatingFollowUp.Label(f) : null, r.Result]).ToList()),
            "统计期间内没有反馈处理结果的差评。",
            $"好差评统计-已整改差评公开-{span}",
            query));
        return tables;
    }

    /// <summary>Rows of a table the page shows (the download has them all): the most rated groups, the newest results.</summary>
    public const int PageRows = 50;

    /// <summary>The rows the page shows (at most <see cref="PageRows"/>, then the total row) and how many rows the table has besides its total.</summary>
    public static (IReadOnlyList<IReadOnlyList<object?>> Rows, int BodyRows) Shown(RatingTable table)
    {
        var rows = table.Data.Rows;
        var hasTotal = table.Key != Rectified;
        var body = hasTotal ? rows.Count - 1 : rows.Count;
        return body <= PageRows ? (rows, body) : ([.. rows.Take(PageRows), .. hasTotal ? [rows[^1]] : Array.Empty<IReadOnlyList<object?>>()], body);
    }

    /// <summary>Whether a figures table holds ratings (its total counts any).</summary>
    public static bool IsEmpty(RatingTable table) =>
        table.Key == Rectified ? table.Data.Rows.Count == 0 : table.Data.Rows.Count <= 1;

    /// <summary>How a cell is shown on the page: "—" for no value, one decimal for rates and averages.</summary>
    public static string Display(object? value, bool percent = false) => value switch
    {
        null => "—",
        double d => d.ToString("0.0", CultureInfo.InvariantCulture) + (percent ? "%" : ""),
        string { Length: 0 } => "—",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<object?> Row(RatingGroup g) =>
        [g.Label, g.Ratings, g.Satisfied, g.SatisfactionRate, g.Bad, g.BadShare, g.BadRectified, g.RectificationRate, g.RealNameBad, g.RealNameBadVisited, g.VisitRate, g.AverageRectificationDays];
}
