using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common.Export;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using Portal.Workflow;
using static Portal.Web.Tests.Support.Scenario;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// /Ratings shows at most <see cref="RatingTables.PageRows"/> rows of a table (then its total row) and says how many it
/// has, while the CSV and Excel downloads keep every row. Data: 60 anonymous on-site 差评, each at its own window
/// (W001 … W060) about its own staff member, each answered (不属实) half an hour later: 50 on Monday 2 November 2026,
/// 10 on Tuesday 3 November.
/// </summary>
public sealed class StatisticsPagingTests
{
    private const int Ratings = 60;
    private const int FirstDay = 50;
    private const string BothDays = "from=2026-11-02&to=2026-11-03";
    private const string MondayOnly = "from=2026-11-02&to=2026-11-02";

    private static string Window(int i) => $"W{i + 1:D3}";

    private static string StaffName(int i) => $"工作人员{i + 1:D2}";

    private static string Result(int i) => $"经核实评价所述情况不存在（第{i + 1:D2}条）";

    private static DateTime RatedAt(int i) => i < FirstDay ? ChinaUtc(2026, 11, 2, 9, i) : ChinaUtc(2026, 11, 3, 9, i - FirstDay);

    private static async Task SeedAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clock = await scope.ServiceProvider.GetRequiredService<CalendarService>().GetClockAsync();
        var supervisor = new CaseActor("sup-paging", "督查甲", new HashSet<string> { Roles.Supervisor });
        for (var i = 0; i < Ratings; i++)
        {
            var at = RatedAt(i);
            var rating = Rating.Give(
                new Rating.Target(RatingSubject.Visit, null, 7000 + i, RatingTargets.VisitPrefix + "establishment", RatingScale.HallUnit, Window(i), $"staff-paging-{i:D2}", StaffName(i)),
                RatingScale.IndicatorsFor(RatingSubject.Visit).ToDictionary(x => x.Code, _ => RatingLevel.Dissatisfied),
                "评价内容",
                new Rating.Rater(null, null, null, true),
                Portal.Web.Common.AccessCodes.New(),
                at);
            db.Ratings.Add(rating);
            var followUp = RatingFollowUp.Open(rating, clock, new TimeLimit(15, TimeUnit.WorkingDays), at);
            followUp.Machine(supervisor, isRater: false, at.AddMinutes(30), new RatingFollowUp.Args(Result(i), Finding.NotTrue)).Fire(FollowUpTrigger.Rectify);
            db.RatingFollowUps.Add(followUp);
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public void A_table_is_cut_after_fifty_rows_but_keeps_its_total_row()
    {
        static RatingTable Table(string key, int bodyRows, bool total) => new(
            key,
            key,
            new ExportTable(key, ["名称", "评价数"], [.. Enumerable.Range(0, bodyRows).Select(i => (IReadOnlyList<object?>)[$"行{i}", i]), .. Enumerable.Repeat<IReadOnlyList<object?>>(["合计", -1], total ? 1 : 0)]),
            "",
            key,
            "");

        Assert.Equal(50, RatingTables.PageRows);

        var exactly = RatingTables.Shown(Table(RatingTables.Window, 50, total: true));
        Assert.Equal((51, 50), (exactly.Rows.Count, exactly.BodyRows));

        var longer = RatingTables.Shown(Table(RatingTables.Window, 51, total: true));
        Assert.Equal(51, longer.BodyRows);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(i => $"行{i}"), "合计"], longer.Rows.Select(r => (string)r[0]!));

