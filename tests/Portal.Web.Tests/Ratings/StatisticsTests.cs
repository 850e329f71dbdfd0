using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Web.Common;
using Portal.Web.Features.Dashboard;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Ratings.RatingStatisticsData;
using static Portal.Web.Tests.Support.Scenario;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// The public 好差评 statistics (/Ratings) on the hand-computed data set of <see cref="RatingStatisticsData"/>, on SQLite
/// and PostgreSQL: every figure of every table, the period's edges, who sees the per-staff table, the downloads and
/// who may have them, and that no rater, comment or case number ever leaves the database.
/// </summary>
public sealed class StatisticsTests(RatingStatisticsWorld world) : IClassFixture<RatingStatisticsWorld>
{
    private const string Period = "from=2026-10-08&to=2026-10-16";

    // Columns: label, 评价数, 满意数, 满意率(%), 差评数, 差评占比(%), 已整改差评数, 差评整改率(%), 实名差评数, 已回访实名差评数,
    // 实名差评回访率(%), 平均整改用时(工作日). Rates: part ÷ whole × 100, one decimal; null when the whole is 0.
    // 平均整改用时: office minutes ÷ 420 (minutes per working day), averaged, one decimal.

    /// <summary>All ten counted ratings (R1-R10 and R14; R11 excluded by its upheld appeal, R12 and R13 outside).</summary>
    private static readonly object?[] Total =
    [
        // 11 ratings; satisfied R1 R2 R5 R8 R10 R14 = 6 → 54.5; 差评 R3 R4 R6 R7 R9 = 5 → 45.5; results R3 R4 R9 = 3 → 60.0;
        // real-name 差评 R3 R6 R7 = 3, visited R3 R6 = 2 → 66.7; (900 + 120 + 960) ÷ 3 = 660 min ÷ 420 = 1.571 → 1.6.
        "合计", 11, 6, 54.5, 5, 45.5, 3, 60.0, 3, 2, 66.7, 1.6,
    ];

    private static readonly object?[][] ByService =
    [
        // B (R5 R6 R7 R8): satisfied R5 R8; 差评 R6 R7, neither has a result; both real-name, R6 visited.
        ["现场服务·企业开办", 4, 2, 50.0, 2, 50.0, 0, 0.0, 2, 1, 50.0, null],

        // A (R2 R3 R4; R11 excluded): satisfied R2 → 33.3; 差评 R3 R4 → 66.7, both with results; real-name 差评 R3, visited;
        // (900 + 120) ÷ 2 = 510 ÷ 420 = 1.214 → 1.2. Counted with R11 it would be 4 ratings and 3 差评.
        ["企业开办", 3, 1, 33.3, 2, 66.7, 2, 100.0, 1, 1, 100.0, 1.2],

        // C (R9 R10 R14): satisfied R10 R14 → 66.7; 差评 R9 (anonymous) → 33.3, result on 10/19 (after the period, still
        // counts: it went back); no real-name 差评 → —; 960 ÷ 420 = 2.286 → 2.3.
        ["获得电力（用电报装）", 3, 2, 66.7, 1, 33.3, 1, 100.0, 0, 0, null, 2.3],

        // D (R1): one 非常满意; no 差评 → 整改率, 回访率 and 用时 are —.
        ["简易注销", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null],
        Total,
    ];

    private static readonly object?[][] ByUnit =
    [
        // 市场监管 = A + D (R1 R2 R3 R4): satisfied R1 R2; 差评 R3 R4 with results; R3 real-name and visited; 1.2 as A.
        ["市场监管", 4, 2, 50.0, 2, 50.0, 2, 100.0, 1, 1, 100.0, 1.2],
        ["政务服务中心窗口", 4, 2, 50.0, 2, 50.0, 0, 0.0, 2, 1, 50.0, null],
        ["供电", 3, 2, 66.7, 1, 33.3, 1, 100.0, 0, 0, null, 2.3],
        Total,
    ];

