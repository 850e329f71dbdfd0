using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Web.Features.Workbench;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>
/// A role holding more than <see cref="Queue.CountLimit"/> cases (load data: 3,000 open cases, about 40% at the
/// window): the count stops at the limit and says so, 下一页 / 上一页 walk the list by key in deadline order past the
/// pages a page number reaches, and a key edited by hand falls back to a page instead of failing.
/// </summary>
public sealed class WorkbenchScaleTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Past_a_thousand_cases_the_count_says_so_and_the_list_is_walked_by_key_in_deadline_order(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        using (var scope = factory.Services.CreateScope())
        {
            var size = LoadSize.Parse(["cases=3000", "open=3000", "staff=40", "enterprises=0", "ratings=0", "applicants=20"]);
            await LoadData.SeedAsync(scope.ServiceProvider, size, TextWriter.Null);
        }

        var window = await factory.CreateUserAsync(Roles.Window, "窗口受理员");
        var expected = await factory.WithDb(db => db.WorkItems.AsNoTracking()
            .Where(w => w.Holder == Roles.Window)
            .OrderBy(w => w.DueAt).ThenBy(w => w.CaseId)
            .Select(w => w.Case.Number)
            .ToListAsync());
        Assert.True(expected.Count > Queue.CountLimit + 2 * Queue.PageSize, $"the window holds only {expected.Count} cases");

        var first = await factory.QueueAsync(window);
        Assert.True(first.TotalIsAtLeast);
        Assert.Equal((Queue.CountLimit, "1000+", (int?)null, 1), (first.Total, first.TotalText, first.Pages, first.Page));
        Assert.True(first.HasNext);
        Assert.False(first.HasPrevious);
        Assert.Equal(expected.Take(Queue.PageSize), first.Rows.Select(r => r.Number));

        // 下一页 by key, past the 20 pages a page number reaches, every case once, in deadline order.
        var walked = first.Rows.Select(r => r.Number).ToList();
        var page = first;
        var pages = Queue.CountLimit / Queue.PageSize + 3;
        for (var number = 2; number <= pages; number++)
        {
            page = await factory.QueueAsync(window, new Queue.Query { Page = number, After = page.NextCursor });
            Assert.Equal(number, page.Page);
            walked.AddRange(page.Rows.Select(r => r.Number));
        }

        Assert.Equal(expected.Take(pages * Queue.PageSize), walked);

        // 上一页 by key from there gives the page before it.
        var back = await factory.QueueAsync(window, new Queue.Query { Page = pages - 1, Before = page.PreviousCursor });
        Assert.Equal(pages - 1, back.Page);
        Assert.Equal(expected.Skip((pages - 2) * Queue.PageSize).Take(Queue.PageSize), back.Rows.Select(r => r.Number));

        // A bare page number reaches the 20th page at most (offset over at most 1,000 index entries).
        var deep = await factory.QueueAsync(window, new Queue.Query { Page = 99 });
        Assert.Equal(Queue.CountLimit / Queue.PageSize, deep.Page);
        Assert.Equal(expected.Skip(Queue.CountLimit - Queue.PageSize).Take(Queue.PageSize), deep.Rows.Select(r => r.Number));

        // Keys edited by hand are no keys: the page its number says (or the first).
        foreach (var key in new[] { "abc", "-1.5", "1.-5", "99999999999999999999.1", "3155378975999999999.1", "1.2.3", "" })
        {
            var fallback = await factory.QueueAsync(window, new Queue.Query { Page = 1, After = key, Before = key });
            Assert.Equal(expected.Take(Queue.PageSize), fallback.Rows.Select(r => r.Number));
        }

        // The page says "以上" and its links carry the keys.
        using var session = await new HttpSession(factory).SignedInAsync(window);
        var html = await session.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.OK, html.Status);
        Assert.Equal("共 1000 件以上，按剩余时间排序，第 1 页", html.TestId("workbench-count"));
        Assert.Contains("待办（1000+）", html.Text);
        var next = html.Html.ByTestId("workbench-next")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.Contains($"after={first.NextCursor}", next, StringComparison.OrdinalIgnoreCase);
        var second = await session.GetAsync(next);
        Assert.Equal("共 1000 件以上，按剩余时间排序，第 2 页", second.TestId("workbench-count"));
        Assert.Contains("上一页", second.TestId("workbench-pager"));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/Workbench?After={Uri.EscapeDataString("x'; DROP TABLE")}&Before=%00&PageNumber=2")).Status);
        Assert.Equal(expected.Skip(Queue.PageSize).Take(Queue.PageSize).ToList(), second.Html.ByTestId("workbench")!
            .QuerySelectorAll("tr[class^='row-'][data-case]").Select(r => r.GetAttribute("data-case")!).ToList());
    }
}
