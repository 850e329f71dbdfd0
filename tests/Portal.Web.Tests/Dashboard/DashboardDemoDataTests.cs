using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Web.Features.Dashboard;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Dashboard;

/// <summary>The dashboard on the demo data (Portal:SeedDemoData), as the demo 督查 and 管理员 accounts see it.</summary>
public sealed class DashboardDemoDataTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Demo_supervisor_sees_every_section_with_the_demo_cases(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        factory.Settings["Portal:SeedDemoData"] = "true";
        var overdue = await factory.WithDb(db => db.Cases.AsNoTracking().Where(c => c.IsOverdue).Select(c => c.Number).ToListAsync());
        var demoSupervisor = DemoData.Accounts.First(a => a.Role == Roles.Supervisor);
        using var session = new HttpSession(factory);
        Assert.True((await session.SignInAsync(demoSupervisor.UserName)).IsRedirect);

        var page = await session.GetAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>统计分析</h1>", page.Body);
        // The demo data has one case the sweep marked overdue (backdated ten days); it is listed with its link.
        var late = Assert.Single(overdue);
        Assert.Equal("1", page.TestId("overdue-count"));
        Assert.Contains($"<a href=\"/Cases/{late}\">{late}</a>", page.Body);
        Assert.StartsWith("统计期间：2026年11月1日至2026年11月23日", page.TestId("period"));

        // The demo cases were accepted and worked this morning: 企业开办 steps, the 窗口 A01 of window01, 市场监管.
        var stats = await factory.SendAs(await factory.CreateUserAsync(Roles.Supervisor), new Statistics.Query());
        Assert.True(stats.Steps.Total.Steps > 0, "the demo cases end steps this month");
        Assert.Contains(stats.Steps.ByService, s => s.Name == "企业开办" && s.Steps.Steps > 0);
        Assert.Contains(stats.Steps.ByWindow, w => w.Label == "A01");
        Assert.Contains(stats.Steps.ByStaff, s => s.Label == DemoData.Accounts.Single(a => a.UserName == "window01").Name);
        Assert.Contains(stats.Steps.ByDepartment, d => d.Label == "市场监管");
        foreach (var key in new[] { DashboardTables.Service, DashboardTables.Department, DashboardTables.Window, DashboardTables.Staff })
        {
            var table = page.TestId($"table-{key}");
            Assert.False(string.IsNullOrEmpty(table), $"table {key} is not on the page");
            Assert.Contains(stats.Rows(key)[0][0]!.ToString()!, table);
        }

        Assert.Contains($"统计期间结束的计时环节 {stats.Steps.Total.Steps} 个", page.TestId("steps-summary"));

        // Charts are inline SVG with a title and a description for screen readers; nothing comes from elsewhere.
        Assert.Contains("<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"chart-service-title chart-service-desc\"", page.Body);
        Assert.Contains("<title id=\"chart-service-title\">按时办结率（按事项）</title>", page.Body);
        Assert.Contains("<title id=\"chart-overdue-title\">当前超期办件数（按当前办理方）</title>", page.Body);
        Assert.All(page.AssetReferences(), r => Assert.DoesNotContain("//", r, StringComparison.Ordinal));
        Assert.DoesNotContain("<script src=\"http", page.Body);

        // The demo hall has three waiting visitors today (a working day); the 好差评 summary shows the same figures as
        // /Ratings for the period (the demo 受理 rating and 差评).
        Assert.Equal("统计期间取号 3 个，已叫号 0 个，过号 0 个。", page.TestId("hall-summary"));
        var ratings = await factory.SendAs(await factory.CreateUserAsync(Roles.Supervisor), new Portal.Web.Features.Ratings.RatingStatistics.Query { From = stats.Period.From, To = stats.Period.To });
        var summary = page.TestId("rating-summary")!;
        Assert.Contains($"统计期间评价 {ratings.Report.Total.Ratings} 条", summary);
        Assert.Contains($"差评 {ratings.Report.Total.Bad} 条", summary);
        Assert.Equal(2, ratings.Report.Total.Ratings);
        Assert.Contains("href=\"/Ratings?from=2026-11-01&to=2026-11-23\"", page.Body);
    }

    [Fact]
    public async Task Demo_admin_opens_the_page_and_downloads_the_department_table_as_excel()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        factory.Settings["Portal:SeedDemoData"] = "true";
        using var session = new HttpSession(factory);
        Assert.True((await session.SignInAsync("admin")).IsRedirect);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Dashboard")).Status);
        using var answer = await session.Client.GetAsync("/Dashboard?handler=Export&table=department&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var rows = Xlsx.Rows(await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal(["部门", .. DashboardTables.StepHeaders], rows[0]);
        Assert.Contains(rows.Skip(1), r => r[0] == "市场监管");
        Assert.Contains(rows.Skip(1), r => r[0] == "窗口工作人员");
    }
}
