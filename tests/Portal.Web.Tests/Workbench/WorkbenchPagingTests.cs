using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>
/// The 待办 list in pages of <see cref="Queue.PageSize"/> sorted by the stored deadline (Queue.Query and the page's
/// 上一页/下一页 links, which keep the filters), and the cases a reviewer sees through the parallel tracks they hold.
/// </summary>
public sealed class WorkbenchPagingTests
{
    private const int Many = 60;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_list_comes_in_pages_of_fifty_most_urgent_first_and_a_page_out_of_range_is_the_nearest_one(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        await Portal.Web.Tests.Cases.WorkbenchTests.UseYichengAsync(factory);
        var submitted = new List<string>();
        for (var i = 0; i < Many; i++)
        {
            submitted.Add(await factory.SubmitCaseAsync(applicant, $"分页测试{i:D2} 设立登记"));
            await factory.ActNowAsync(window, submitted[^1], CaseTrigger.RequestSupplement, "公司章程");
        }

        // 企业开办 runs on one clock from submission (峄城区: 0.5个工作日 = 3 h 30 min, 002:9), paused by the 补正 above
        // with all of it left. Supplied and accepted three minutes apart in the reverse order of submission: the last
        // one submitted is due first (09:00 → 13:30 … 11:57 → 16:27), so the deadline order is not the order of the keys.
        var urgentFirst = Enumerable.Reverse(submitted).ToList();
        for (var i = 0; i < Many; i++)
        {
            factory.Time.SetChina(2026, 11, 23, 9, 0);
            factory.Time.Advance(TimeSpan.FromMinutes(3 * i));
            await factory.ActNowAsync(applicant, urgentFirst[i], CaseTrigger.SubmitSupplement);
            await factory.ActNowAsync(window, urgentFirst[i], CaseTrigger.Accept);
        }

        factory.Time.SetChina(2026, 11, 23, 12, 0);
        Assert.Equal(50, Queue.PageSize);
        Assert.Equal(2, Queue.PageCount(Many));

        var first = await factory.QueueAsync(market);
        Assert.Equal(1, first.Page);
        Assert.Equal(Many, first.Total);
        Assert.Equal(urgentFirst.Take(Queue.PageSize), first.Rows.Select(r => r.Number));
        var dues = new List<DateTime?>();
        foreach (var number in first.Rows.Select(r => r.Number).Take(3))
        {
            dues.Add((await factory.LoadCaseAsync(number)).StepDueAt);
        }

        Assert.Equal([Scenario.ChinaUtc(2026, 11, 23, 13, 30), Scenario.ChinaUtc(2026, 11, 23, 13, 33), Scenario.ChinaUtc(2026, 11, 23, 13, 36)], dues);

        var second = await factory.QueueAsync(market, new Queue.Query { Page = 2 });
        Assert.Equal(2, second.Page);
        Assert.Equal(Many, second.Total);
        Assert.Equal(urgentFirst.Skip(Queue.PageSize), second.Rows.Select(r => r.Number));

        // Beyond the last page: the last page; zero or less: the first.
        foreach (var page in new[] { 3, 99, int.MaxValue })
        {
            var beyond = await factory.QueueAsync(market, new Queue.Query { Page = page });
            Assert.Equal(2, beyond.Page);
            Assert.Equal(second.Rows.Select(r => r.Number), beyond.Rows.Select(r => r.Number));
        }

        foreach (var page in new[] { 0, -1, int.MinValue })
        {
            var before = await factory.QueueAsync(market, new Queue.Query { Page = page });
            Assert.Equal(1, before.Page);
            Assert.Equal(first.Rows.Select(r => r.Number), before.Rows.Select(r => r.Number));
        }

        // A filter pages its own rows: the ten least urgent, found by their titles, fit one page.
        var few = await factory.QueueAsync(market, new Queue.Query { Search = "分页测试0", Page = 2 });
        Assert.Equal(1, few.Page);
        Assert.Equal(10, few.Total);
        Assert.Equal(submitted.Take(10).Reverse(), few.Rows.Select(r => r.Number));

        // Nobody's list is empty because of paging: the window holds none of them now.
        var none = await factory.QueueAsync(window, new Queue.Query { Page = 2 });
        Assert.Equal((1, 0), (none.Page, none.Total));
        Assert.Empty(none.Rows);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_pages_through_the_list_with_links_that_keep_the_filters(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);

        // Twenty filed on each of Monday, Tuesday and Wednesday (due the next working day at 17:00), written in the
        // order Wednesday, Monday, Tuesday; and one more that the search below leaves out.
        foreach (var day in new[] { 25, 23, 24 })
        {
            for (var i = 0; i < Many / 3; i++)
            {
                factory.Time.SetChina(2026, 11, day, 9, i);
                await factory.SubmitCaseAsync(applicant, $"枣庄分页{day}{i:D2}科技有限公司 设立登记");
            }
        }

        await factory.SubmitCaseAsync(applicant, "泰安其他物流有限公司 设立登记");
        factory.Time.SetChina(2026, 11, 25, 10);
        var expected = await factory.WithDb(db => db.Cases.AsNoTracking()
            .Where(c => c.Title.Contains("分页"))
            .OrderBy(c => c.StepDueAt).ThenBy(c => c.Id)
            .Select(c => c.Number)
            .ToListAsync());
        Assert.Equal(Many, expected.Count);
        using var session = await new HttpSession(factory).SignedInAsync(window);

        // Unfiltered: 61 cases, the 50 most urgent first (Monday's are overdue by now).
        var all = await session.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal($"共 {Many + 1} 件，按剩余时间排序，第 1/2 页", all.TestId("workbench-count"));
        Assert.Contains($"待办（{Many + 1}）", all.Text);
        Assert.Equal(50, TodoRows(all).Count);
        Assert.StartsWith("row-overdue", all.Html.Document.QuerySelector("tr[class^='row-'][data-case]")?.ClassName);

        // Filtered by service, state and search: 60 cases.
        var filters = $"Service={EstablishmentService.Code}&State=Submitted&Search={Uri.EscapeDataString("分页")}";
        var page1 = await session.GetAsync($"/Workbench?{filters}");
        Assert.Equal($"共 {Many} 件，按剩余时间排序，第 1/2 页", page1.TestId("workbench-count"));
        Assert.Equal(expected.Take(50), TodoRows(page1));
        var pager = page1.TestId("workbench-pager");
        Assert.NotNull(pager);
        Assert.Contains("第 1/2 页", pager);
        Assert.Contains("下一页", pager);
        Assert.DoesNotContain("上一页", pager);

        var next = LinkOf(page1, "下一页");
        Assert.Equal(next, Href(page1, "workbench-next"));
        AssertKeepsFilters(next, page: 2);
        var page2 = await session.GetAsync(next);
        Assert.Equal(HttpStatusCode.OK, page2.Status);
        Assert.Equal($"共 {Many} 件，按剩余时间排序，第 2/2 页", page2.TestId("workbench-count"));
        Assert.Equal(expected.Skip(50), TodoRows(page2));
        Assert.Equal("分页", page2.InputValue("Search"));
        Assert.True(page2.Html.IsSelected("State", "Submitted"));
        Assert.True(page2.Html.IsSelected("Service", EstablishmentService.Code));
        Assert.Null(Href(page2, "workbench-next"));
        Assert.DoesNotContain("下一页", page2.TestId("workbench-pager"));

        var previous = LinkOf(page2, "上一页");
        AssertKeepsFilters(previous, page: 1);
        Assert.Equal(expected.Take(50), TodoRows(await session.GetAsync(previous)));

        // A page number past the end shows the last page; zero or less shows the first.
        foreach (var beyond in new[] { "3", "999" })
        {
            var last = await session.GetAsync($"/Workbench?{filters}&PageNumber={beyond}");
            Assert.Equal(HttpStatusCode.OK, last.Status);
            Assert.Equal($"共 {Many} 件，按剩余时间排序，第 2/2 页", last.TestId("workbench-count"));
            Assert.Equal(expected.Skip(50), TodoRows(last));
        }

        foreach (var before in new[] { "0", "-4" })
        {
            var firstPage = await session.GetAsync($"/Workbench?{filters}&PageNumber={before}");
            Assert.Equal(HttpStatusCode.OK, firstPage.Status);
            Assert.Equal($"共 {Many} 件，按剩余时间排序，第 1/2 页", firstPage.TestId("workbench-count"));
            Assert.Equal(expected.Take(50), TodoRows(firstPage));
        }

        // One page only: no pager and no page in the count line.
        var single = await session.GetAsync($"/Workbench?Search={Uri.EscapeDataString("分页23")}&PageNumber=2");
        Assert.Equal("共 20 件", single.TestId("workbench-count"));
        Assert.Equal(20, TodoRows(single).Count);
        Assert.Null(single.TestId("workbench-pager"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_reviewer_sees_a_case_while_holding_its_open_track_and_not_once_the_track_is_done(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员");
        var police = await factory.CreateUserAsync(Department.Police.ReviewerRole(), "公安审批员");

        // 即报即得 (no permit needed): 办理中 at 市场监管 at once, every department's track waiting.
        var done = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄明远科技有限公司", "tech", "software"))).Number;
        var waiting = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech", "software"))).Number;
        var started = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄远帆科技有限公司", "tech", "software"))).Number;
        var withoutTax = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄润泽科技有限公司", "tech", "software") with { SynchronousItems = ["seal"] })).Number;
        foreach (var number in new[] { done, waiting, started, withoutTax })
        {
            var c = await factory.LoadCaseAsync(number);
            Assert.Equal(CaseState.InProgress, c.State);
            Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        }

        await factory.ItemActAsync(tax, started, "tax", SubItemTrigger.Start);
        var before = await factory.QueueAsync(tax);
        Assert.Equal(3, before.Total);
        Assert.Equal(new[] { done, waiting, started }.Order(StringComparer.Ordinal), before.Rows.Select(r => r.Number).Order(StringComparer.Ordinal));

        await factory.ItemActAsync(tax, done, "tax", SubItemTrigger.Start);
        await factory.ItemActAsync(tax, done, "tax", SubItemTrigger.Complete);
        Assert.Equal(SubItemState.Done, (await factory.SubItemAsync(done, "tax")).State);
        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(done)).State);

        var queue = await factory.QueueAsync(tax);
        Assert.Equal(2, queue.Total);
        Assert.Equal(new[] { started, waiting }.Order(StringComparer.Ordinal), queue.Rows.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(done, queue.Rows.Select(r => r.Number));
        Assert.DoesNotContain(withoutTax, queue.Rows.Select(r => r.Number));
        Assert.Contains("涉税办理", queue.Rows.Single(r => r.Number == waiting).State);

        // Another department still holding its track of that case still sees it; each case is one row.
        var atPolice = await factory.QueueAsync(police);
        Assert.Equal(4, atPolice.Total);
        Assert.Equal(new[] { done, waiting, started, withoutTax }.Order(StringComparer.Ordinal), atPolice.Rows.Select(r => r.Number).Order(StringComparer.Ordinal));

        // 市场监管 holds the cases themselves (and its own 设立登记 track): still one row per case.
        var atMarket = await factory.QueueAsync(market);
        Assert.Equal(4, atMarket.Total);
        Assert.Equal(atMarket.Rows.Count, atMarket.Rows.Select(r => r.Number).Distinct().Count());

        // The page says the same.
        using var session = await new HttpSession(factory).SignedInAsync(tax);
        var page = await session.GetAsync("/Workbench");
        Assert.Equal("共 2 件", page.TestId("workbench-count"));
        Assert.Equal(new[] { started, waiting }.Order(StringComparer.Ordinal), TodoRows(page).Order(StringComparer.Ordinal));
    }

    /// <summary>The case numbers of the 待办 table's rows, in the order shown (not those of the other sections).</summary>
    private static List<string> TodoRows(HttpPage page)
    {
        var table = page.Html.ByTestId("workbench");
        Assert.True(table is not null, $"{page.Url} has no 待办 table");
        return table.QuerySelectorAll("tr[class^='row-'][data-case]").Select(row => row.GetAttribute("data-case")!).ToList();
    }

    /// <summary>The address of the pager's link with the given text (HTML-decoded).</summary>
    private static string LinkOf(HttpPage page, string text)
    {
        var pager = page.Html.Document.QuerySelector("nav.pager");
        var link = pager?.QuerySelectorAll("a[href]").FirstOrDefault(a => a.TextContent == text);
        Assert.True(link is not null, $"{page.Url} has no link {text}: {pager?.OuterHtml}");
        return link.GetAttribute("href")!;
    }

    /// <summary>The address of the link carrying <c>data-testid</c>, or null when the page has none.</summary>
    private static string? Href(HttpPage page, string testId) =>
        page.Html.ByTestId(testId) is { LocalName: "a" } link ? link.GetAttribute("href") : null;

    private static void AssertKeepsFilters(string link, int page)
    {
        Assert.StartsWith("/Workbench?", link);
        var query = link[(link.IndexOf('?') + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(EstablishmentService.Code, query["Service"]);
        Assert.Equal("Submitted", query["State"]);
        Assert.Equal("分页", query["Search"]);
        Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), query["PageNumber"]);
    }
}
