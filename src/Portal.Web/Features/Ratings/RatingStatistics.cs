using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Export;
using Portal.Web.Features.Dashboard;

namespace Portal.Web.Features.Ratings;

/// <summary>What the figures need of one rating: never the rater (name, phone, account) nor the comment.</summary>
public sealed record RatingFacts(long Id, string ServiceCode, string Unit, string? WindowNumber, string? StaffId, string? StaffName, RatingLevel Level, bool Anonymous, DateTime CreatedAt);

/// <summary>What the figures need of one 差评 follow-up; <see cref="Result"/> is the text as it may be published.</summary>
public sealed record FollowUpFacts(long RatingId, DateTime? VisitedAt, DateTime? ResultAt, Finding? Finding, string? Result);

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

/// <summary>The rows of one breakdown and its total (over the ratings the breakdown contains).</summary>
public sealed record RatingBreakdown(IReadOnlyList<RatingGroup> Rows, RatingGroup Total);

/// <summary>One 差评 whose result went back in the period, as published: no comment, no rater, no case number.</summary>
public sealed record RectifiedRow(DateTime ResultAtUtc, DateOnly Date, string Service, string Unit, RatingLevel Level, Finding? Finding, string Result);

public sealed record RatingReport(
    RatingGroup Total,
    RatingBreakdown ByService,
    RatingBreakdown ByUnit,
    RatingBreakdown ByWindow,
    RatingBreakdown? ByStaff,
    IReadOnlyList<RectifiedRow> Rectified,
    int MinutesPerWorkingDay);

/// <summary>
/// The public 好差评 statistics computed from plain facts and the calendar, with no database or web host: the
/// definitions of the 统计口径 shown on /Ratings live here and nowhere else.
/// </summary>
public static class RatingFigures
{
    public const string TotalLabel = "合计";