    private static readonly object?[][] ByWindow =
    [
        // A01 (R2 R4 R5): satisfied R2 R5 → 66.7; 差评 R4 (anonymous) with result → 100.0; 120 ÷ 420 = 0.286 → 0.3.
        ["A01", 3, 2, 66.7, 1, 33.3, 1, 100.0, 0, 0, null, 0.3],

        // A02 (R6 R7 R8): satisfied R8 → 33.3; 差评 R6 R7 without results → 0.0; both real-name, R6 visited → 50.0.
        ["A02", 3, 1, 33.3, 2, 66.7, 0, 0.0, 2, 1, 50.0, null],

        // Only ratings with a window (R2 R4 R5 R6 R7 R8): 6; satisfied 3; 差评 3, one result → 33.3; real-name 差评 2, 1 visited.
        ["合计", 6, 3, 50.0, 3, 50.0, 1, 33.3, 2, 1, 50.0, 0.3],
    ];

    private static readonly object?[][] ByStaff =
    [
        // Three ratings each, by name (李 U+674E < 王 U+738B < 钱 U+94B1), then 赵审批 with two.
        ["李窗口", 3, 1, 33.3, 2, 66.7, 0, 0.0, 2, 1, 50.0, null],
        ["王窗口", 3, 2, 66.7, 1, 33.3, 1, 100.0, 0, 0, null, 0.3],
        ["钱供电", 3, 2, 66.7, 1, 33.3, 1, 100.0, 0, 0, null, 2.3],

        // 赵审批 (R1 R3; R11 excluded): satisfied R1; 差评 R3 real-name, visited, 900 ÷ 420 = 2.143 → 2.1.
        ["赵审批", 2, 1, 50.0, 1, 50.0, 1, 100.0, 1, 1, 100.0, 2.1],
        Total,
    ];

