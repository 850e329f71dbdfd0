using System.Globalization;
using Portal.Web.Common.Export;

namespace Portal.Web.Features.Dashboard;

/// <summary>The dashboard's tables built from its figures; page and downloads both use these.</summary>
public static class DashboardTables
{
    public const string Overdue = "overdue";
    public const string Service = "service";
    public const string Department = "department";
    public const string Window = "window";
    public const string Staff = "staff";
    public const string HallHours = "hall-hours";
    public const string HallWindows = "hall-windows";

    public static IReadOnlyList<string> Keys { get; } = [Overdue, Service, Department, Window, Staff, HallHours, HallWindows];

    public static IReadOnlyList<string> StepHeaders { get; } =
        ["环节数", "按时环节数", "按时办结率(%)", "平均用时(工作小时)", "平均承诺时限(工作小时)", "用时/承诺(%)"];

    private const string NoSteps = "统计期间内没有结束的计时环节。";

    public static IReadOnlyList<DashboardTable> Build(Period period, DateOnly today, IReadOnlyList<Statistics.OverdueRow> overdue, StepReport steps, HallReport hall)
    {
        var query = $"from={Iso(period.From)}&to={Iso(period.To)}";
        var span = $"{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
        DashboardTable Table(string key, string title, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, BarChart? chart, string empty, string? fileSpan = null) =>
            new(key, title, new ExportTable(title, headers, rows.ToList()), chart, empty, $"统计分析-{title}-{fileSpan ?? span}", query);

        return
        [
            Table(
                Overdue,
                "超期办件（当前）",
                ["办件编号", "办件名称", "事项", "状态", "当前办理方", "应完成时间", "超期起始"],
                overdue.Select(o => new object?[] { o.Number, o.Title, o.Service, o.State, o.Holder, o.Due, o.Since }),
                BarChart.Create(
                    "chart-overdue",
                    "当前超期办件数（按当前办理方）",
                    overdue.GroupBy(o => o.Holder).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => (g.Key, (double?)g.Count(), $"{g.Count()}件"))),
                "当前没有超期办件。",
                today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)) with { LinkPrefix = "/Cases/" },
            Table(
                Service,
                "按事项",
                ["事项", .. StepHeaders, "期间办结件数", "其中未曾超期", "办结按时率(%)"],
                steps.ByService.Select(s => (object?[])[s.Name, .. StepCells(s.Steps), s.Closed, s.ClosedNeverOverdue, s.ClosedOnTimeRate]),
                RateChart("chart-service", "按时办结率（按事项）", steps.ByService.Select(s => s.Steps)),
                "统计期间内没有结束的计时环节或办结的办件。"),
            Table(Department, "按部门", ["部门", .. StepHeaders], Rows(steps.ByDepartment), RateChart("chart-department", "按时办结率（按部门）", steps.ByDepartment), NoSteps),
            Table(Window, "按窗口", ["窗口", .. StepHeaders], Rows(steps.ByWindow), RateChart("chart-window", "按时办结率（按窗口）", steps.ByWindow), "统计期间内没有由登记了窗口号的工作人员结束的计时环节。"),
            Table(Staff, "按工作人员", ["工作人员", .. StepHeaders], Rows(steps.ByStaff), RateChart("chart-staff", "按时办结率（按工作人员）", steps.ByStaff), NoSteps),
            Table(
                HallHours,
                "排队叫号·按取号时段",
                ["取号时段", "取号数", "已叫号", "平均等候(分钟)", "过号"],
                hall.ByHour.Select(h => new object?[] { h.Label, h.Issued, h.Called, h.AverageWaitMinutes, h.NoShows }),
                BarChart.Create("chart-hall-hours", "取号数（按取号时段）", hall.ByHour.Select(h => (h.Label, (double?)h.Issued, $"{h.Issued}个"))),
                "统计期间内没有取号记录。"),
            Table(
                HallWindows,
                "排队叫号·按窗口",
                ["窗口", "叫号数", "已办理", "过号", "平均等候(分钟)", "平均办理时长(分钟)"],
                hall.ByWindow.Select(w => new object?[] { w.Window, w.Called, w.Served, w.NoShows, w.AverageWaitMinutes, w.AverageServiceMinutes }),
                BarChart.Create("chart-hall-windows", "叫号数（按窗口）", hall.ByWindow.Select(w => (w.Window, (double?)w.Called, $"{w.Called}个"))),
                "统计期间内没有窗口叫号记录。"),
        ];
    }

    /// <summary>How a cell is shown on the page: "—" for no value, one decimal for averages and rates.</summary>
    public static string Display(object? value) => value switch
    {
        null => "—",
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        string { Length: 0 } => "—",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object?[] StepCells(StepFigures f) =>
        [f.Steps, f.OnTime, f.OnTimeRate, f.AverageUsedHours, f.AveragePromisedHours, f.UsedOfPromised];

    private static IEnumerable<object?[]> Rows(IEnumerable<StepFigures> figures) =>
        figures.Select(f => (object?[])[f.Label, .. StepCells(f)]);

    private static BarChart RateChart(string id, string title, IEnumerable<StepFigures> figures) =>
        BarChart.Create(id, title, figures.Select(f => (f.Label, f.OnTimeRate, f.OnTimeRate is { } rate ? $"{Display(rate)}%" : "—")), fixedMax: 100);
}