    public static double Round1(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static double? Percent(int part, int whole) => whole == 0 ? null : Round1(100.0 * part / whole);

    /// <summary>
    /// All figures of the period. Counted: ratings created in [From 00:00, To + 1 00:00) local, except those in
    /// <paramref name="excluded"/> (upheld appeals). Published: follow-ups whose result went back in the period (the
    /// rating may be older), except excluded ones. The per-staff breakdown only when <paramref name="includeStaff"/>.
    /// </summary>
    public static RatingReport Compute(
        Period period,
        DeadlineClock clock,
        IEnumerable<RatingFacts> ratings,
        IEnumerable<FollowUpFacts> followUps,
        IReadOnlySet<long> excluded,
        Func<string, string> serviceLabel,
        bool includeStaff)
    {
        var start = period.StartUtc(clock);
        var end = period.EndUtc(clock);
        var all = ratings.Where(r => !excluded.Contains(r.Id)).ToList();
        var byId = all.ToDictionary(r => r.Id);
        var followUpOf = followUps.Where(f => !excluded.Contains(f.RatingId)).ToDictionary(f => f.RatingId);
        var counted = all.Where(r => r.CreatedAt >= start && r.CreatedAt < end).ToList();
        var perDay = (int)Math.Round(clock.Calendar.OfficeHours.PerDay.TotalMinutes);

        RatingGroup Group(string key, string label, IReadOnlyCollection<RatingFacts> these) => Of(key, label, these, followUpOf, clock, perDay);

        RatingBreakdown Breakdown(IEnumerable<RatingGroup> rows, IReadOnlyCollection<RatingFacts> these, Func<IEnumerable<RatingGroup>, IEnumerable<RatingGroup>> order) =>
            new(order(rows).ToList(), Group("", TotalLabel, these));

        static IEnumerable<RatingGroup> MostRatedFirst(IEnumerable<RatingGroup> rows) =>
            rows.OrderByDescending(g => g.Ratings).ThenBy(g => g.Label, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal);

        var byService = Breakdown(
            counted.GroupBy(r => r.ServiceCode).Select(g => Group(g.Key, serviceLabel(g.Key), g.ToList())), counted, MostRatedFirst);
        var byUnit = Breakdown(
            counted.GroupBy(r => r.Unit).Select(g => Group(g.Key, RatingScale.UnitLabel(g.Key), g.ToList())), counted, MostRatedFirst);
        var withWindow = counted.Where(r => !string.IsNullOrWhiteSpace(r.WindowNumber)).ToList();
        var byWindow = Breakdown(
            withWindow.GroupBy(r => r.WindowNumber!.Trim()).Select(g => Group(g.Key, g.Key, g.ToList())),
            withWindow,
            rows => rows.OrderBy(g => g.Key, StringComparer.Ordinal));

        RatingBreakdown? byStaff = null;
        if (includeStaff)
        {
            var withStaff = counted.Where(r => !string.IsNullOrEmpty(r.StaffId) || !string.IsNullOrWhiteSpace(r.StaffName)).ToList();
            byStaff = Breakdown(
                withStaff.GroupBy(r => string.IsNullOrEmpty(r.StaffId) ? "name:" + r.StaffName!.Trim() : r.StaffId)
                    .Select(g => Group(g.Key, StaffLabel(g), g.ToList())),
                withStaff,
                MostRatedFirst);
        }

        var rectified = followUpOf.Values
            .Where(f => f.ResultAt is { } at && at >= start && at < end && byId.ContainsKey(f.RatingId))
            .Select(f =>
            {
                var r = byId[f.RatingId];
                return new RectifiedRow(f.ResultAt!.Value, clock.LocalDate(f.ResultAt.Value), serviceLabel(r.ServiceCode), RatingScale.UnitLabel(r.Unit), r.Level, f.Finding, f.Result ?? "");
            })
            .OrderByDescending(x => x.ResultAtUtc)
            .ToList();

        return new RatingReport(byService.Total, byService, byUnit, byWindow, byStaff, rectified, perDay);
    }

    /// <summary>A staff member's name as last recorded on their ratings.</summary>
    public static string StaffLabel(IEnumerable<RatingFacts> ratings) =>
        ratings.OrderBy(r => r.CreatedAt).Select(r => r.StaffName?.Trim()).LastOrDefault(n => !string.IsNullOrEmpty(n)) ?? "（未记录姓名）";

    /// <summary>
    /// The figures of one group. 平均整改用时: the office minutes between each rectified 差评's rating and its result,
    /// averaged, in working days of <paramref name="minutesPerDay"/> office minutes, one decimal.
    /// </summary>
    public static RatingGroup Of(string key, string label, IReadOnlyCollection<RatingFacts> ratings, IReadOnlyDictionary<long, FollowUpFacts> followUps, DeadlineClock clock, int minutesPerDay)
    {
        var bad = ratings.Where(r => r.Level.IsBad()).ToList();
        var rectified = bad.Select(r => (Rating: r, FollowUp: followUps.GetValueOrDefault(r.Id)))
            .Where(x => x.FollowUp?.ResultAt is not null)
            .ToList();
        var realNameBad = bad.Where(r => !r.Anonymous).ToList();
        double? averageDays = rectified.Count == 0 || minutesPerDay <= 0
            ? null
            : Round1(rectified.Sum(x => (double)clock.OfficeMinutesBetween(x.Rating.CreatedAt, x.FollowUp!.ResultAt!.Value)) / rectified.Count / minutesPerDay);
        return new RatingGroup(
            key,
            label,
            ratings.Count,
            ratings.Count(r => r.Level.IsSatisfied()),
            bad.Count,
            rectified.Count,
            realNameBad.Count,
            realNameBad.Count(r => followUps.GetValueOrDefault(r.Id)?.VisitedAt is not null),
            averageDays);
    }

    /// <summary>
    /// A written result as it may be published: the case number and the rater's name and phone are hidden wherever the
    /// supervisor wrote them, and every ID number and mobile number in it is masked.
    /// </summary>
    public static string Publish(string? result, string? caseNumber, string? raterName, string? raterPhone)
    {
        var text = result?.Trim() ?? "";
        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            text = text.Replace(caseNumber.Trim(), "（办件编号不公开）", StringComparison.OrdinalIgnoreCase);
        }

        if (raterName?.Trim() is { Length: > 1 } name)
        {
            text = text.Replace(name, PersonalData.MaskName(name), StringComparison.Ordinal);
        }

        if (raterPhone?.Trim() is { Length: > 0 } phone)
        {
            text = text.Replace(phone, PersonalData.MaskPhone(phone), StringComparison.Ordinal);
        }

        return PersonalData.MaskText(text);
    }
}