    /// <summary>Results that went back in the period, newest first: R4 (10/13), R3 (10/12), R12 (10/8; rated 10/7). Not R11 (excluded), not R9 (10/19).</summary>
    private static readonly object?[][] Rectified =
    [
        ["2026-10-13", "企业开办", "市场监管", "非常不满意", "部分属实", R4Result],
        ["2026-10-12", "企业开办", "市场监管", "不满意", "属实", R3Published],
        ["2026-10-08", "企业开办", "市场监管", "非常不满意", "不属实", R12Result],
    ];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_calendar_premises_of_the_hand_computation_hold(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        var clock = await portal.Factory.Service(sp => sp.GetRequiredService<CalendarService>().GetClockAsync());

        Assert.Equal(420, clock.Calendar.OfficeHours.PerDay.TotalMinutes);
        Assert.False(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 7)));   // 国庆节
        Assert.True(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 8)));
        Assert.True(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 9)));
        Assert.True(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));   // Saturday, 国庆节调休上班
        Assert.False(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));  // Sunday
        Assert.False(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 17)));
        Assert.False(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 18)));
        Assert.True(clock.Calendar.IsWorkingDay(new DateOnly(2026, 10, 19)));
        Assert.Equal(900, clock.OfficeMinutesBetween(ChinaUtc(2026, 10, 9, 9, 30), ChinaUtc(2026, 10, 12, 10, 30)));
        Assert.Equal(120, clock.OfficeMinutesBetween(ChinaUtc(2026, 10, 12, 16), ChinaUtc(2026, 10, 13, 10)));
        Assert.Equal(960, clock.OfficeMinutesBetween(ChinaUtc(2026, 10, 15, 9), ChinaUtc(2026, 10, 19, 11)));
        Assert.Equal(30, clock.OfficeMinutesBetween(ChinaUtc(2026, 10, 7, 23, 59), ChinaUtc(2026, 10, 8, 9, 30)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Every_figure_of_every_table_is_the_hand_computed_one(Provider provider)
    {
        var portal = await world.GetAsync(provider);

        var result = await portal.Factory.SendAs(portal.Supervisor, new RatingStatistics.Query { From = From, To = To });

        Assert.Equal(new Period(From, To), result.Period);
        Assert.Equal([RatingTables.Service, RatingTables.Unit, RatingTables.Window, RatingTables.Staff, RatingTables.Rectified], result.Tables.Select(t => t.Key));
        AssertRows(ByService, result, RatingTables.Service);
        AssertRows(ByUnit, result, RatingTables.Unit);
        AssertRows(ByWindow, result, RatingTables.Window);
        AssertRows(ByStaff, result, RatingTables.Staff);
        AssertRows(Rectified, result, RatingTables.Rectified);

        var total = result.Report.Total;
        Assert.Equal((11, 6, 5, 3, 3, 2), (total.Ratings, total.Satisfied, total.Bad, total.BadRectified, total.RealNameBad, total.RealNameBadVisited));
        Assert.Equal<(double?, double?, double?, double?, double?)>((54.5, 45.5, 60.0, 66.7, 1.6), (total.SatisfactionRate, total.BadShare, total.RectificationRate, total.VisitRate, total.AverageRectificationDays));
        Assert.Equal(420, result.Report.MinutesPerWorkingDay);

        // The charts: 满意率 per service, 差评整改率 per unit (a unit without 差评 has no bar).
        Assert.Equal<(string, double, string)>(
            [("现场服务·企业开办", 50.0, "50.0%"), ("企业开办", 33.3, "33.3%"), ("获得电力（用电报装）", 66.7, "66.7%"), ("简易注销", 100.0, "100.0%")],
            result.SatisfactionChart.Bars.Select(b => (b.Label, b.Value, b.ValueText)));
        Assert.Equal<(string, double, string)>(
            [("市场监管", 100.0, "100.0%"), ("政务服务中心窗口", 0.0, "0.0%"), ("供电", 100.0, "100.0%")],
            result.RectificationChart.Bars.Select(b => (b.Label, b.Value, b.ValueText)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Everyone_but_supervisors_and_admins_gets_the_same_figures_without_the_per_staff_table(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        var query = new RatingStatistics.Query { From = From, To = To };

        foreach (var user in new[] { null, portal.Window, portal.Reviewer, portal.Applicant })
        {
            var result = await portal.Factory.SendAs(user, query);

            Assert.False(result.ShowsStaff);
            Assert.Null(result.Report.ByStaff);
            Assert.Equal([RatingTables.Service, RatingTables.Unit, RatingTables.Window, RatingTables.Rectified], result.Tables.Select(t => t.Key));
            AssertRows(ByService, result, RatingTables.Service);
            AssertRows(ByUnit, result, RatingTables.Unit);
            AssertRows(ByWindow, result, RatingTables.Window);
            AssertRows(Rectified, result, RatingTables.Rectified);
        }

        var admin = await portal.Factory.SendAs(portal.Admin, query);
        Assert.True(admin.ShowsStaff);
        AssertRows(ByStaff, admin, RatingTables.Staff);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_period_runs_from_the_first_days_midnight_to_the_midnight_after_the_last_day(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        Task<RatingStatistics.Result> Between(DateOnly from, DateOnly to) =>
            portal.Factory.SendAs(portal.Supervisor, new RatingStatistics.Query { From = from, To = to });

        // 10/16 alone: R8 at 23:59 counts; R13 at 10/17 00:00 does not. No result went back that day.
        var lastDay = await Between(new DateOnly(2026, 10, 16), new DateOnly(2026, 10, 16));
        AssertRows([["现场服务·企业开办", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null], ["合计", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null]], lastDay, RatingTables.Service);
        AssertRows([["A02", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null], ["合计", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null]], lastDay, RatingTables.Window);
        Assert.Empty(lastDay.Report.Rectified);

        // 10/17-10/19: R13 (10/17 00:00) counts; R9's result of 10/19 11:00 is published although R9 was rated on 10/15.
        var after = await Between(new DateOnly(2026, 10, 17), new DateOnly(2026, 10, 19));
        AssertRows([["现场服务·企业开办", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null], ["合计", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null]], after, RatingTables.Service);
        AssertRows([["王窗口", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null], ["合计", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null]], after, RatingTables.Staff);
        AssertRows([["2026-10-19", "获得电力（用电报装）", "供电", "不满意", "属实", R9Result]], after, RatingTables.Rectified);

        // 10/7 alone: R12 at 23:59; its 不属实 explanation went back on 10/8 09:30 (30 office minutes: 10/7 is a holiday)
        // → 30 ÷ 420 = 0.07 → 0.1 working days; it is not published for 10/7.
        var before = await Between(new DateOnly(2026, 10, 7), new DateOnly(2026, 10, 7));
        AssertRows([["企业开办", 1, 0, 0.0, 1, 100.0, 1, 100.0, 0, 0, null, 0.1], ["合计", 1, 0, 0.0, 1, 100.0, 1, 100.0, 0, 0, null, 0.1]], before, RatingTables.Service);
        Assert.Empty(before.Report.Rectified);

        // 10/8 alone: R10 at 00:00, R1, R2; R12's result is published (rated the day before).
        var firstDay = await Between(new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 8));
        AssertRows(
            [
                ["企业开办", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null],
                ["简易注销", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null],
                ["获得电力（用电报装）", 1, 1, 100.0, 0, 0.0, 0, null, 0, 0, null, null],
                ["合计", 3, 3, 100.0, 0, 0.0, 0, null, 0, 0, null, null],
            ],
            firstDay,
            RatingTables.Service);
        AssertRows([["2026-10-08", "企业开办", "市场监管", "非常不满意", "不属实", R12Result]], firstDay, RatingTables.Rectified);

        // A period without ratings: every rate is —, the tables only have their totals.
        var empty = await Between(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));
        AssertRows([["合计", 0, 0, null, 0, null, 0, null, 0, 0, null, null]], empty, RatingTables.Service);
        Assert.Empty(empty.SatisfactionChart.Bars);
        Assert.Empty(empty.Report.Rectified);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Without_a_period_it_is_this_month_up_to_today(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        var before = portal.Factory.Time.GetUtcNow();
        try
        {
            portal.Factory.Time.SetChina(2026, 10, 14, 10);

            var result = await portal.Factory.SendAs(null, new RatingStatistics.Query());

            // 10/1 00:00 to 10/15 00:00: R12 (10/7 23:59), R10 R1 R2 (10/8), R3, R4, R5 R6, R7 and R14 (later on 10/14);
            // not R11 (excluded), R9 (10/15), R8, R13. Satisfied: R10 R1 R2 R5 R14 = 5 of 10; 差评 R12 R3 R4 R6 R7 = 5, with
            // results R12 R3 R4 = 3 → 60.0; real-name 差评 R3 R6 R7, visited R3 R6 → 66.7; (30 + 900 + 120) ÷ 3 = 350 ÷ 420 → 0.8.
            Assert.Equal(new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 14)), result.Period);
            Assert.Equal("2026-10-14 10:00", result.AsOf);
            Assert.Equal<object?>(["合计", 10, 5, 50.0, 5, 50.0, 3, 60.0, 3, 2, 66.7, 0.8], result.Table(RatingTables.Service).Data.Rows[^1]);
        }
        finally
        {
            portal.Factory.Time.Set(before);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Anyone_opens_the_page_without_signing_in_and_sees_no_staff_and_no_rater(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        using var session = new HttpSession(portal.Factory);

        var page = await session.GetAsync("/Ratings?" + Period);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<title>好差评 - ", page.Body);
        Assert.StartsWith("统计期间：2026年10月8日至2026年10月16日（本地时间，共 9 天）", page.TestId("period"));
        Assert.Contains("统计口径", page.Text);
        Assert.Contains("满意率</strong> = “基本满意”及以上的评价数 ÷ 评价数", page.Text);
        Assert.Contains("按每个工作日 7.0 小时折算为工作日", page.Text);
        Assert.Equal("11", page.TestId("total-ratings"));
        Assert.Equal("54.5%", page.TestId("total-satisfaction"));
        Assert.Equal("45.5%", page.TestId("total-bad-share"));
        Assert.Equal("60.0%", page.TestId("total-rectification"));
        Assert.Equal("66.7%", page.TestId("total-visits"));
        Assert.Equal("1.6 个工作日", page.TestId("total-rectification-days"));
        foreach (var key in new[] { "service", "unit", "window", "rectified" })
        {
            Assert.Contains($"data-testid=\"table-{key}\"", page.Body);
            Assert.Contains($"href=\"/Ratings?handler=Export&amp;table={key}&amp;format=csv&amp;{Period.Replace("&", "&amp;", StringComparison.Ordinal)}\"", page.Body);
        }

        Assert.DoesNotContain("table-staff", page.Body);
        Assert.DoesNotContain("按工作人员", page.Text);

        // The charts are inline SVG drawn on the server; nothing is loaded from elsewhere and no script draws them.
        Assert.Contains("<svg class=\"bar-chart\"", page.Body);
        Assert.Contains("data-testid=\"chart-satisfaction\"", page.Body);
        Assert.Contains("data-testid=\"chart-rectification\"", page.Body);
        Assert.Contains("<desc id=\"chart-satisfaction-desc\">现场服务·企业开办：50.0%；企业开办：33.3%；获得电力（用电报装）：66.7%；简易注销：100.0%</desc>", page.Text);
        Assert.All(page.AssetReferences(), reference => Assert.StartsWith("/", reference));
        Assert.DoesNotContain("<script", page.Body.Replace("<script src=\"/js/", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        // A row as shown: rates with "%", "—" where there is no denominator, the published result.
        Assert.Contains(">获得电力（用电报装）</td>", page.Text);
        Assert.Contains("<td data-label=\"实名差评回访率(%)\" class=\"num\">—</td>", page.Text);
        Assert.Contains(R3Published, page.Text);
        Assert.Contains(R12Result, page.Text);
        Assert.DoesNotContain(R11Result, page.Text);

        AssertNoneOf(portal.Secrets, page.Text, "the public page");
        AssertNoneOf(StaffNames, page.Text, "the public page");
    }

    [Theory]
    [InlineData(Provider.Sqlite, Roles.Supervisor)]
    [InlineData(Provider.Sqlite, Roles.Admin)]
    [InlineData(Provider.PostgreSql, Roles.Supervisor)]
    public async Task Supervisors_and_admins_see_the_per_staff_table_but_still_no_rater(Provider provider, string role)
    {
        var portal = await world.GetAsync(provider);
        using var session = await new HttpSession(portal.Factory).SignedInAsync(role == Roles.Admin ? portal.Admin : portal.Supervisor);

        var page = await session.GetAsync("/Ratings?" + Period);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-testid=\"table-staff\"", page.Body);
        Assert.Contains("href=\"/Ratings?handler=Export&amp;table=staff&amp;format=csv&amp;from=2026-10-08&amp;to=2026-10-16\"", page.Body);
        foreach (var name in StaffNames)
        {
            Assert.Contains($">{name}</td>", page.Text);
        }

        AssertNoneOf(portal.Secrets, page.Text, "the supervisors' page");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Public_tables_download_as_csv_with_the_pages_rows(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        using var session = new HttpSession(portal.Factory);

        using var service = await session.Client.GetAsync($"/Ratings?handler=Export&table=service&format=csv&{Period}");
        Assert.Equal(HttpStatusCode.OK, service.StatusCode);
        Assert.Equal("text/csv", service.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", service.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", service.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("好差评统计-按事项-20261008-20261016.csv", service.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(
            "事项,评价数,满意数,满意率(%),差评数,差评占比(%),已整改差评数,差评整改率(%),实名差评数,已回访实名差评数,实名差评回访率(%),平均整改用时(工作日)\r\n"
            + "现场服务·企业开办,4,2,50,2,50,0,0,2,1,50,\r\n"
            + "企业开办,3,1,33.3,2,66.7,2,100,1,1,100,1.2\r\n"
            + "获得电力（用电报装）,3,2,66.7,1,33.3,1,100,0,0,,2.3\r\n"
            + "简易注销,1,1,100,0,0,0,,0,0,,\r\n"
            + "合计,11,6,54.5,5,45.5,3,60,3,2,66.7,1.6\r\n",
            StatisticsFiles.CsvText(await service.Content.ReadAsByteArrayAsync()));

        // No format: CSV as well.
        Assert.Equal(Text("部门（单位）", ByUnit), await CsvRowsAsync(session, $"/Ratings?handler=Export&table=unit&{Period}"));
        Assert.Equal(Text("窗口", ByWindow), await CsvRowsAsync(session, $"/Ratings?handler=Export&table=window&format=csv&{Period}"));

        // The published results: a formula is defused with a quote, a comma and quotes are quoted and doubled.
        using var rectified = await session.Client.GetAsync($"/Ratings?handler=Export&table=rectified&format=csv&{Period}");
        Assert.Equal("好差评统计-已整改差评公开-20261008-20261016.csv", rectified.Content.Headers.ContentDisposition!.FileNameStar);
        var rectifiedText = StatisticsFiles.CsvText(await rectified.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            "反馈日期,事项,单位,评价等级,核实结论,处理结果\r\n"
            + "2026-10-13,企业开办,市场监管,非常不满意,部分属实,'=经核实部分属实，已对窗口人员开展业务培训\r\n"
            + "2026-10-12,企业开办,市场监管,不满意,属实," + R3Published + "\r\n"
            + "2026-10-08,企业开办,市场监管,非常不满意,不属实,\"经调阅录像，窗口已按规定\"\"一次性告知\"\"所需材料，评价不属实,已向评价人说明。\"\r\n",
            rectifiedText);
        Assert.Equal(
            [
                [.. RatingTables.RectifiedHeaders],
                ["2026-10-13", "企业开办", "市场监管", "非常不满意", "部分属实", "'" + R4Result],
                ["2026-10-12", "企业开办", "市场监管", "不满意", "属实", R3Published],
                ["2026-10-08", "企业开办", "市场监管", "非常不满意", "不属实", R12Result],
            ],
            StatisticsFiles.ParseCsv(rectifiedText));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supervisors_download_the_per_staff_table(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        using var session = await new HttpSession(portal.Factory).SignedInAsync(portal.Supervisor);

        using var staff = await session.Client.GetAsync($"/Ratings?handler=Export&table=staff&format=csv&{Period}");

        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal("好差评统计-按工作人员-20261008-20261016.csv", staff.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(Text("工作人员", ByStaff), StatisticsFiles.ParseCsv(StatisticsFiles.CsvText(await staff.Content.ReadAsByteArrayAsync())));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task No_download_carries_a_rater_a_comment_or_a_case_number(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        using var anonymous = new HttpSession(portal.Factory);
        using var supervisor = await new HttpSession(portal.Factory).SignedInAsync(portal.Supervisor);

        foreach (var format in new[] { "csv", "xlsx" })
        {
            foreach (var table in RatingTables.PublicKeys)
            {
                var text = await DownloadTextAsync(anonymous, $"/Ratings?handler=Export&table={table}&format={format}&{Period}", format);
                AssertNoneOf(portal.Secrets, text, $"{table}.{format}");
                AssertNoneOf(StaffNames, text, $"public {table}.{format}");
                AssertNoneOf(portal.Secrets, await DownloadTextAsync(supervisor, $"/Ratings?handler=Export&table={table}&format={format}&{Period}", format), $"{table}.{format}");
            }

            var staff = await DownloadTextAsync(supervisor, $"/Ratings?handler=Export&table=staff&format={format}&{Period}", format);
            AssertNoneOf(portal.Secrets, staff, $"staff.{format}");
            Assert.Contains("赵审批", staff);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_per_staff_download_is_for_supervisors_and_admins_only(Provider provider)
    {
        var portal = await world.GetAsync(provider);
        const string url = "/Ratings?handler=Export&table=staff&format=csv&from=2026-10-08&to=2026-10-16";

        using (var anonymous = new HttpSession(portal.Factory))
        {
            var answer = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, answer.Status);
            Assert.Equal("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(url), answer.RedirectPath);
        }

        foreach (var user in new[] { portal.Window, portal.Reviewer, portal.Applicant })
        {
            using var session = await new HttpSession(portal.Factory).SignedInAsync(user);
            var answer = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            AssertNoneOf(StaffNames, answer.Text, $"the answer to {user.Roles[0]}");
        }

        foreach (var user in new[] { portal.Supervisor, portal.Admin })
        {
            using var session = await new HttpSession(portal.Factory).SignedInAsync(user);
            using var answer = await session.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        // The requests refuse by themselves, and the public download never serves the per-staff table.
        var staffQuery = new RatingStaffDownload.Query { From = From, To = To };
        Assert.IsType<NotSignedInException>(await Outcome(() => portal.Factory.SendAs(null, staffQuery)));
        Assert.IsType<ForbiddenException>(await Outcome(() => portal.Factory.SendAs(portal.Window, staffQuery)));
        Assert.IsType<ForbiddenException>(await Outcome(() => portal.Factory.SendAs(portal.Applicant, staffQuery)));
        Assert.Equal("text/csv; charset=utf-8", (await portal.Factory.SendAs(portal.Admin, staffQuery)).ContentType);
        var publicStaff = new RatingStatisticsDownload.Query { From = From, To = To, Table = RatingTables.Staff };
        Assert.IsType<NotFoundException>(await Outcome(() => portal.Factory.SendAs(null, publicStaff)));
        Assert.IsType<NotFoundException>(await Outcome(() => portal.Factory.SendAs(portal.Supervisor, publicStaff)));
    }

    [Theory]
    [InlineData("/Ratings?handler=Export&table=nope&format=csv")]
    [InlineData("/Ratings?handler=Export&table=service&format=pdf")]
    [InlineData("/Ratings?handler=Export&format=csv")]
    public async Task Unknown_table_or_format_is_404(string url)
    {
        var portal = await world.GetAsync(Provider.Sqlite);
        using var session = new HttpSession(portal.Factory);

        var answer = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task A_backwards_period_is_refused_in_chinese_and_this_month_is_shown_instead()
    {
        var portal = await world.GetAsync(Provider.Sqlite);
        using var session = new HttpSession(portal.Factory);

        var page = await session.GetAsync("/Ratings?from=2026-10-16&to=2026-10-08");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("开始日期不能晚于结束日期。", page.Text);

        // The fixture's clock stands at Monday 23 November 2026.
        Assert.StartsWith("统计期间：2026年11月1日至2026年11月23日", page.TestId("period"));
        Assert.Equal("0", page.TestId("total-ratings"));
        Assert.Equal("—", page.TestId("total-satisfaction"));
        Assert.Equal("—", page.TestId("total-rectification-days"));
        Assert.Contains("data-testid=\"empty-rectified\"", page.Body);
    }

    /// <summary>The computation on its own, without a database: exclusions, edges, staff grouping, rounding and "—".</summary>
    [Fact]
    public void The_figures_are_computed_from_plain_facts()
    {
        var clock = new DeadlineClock(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());
        var period = new Period(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6));   // Monday to Friday, no holidays
        RatingFacts Rating(long id, RatingLevel level, DateTime at, bool anonymous = false, string? window = null, string? staffId = null, string? staffName = null) =>
            new(id, "svc", "Market", window, staffId, staffName, level, anonymous, at);
        var ratings = new[]
        {
            Rating(1, RatingLevel.Basic, ChinaUtc(2026, 11, 2, 0), staffId: "s1", staffName: "旧名"),                 // first instant
            Rating(2, RatingLevel.Dissatisfied, ChinaUtc(2026, 11, 2, 9), window: "B07", staffId: "s1", staffName: "新名"),
            Rating(3, RatingLevel.VeryDissatisfied, ChinaUtc(2026, 11, 3, 9), anonymous: true, staffId: "s2", staffName: "新名"),
            Rating(4, RatingLevel.Dissatisfied, ChinaUtc(2026, 11, 4, 9), staffId: "s3", staffName: "丙"),            // no follow-up row at all
            Rating(5, RatingLevel.VeryDissatisfied, ChinaUtc(2026, 11, 4, 10), staffId: "s3", staffName: "丙"),       // excluded
            Rating(6, RatingLevel.VerySatisfied, ChinaUtc(2026, 11, 7, 0)),                                           // after the period
            Rating(7, RatingLevel.Dissatisfied, ChinaUtc(2026, 11, 1, 23, 59), anonymous: true),                     // before; result inside
        };
        var followUps = new[]
        {
            // #2: visited; result Tue 11/3 10:00 → 9:00-12:00 180 + 13:00-17:00 240 + 60 = 480 office minutes.
            new FollowUpFacts(2, ChinaUtc(2026, 11, 2, 14), ChinaUtc(2026, 11, 3, 10), Finding.True, "已整改"),

            // #3: result Tue 11/3 9:07 → 7 minutes.
            new FollowUpFacts(3, null, ChinaUtc(2026, 11, 3, 9, 7), Finding.NotTrue, "不属实说明"),
            new FollowUpFacts(5, ChinaUtc(2026, 11, 4, 11), ChinaUtc(2026, 11, 4, 12), Finding.True, "被排除"),
            new FollowUpFacts(7, null, ChinaUtc(2026, 11, 6, 16), Finding.PartlyTrue, "早先的差评"),
        };

        var report = RatingFigures.Compute(period, clock, ratings, followUps, new HashSet<long> { 5 }, code => "事项" + code, includeStaff: true);

        // #1 #2 #3 #4: satisfied #1 → 25.0; 差评 #2 #3 #4 → 75.0; results #2 #3 → 66.7; real-name 差评 #2 #4, visited #2 → 50.0;
        // (480 + 7) ÷ 2 = 243.5 minutes ÷ 420 = 0.58 → 0.6 working days.
        Assert.Equal(new RatingGroup("", "合计", 4, 1, 3, 2, 2, 1, 0.6), report.Total);
        Assert.Equal<(double?, double?, double?, double?)>((25.0, 75.0, 66.7, 50.0), (report.Total.SatisfactionRate, report.Total.BadShare, report.Total.RectificationRate, report.Total.VisitRate));
        Assert.Equal([new RatingGroup("svc", "事项svc", 4, 1, 3, 2, 2, 1, 0.6)], report.ByService.Rows);
        Assert.Equal([new RatingGroup("Market", "市场监管", 4, 1, 3, 2, 2, 1, 0.6)], report.ByUnit.Rows);

        // Only #2 has a window: 480 ÷ 420 = 1.14 → 1.1.
        Assert.Equal([new RatingGroup("B07", "B07", 1, 0, 1, 1, 1, 1, 1.1)], report.ByWindow.Rows);

        // Grouped by staff account: s1 under its latest name; s2 has the same name but is another person; s3 without #5.
        Assert.Equal(
            [
                new RatingGroup("s1", "新名", 2, 1, 1, 1, 1, 1, 1.1),
                new RatingGroup("s2", "新名", 1, 0, 1, 1, 0, 0, 0.0),
                new RatingGroup("s3", "丙", 1, 0, 1, 0, 1, 0, null),
            ],
            report.ByStaff!.Rows.OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Equal(4, report.ByStaff.Total.Ratings);

        // Published: results that went back in the period (#7's although rated before it), never #5; newest first.
        Assert.Equal(
            [
                new RectifiedRow(ChinaUtc(2026, 11, 6, 16), new DateOnly(2026, 11, 6), "事项svc", "市场监管", RatingLevel.Dissatisfied, Finding.PartlyTrue, "早先的差评"),
                new RectifiedRow(ChinaUtc(2026, 11, 3, 10), new DateOnly(2026, 11, 3), "事项svc", "市场监管", RatingLevel.Dissatisfied, Finding.True, "已整改"),
                new RectifiedRow(ChinaUtc(2026, 11, 3, 9, 7), new DateOnly(2026, 11, 3), "事项svc", "市场监管", RatingLevel.VeryDissatisfied, Finding.NotTrue, "不属实说明"),
            ],
            report.Rectified);

        Assert.Null(RatingFigures.Compute(period, clock, ratings, followUps, new HashSet<long>(), code => code, includeStaff: false).ByStaff);
    }

    [Fact]
    public void A_published_result_hides_the_case_number_and_the_raters_name_phone_and_any_id_number()
    {
        Assert.Equal(R3Published, RatingFigures.Publish(R3Result, "QYKB-X-0002", "贾雨村", "13900000002"));
        // The name "欧阳娜娜" → 欧***; the given phone (a landline) → 063*****4567; the ID number and the mobile number in the text.
        Assert.Equal(
            "已联系欧***（063*****4567），身份证3704**********0011，电话+86 139****0002。",
            RatingFigures.Publish("  已联系欧阳娜娜（0632-1234567），身份证370402199001010011，电话+86 13900000002。 ", null, "欧阳娜娜", "0632-1234567"));
        Assert.Equal("", RatingFigures.Publish(null, null, null, null));
    }

    private static void AssertRows(object?[][] expected, RatingStatistics.Result result, string table)
    {
        var rows = result.Table(table).Data.Rows;
        Assert.True(expected.Length == rows.Count, $"{table}: expected {expected.Length} rows, got {rows.Count}: {string.Join(" | ", rows.Select(r => string.Join(",", r)))}");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal<object?>(expected[i], rows[i]);
        }
    }

    /// <summary>The header and rows as CSV text cells (numbers in invariant culture, shortest form; null empty).</summary>
    private static List<List<string>> Text(string first, object?[][] rows) =>
    [
        [first, .. RatingTables.FigureHeaders],
        .. rows.Select(r => r.Select(Portal.Web.Common.Export.CsvWriter.Field).ToList()),
    ];

    private static async Task<List<List<string>>> CsvRowsAsync(HttpSession session, string url)
    {
        using var answer = await session.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/csv", answer.Content.Headers.ContentType!.MediaType);
        return StatisticsFiles.ParseCsv(StatisticsFiles.CsvText(await answer.Content.ReadAsByteArrayAsync()));
    }

    private static async Task<string> DownloadTextAsync(HttpSession session, string url, string format)
    {
        using var answer = await session.Client.GetAsync(url);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)answer.StatusCode}");
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        return format == "xlsx" ? StatisticsFiles.XlsxText(bytes) : Encoding.UTF8.GetString(bytes);
    }

    private static void AssertNoneOf(IEnumerable<string> secrets, string text, string where)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} contains “{secret}”");
        }
    }
}