        var results = RatingTables.Shown(Table(RatingTables.Rectified, 51, total: false));
        Assert.Equal(51, results.BodyRows);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"行{i}"), results.Rows.Select(r => (string)r[0]!));

        var empty = RatingTables.Shown(Table(RatingTables.Service, 0, total: true));
        Assert.Equal((1, 0), (empty.Rows.Count, empty.BodyRows));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Long_tables_show_fifty_rows_and_their_total_and_the_downloads_keep_every_row(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor, "督查乙");
        using var session = await new HttpSession(factory).SignedInAsync(supervisor);

        var page = await session.GetAsync($"/Ratings?{BothDays}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Ratings.ToString(), page.TestId("total-ratings"));

        // 按窗口: W001 … W050, then 合计 over all sixty.
        var windows = Rows(page, RatingTables.Window);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(Window), RatingFigures.TotalLabel], windows.Select(r => r[0]));
        Assert.Equal(Ratings.ToString(), windows[^1][1]);
        Assert.Contains("class=\"total-row\"", Table(page, RatingTables.Window));
        Assert.DoesNotContain(Window(50), Table(page, RatingTables.Window));
        Assert.Equal($"共 {Ratings} 行，页面显示前 50 行，完整表格请下载。", page.TestId($"more-{RatingTables.Window}"));

        // 按工作人员 (one rating each, by name): the first fifty names, then 合计.
        var staff = Rows(page, RatingTables.Staff);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(StaffName), RatingFigures.TotalLabel], staff.Select(r => r[0]));
        Assert.Equal(Ratings.ToString(), staff[^1][1]);
        Assert.Equal($"共 {Ratings} 行，页面显示前 50 行，完整表格请下载。", page.TestId($"more-{RatingTables.Staff}"));

        // 已整改差评公开 (no total row): the fifty newest results — Tuesday's ten, then Monday's from the last.
        var results = Rows(page, RatingTables.Rectified);
        var newestFirst = Enumerable.Range(0, Ratings).Reverse().ToList();
        Assert.Equal(newestFirst.Take(50).Select(Result), results.Select(r => r[5]));
        Assert.DoesNotContain(Result(0), Table(page, RatingTables.Rectified));
        Assert.Equal($"共 {Ratings} 行，页面显示前 50 行，完整表格请下载。", page.TestId($"more-{RatingTables.Rectified}"));

        // Short tables say nothing more.
        Assert.Equal(2, Rows(page, RatingTables.Service).Count);
        Assert.Null(page.TestId($"more-{RatingTables.Service}"));
        Assert.Null(page.TestId($"more-{RatingTables.Unit}"));

        // The downloads linked from the page: header, every row, and the total.
        var windowCsv = await DownloadCsvAsync(session, page, RatingTables.Window);
        Assert.Equal(1 + Ratings + 1, windowCsv.Count);
        Assert.Equal([.. Enumerable.Range(0, Ratings).Select(Window), RatingFigures.TotalLabel], windowCsv.Skip(1).Select(r => r[0]));
        var staffCsv = await DownloadCsvAsync(session, page, RatingTables.Staff);
        Assert.Equal([.. Enumerable.Range(0, Ratings).Select(StaffName), RatingFigures.TotalLabel], staffCsv.Skip(1).Select(r => r[0]));
        var resultsCsv = await DownloadCsvAsync(session, page, RatingTables.Rectified);
        Assert.Equal(newestFirst.Select(Result), resultsCsv.Skip(1).Select(r => r[5]));
        var windowXlsx = StatisticsFiles.XlsxText(await session.Client.GetByteArrayAsync(Href(page, $"export-{RatingTables.Window}-xlsx")));
        Assert.All(Enumerable.Range(0, Ratings).Select(Window), w => Assert.Contains(w, windowXlsx));

        // The same tables for the public: the per-staff table is neither shown nor downloadable.
        using var visitor = new HttpSession(factory);
        var open = await visitor.GetAsync($"/Ratings?{BothDays}");
        Assert.Equal(51, Rows(open, RatingTables.Window).Count);
        Assert.NotNull(open.TestId($"more-{RatingTables.Window}"));
        Assert.Null(open.TestId($"more-{RatingTables.Staff}"));
        Assert.Equal(1 + Ratings + 1, (await DownloadCsvAsync(visitor, open, RatingTables.Window)).Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_table_of_exactly_fifty_rows_is_shown_whole_without_the_note(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);
        using var visitor = new HttpSession(factory);

        var page = await visitor.GetAsync($"/Ratings?{MondayOnly}");

        Assert.Equal(FirstDay.ToString(), page.TestId("total-ratings"));
        Assert.Equal([.. Enumerable.Range(0, FirstDay).Select(Window), RatingFigures.TotalLabel], Rows(page, RatingTables.Window).Select(r => r[0]));
        Assert.Equal(Enumerable.Range(0, FirstDay).Reverse().Select(Result), Rows(page, RatingTables.Rectified).Select(r => r[5]));
        Assert.Null(page.TestId($"more-{RatingTables.Window}"));
        Assert.Null(page.TestId($"more-{RatingTables.Rectified}"));
        Assert.DoesNotContain("完整表格请下载", page.Text);
    }

    /// <summary>The HTML of the table with <c>data-testid="table-{key}"</c>.</summary>
    private static string Table(HttpPage page, string key)
    {
        var table = page.Html.ByTestId($"table-{key}");
        Assert.True(table is not null, $"{page.Url} has no table {key}");
        return table.OuterHtml;
    }

    /// <summary>The body rows of a table as the text of their cells.</summary>
    private static List<List<string>> Rows(HttpPage page, string key)
    {
        var rows = page.Html.TableRows($"table-{key}");
        Assert.True(rows is not null, $"{page.Url} has no table {key}");
        return rows.Select(r => r.ToList()).ToList();
    }

    private static string Href(HttpPage page, string testId)
    {
        var href = page.Html.HrefOfTestId(testId);
        Assert.True(href is not null, $"{page.Url} has no link {testId}");
        return href;
    }

    private static async Task<List<List<string>>> DownloadCsvAsync(HttpSession session, HttpPage page, string key)
    {
        using var response = await session.Client.GetAsync(Href(page, $"export-{key}-csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StatisticsFiles.ParseCsv(StatisticsFiles.CsvText(await response.Content.ReadAsByteArrayAsync()));
    }
}