/// <summary>One table of the page as shown and as downloaded (the same rows for both).</summary>
public sealed record RatingTable(string Key, string Title, ExportTable Data, string Empty, string FileName, string ExportQuery)
{
    /// <summary>Columns that hold rates (shown with "%").</summary>
    public IReadOnlySet<int> PercentColumns { get; init; } = new HashSet<int>();

    public string ExportUrl(string format) => $"/Ratings?handler=Export&table={Key}&format={format}&{ExportQuery}";
}

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

/// <summary>
/// 好差评 statistics for everyone (no sign-in): per service, unit and window, with the rectified 差评 published; for
/// supervisors and administrators also per staff member. Computed by <see cref="RatingFigures"/>.
/// </summary>
public static class RatingStatistics
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        /// <summary>First day (local); default the first day of <see cref="To"/>'s month.</summary>
        public DateOnly? From { get; init; }

        /// <summary>Last day (local), included; default today.</summary>
        public DateOnly? To { get; init; }
    }

    public sealed record Result(Period Period, string AsOf, string OfficeHours, RatingReport Report, IReadOnlyList<RatingTable> Tables, BarChart SatisfactionChart, BarChart RectificationChart)
    {
        public bool ShowsStaff => Report.ByStaff is not null;

        public RatingTable Table(string key) => Tables.Single(t => t.Key == key);
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time, StatisticsCache cache)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var staff = MaySeeStaff(me);
            var today = (await calendar.GetClockAsync(cancellationToken)).LocalDate(time.GetUtcNow().UtcDateTime);
            // Shared by concurrent requests, so it must not stop when the first of them goes away.
            return await cache.GetAsync((request.From, request.To, staff, today), () => LoadAsync(db, services, calendar, time, request.From, request.To, staff, CancellationToken.None));
        }
    }

    /// <summary>Who sees (and may download) the per-staff figures.</summary>
    public static bool MaySeeStaff(CurrentUser me) => me.IsInRole(Roles.Supervisor) || me.IsInRole(Roles.Admin);

    /// <summary>
    /// Reads only what the figures need — never the rater's name, phone or account, nor the comment (the rater's name,
    /// phone and the case number are read for the published results only, to hide them there) — and computes them.
    /// </summary>
    public static async Task<Result> LoadAsync(
        PortalDbContext db,
        ServiceCatalog services,
        CalendarService calendar,
        TimeProvider time,
        DateOnly? from,
        DateOnly? to,
        bool includeStaff,
        CancellationToken cancellationToken)
    {
        var clock = await calendar.GetClockAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var period = Period.Resolve(from, to, clock.LocalDate(now));
        var start = period.StartUtc(clock);
        var end = period.EndUtc(clock);

        var resultInPeriod = db.RatingFollowUps.Where(f => f.ResultAt >= start && f.ResultAt < end).Select(f => f.RatingId);
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => (r.CreatedAt >= start && r.CreatedAt < end) || resultInPeriod.Contains(r.Id))
            .Select(r => new RatingFacts(r.Id, r.ServiceCode, r.Unit, r.WindowNumber, r.StaffId, r.StaffName, r.Level, r.Anonymous, r.CreatedAt))
            .ToListAsync(cancellationToken);
        var followUps = await db.RatingFollowUps.AsNoTracking()
            .Where(f => (f.Rating.CreatedAt >= start && f.Rating.CreatedAt < end) || (f.ResultAt >= start && f.ResultAt < end))
            .Select(f => new { f.RatingId, f.VisitedAt, f.ResultAt, f.Finding, f.Result, f.Rating.CaseNumber, f.Rating.RaterName, f.Rating.RaterPhone })
            .ToListAsync(cancellationToken);
        var excluded = (await db.RatingAppeals.AsNoTracking().Where(a => a.Upheld == true).Select(a => a.RatingId).ToListAsync(cancellationToken)).ToHashSet();

        var report = RatingFigures.Compute(
            period,
            clock,
            ratings,
            followUps.Select(f => new FollowUpFacts(
                f.RatingId,
                f.VisitedAt,
                f.ResultAt,
                f.Finding,
                f.ResultAt is null ? null : RatingFigures.Publish(f.Result, f.CaseNumber, f.RaterName, f.RaterPhone))),
            excluded,
            code => RatingTargets.ServiceLabel(code, services),
            includeStaff);

        string Rate(double? rate) => rate is { } r ? RatingTables.Display(r, percent: true) : "—";
        return new Result(
            period,
            clock.ToLocal(now).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            clock.Calendar.OfficeHours.ToString().Replace(",", "、", StringComparison.Ordinal),
            report,
            RatingTables.Build(period, report),
            BarChart.Create("chart-satisfaction", "满意率（按事项）", report.ByService.Rows.Select(g => (g.Label, g.SatisfactionRate, Rate(g.SatisfactionRate))), fixedMax: 100),
            BarChart.Create("chart-rectification", "差评整改率（按部门/单位）", report.ByUnit.Rows.Select(g => (g.Label, g.RectificationRate, Rate(g.RectificationRate))), fixedMax: 100));
    }

    /// <summary>The table as a file (csv when no format is given).</summary>
    internal static ExportFile Export(Result result, string key, string? format)
    {
        var parsed = string.IsNullOrWhiteSpace(format) ? ExportFormat.Csv : ExportFile.ParseFormat(format) ?? throw new NotFoundException("未找到该下载格式（可选 csv 或 xlsx）。");
        var table = result.Tables.SingleOrDefault(t => t.Key == key) ?? throw new NotFoundException("未找到要下载的统计表。");
        return ExportFile.Create(table.Data, parsed, table.FileName);
    }
}

/// <summary>One public table of /Ratings as a CSV (or Excel) file: the same period and rows as the page. Never the per-staff table.</summary>
public static class RatingStatisticsDownload
{
    [PublicRequest]
    public sealed record Query : IQuery<ExportFile>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>One of <see cref="RatingTables.PublicKeys"/>.</summary>
        public string Table { get; init; } = "";

        /// <summary>csv (default) or xlsx.</summary>
        public string? Format { get; init; }
    }

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!RatingTables.PublicKeys.Contains(request.Table))
            {
                throw new NotFoundException("未找到要下载的统计表。");
            }

            var result = await RatingStatistics.LoadAsync(db, services, calendar, time, request.From, request.To, includeStaff: false, cancellationToken);
            return RatingStatistics.Export(result, request.Table, request.Format);
        }
    }
}

/// <summary>The per-staff table of /Ratings as a file: supervisors and administrators only.</summary>
public static class RatingStaffDownload
{
    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<ExportFile>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>csv (default) or xlsx.</summary>
        public string? Format { get; init; }
    }

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var result = await RatingStatistics.LoadAsync(db, services, calendar, time, request.From, request.To, includeStaff: true, cancellationToken);
            return RatingStatistics.Export(result, RatingTables.Staff, request.Format);
        }
    }
}
