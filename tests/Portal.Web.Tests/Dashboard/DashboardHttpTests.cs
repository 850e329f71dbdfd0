using System.Net;
using System.Text;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Dashboard;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.Scenario;

namespace Portal.Web.Tests.Dashboard;

/// <summary>
/// /Dashboard over real HTTP with real cookies: who may open it and download its tables (same roles for both),
/// the downloads' content, names and escaping, and a refused period.
/// </summary>
public sealed class DashboardHttpTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private const string Export = "/Dashboard?handler=Export&table=service&format=csv";

    [Theory]
    [InlineData("/Dashboard", "/Account/Login?ReturnUrl=%2FDashboard")]
    [InlineData(Export, "/Account/Login?ReturnUrl=%2FDashboard%3Fhandler%3DExport%26table%3Dservice%26format%3Dcsv")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string url, string redirect)
    {
        using var session = new HttpSession(factory);

        var answer = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal(redirect, answer.RedirectPath);
    }

    [Theory]
    [InlineData(Roles.Applicant, "/Dashboard")]
    [InlineData(Roles.Window, "/Dashboard")]
    [InlineData("Reviewer.Market", "/Dashboard")]
    [InlineData("Reviewer.Tax", "/Dashboard")]
    [InlineData(Roles.Applicant, Export)]
    [InlineData(Roles.Window, Export + "&from=2026-11-01&to=2026-11-23")]
    [InlineData("Reviewer.Market", "/Dashboard?handler=Export&table=overdue&format=xlsx")]
    public async Task Applicants_window_staff_and_reviewers_are_refused_with_403(string role, string url)
    {
        var user = await factory.CreateUserAsync(role);
        using var session = await new HttpSession(factory).SignedInAsync(user);

        var first = await session.GetAsync(url);
        Assert.True(first.IsRedirect, first.ToString());
        Assert.StartsWith("/Account/AccessDenied", first.RedirectPath);
        var refused = await session.GetFollowingAsync(url, maxRedirects: 1);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("无权访问", refused.Text);
        Assert.DoesNotContain("统计口径", refused.Text);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    public async Task Supervisor_and_admin_open_the_page_and_download_a_table(string role)
    {
        var user = await factory.CreateUserAsync(role);
        using var session = await new HttpSession(factory).SignedInAsync(user);

        var page = await session.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<title>统计分析 - ", page.Body);
        Assert.Contains("统计口径", page.Text);
        Assert.Contains("好差评汇总", page.Text);

        using var csv = await session.Client.GetAsync(Export);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        using var xlsx = await session.Client.GetAsync("/Dashboard?handler=Export&table=staff&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["工作人员", .. DashboardTables.StepHeaders], Xlsx.Rows(await xlsx.Content.ReadAsByteArrayAsync()).Single());
    }

    [Fact]
    public async Task The_queries_themselves_refuse_everyone_but_supervisors_and_admins()
    {
        var query = new Statistics.Query { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 23) };
        var download = new Download.Query { From = query.From, To = query.To, Table = DashboardTables.Service, Format = "csv" };

        Assert.IsType<NotSignedInException>(await Outcome(() => factory.SendAs(null, query)));
        Assert.IsType<NotSignedInException>(await Outcome(() => factory.SendAs(null, download)));
        foreach (var role in new[] { Roles.Applicant, Roles.Window, Department.Market.ReviewerRole(), Department.Power.ReviewerRole() })
        {
            var user = await factory.CreateUserAsync(role);
            Assert.IsType<ForbiddenException>(await Outcome(() => factory.SendAs(user, query)));
            Assert.IsType<ForbiddenException>(await Outcome(() => factory.SendAs(user, download)));
        }

        foreach (var role in new[] { Roles.Supervisor, Roles.Admin })
        {
            var user = await factory.CreateUserAsync(role);
            Assert.Equal(new Period(query.From.Value, query.To.Value), (await factory.SendAs(user, query)).Period);
            Assert.Equal("text/csv; charset=utf-8", (await factory.SendAs(user, download)).ContentType);
        }
    }

    [Theory]
    [InlineData("/Dashboard?handler=Export&table=nope&format=csv")]
    [InlineData("/Dashboard?handler=Export&table=service&format=pdf")]
    [InlineData("/Dashboard?handler=Export&format=csv")]
    public async Task Unknown_table_or_format_is_404(string url)
    {
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        using var session = await new HttpSession(factory).SignedInAsync(supervisor);

        var answer = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task A_backwards_period_is_refused_in_chinese_and_this_month_is_shown_instead()
    {
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        using var session = await new HttpSession(factory).SignedInAsync(supervisor);

        var page = await session.GetAsync("/Dashboard?from=2026-11-20&to=2026-11-10");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("开始日期不能晚于结束日期。", page.Text);
        // The fixture's clock stands at Monday 23 November 2026.
        Assert.StartsWith("统计期间：2026年11月1日至2026年11月23日", page.TestId("period"));
        Assert.Equal("2026-11-01", page.InputValue("from"));
        Assert.Equal("2026-11-23", page.InputValue("to"));
    }

    [Fact]
    public async Task A_period_given_in_the_address_is_used_for_the_page_and_its_download_links()
    {
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        using var session = await new HttpSession(factory).SignedInAsync(supervisor);

        var page = await session.GetAsync("/Dashboard?from=2026-10-08&to=2026-10-31");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("统计期间：2026年10月8日至2026年10月31日（本地时间，共 24 天）", page.TestId("period"));
        Assert.Contains("href=\"/Dashboard?handler=Export&amp;table=service&amp;format=csv&amp;from=2026-10-08&amp;to=2026-10-31\"", page.Body);
        Assert.Contains("href=\"/Dashboard?handler=Export&amp;table=hall-windows&amp;format=xlsx&amp;from=2026-10-08&amp;to=2026-10-31\"", page.Body);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Downloads_carry_the_pages_rows_with_a_chinese_file_name_and_escaped_awkward_text(Provider provider)
    {
        await using var own = new PortalFactory(provider);
        var applicant = await own.CreateUserAsync(Roles.Applicant);
        var clerk = await own.CreateStaffAsync(Roles.Window, "窗口\"甲\",A", "A01");
        var supervisor = await own.CreateStaffAsync(Roles.Supervisor, "督查");
        const string title = "=HYPERLINK(\"http://evil\",\"点我\"),<b>&\n第二行";
        await using (var story = await own.SubmitAtAsync(DashboardWorld.Establishment, "EX-1", applicant, ChinaUtc(2026, 11, 16, 9), title))
        {
            // Accepted Mon 16th 10:00 (受理 step: used 60 of 840 minutes), 办理 due 15:00, marked overdue at 15:30.
            await story.DoAsync(clerk, CaseTrigger.Accept, ChinaUtc(2026, 11, 16, 10));
            await story.MarkOverdueAsync(ChinaUtc(2026, 11, 16, 15, 30));
        }

        using var session = await new HttpSession(own).SignedInAsync(supervisor);
        const string period = "&from=2026-11-16&to=2026-11-20";

        // The staff table: a name with a quote and a comma.
        using var staffCsv = await session.Client.GetAsync("/Dashboard?handler=Export&table=staff&format=csv" + period);
        Assert.Equal(HttpStatusCode.OK, staffCsv.StatusCode);
        Assert.Equal("text/csv", staffCsv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", staffCsv.Content.Headers.ContentType.CharSet);
        var disposition = staffCsv.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("统计分析-按工作人员-20261116-20261120.csv", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("统计分析-按工作人员-20261116-20261120.csv"), staffCsv.Content.Headers.GetValues("Content-Disposition").Single());
        var bytes = await staffCsv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            "工作人员,环节数,按时环节数,按时办结率(%),平均用时(工作小时),平均承诺时限(工作小时),用时/承诺(%)\r\n"
            + "\"窗口\"\"甲\"\",A\",1,1,100,1,14,7.1\r\n",
            Encoding.UTF8.GetString(bytes[3..]));

        // The overdue table: the case title is a formula with quotes, a comma, markup and a line break.
        using var overdueCsv = await session.Client.GetAsync("/Dashboard?handler=Export&table=overdue&format=csv" + period);
        var overdueText = Encoding.UTF8.GetString((await overdueCsv.Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal(
            [
                ["办件编号", "办件名称", "事项", "状态", "当前办理方", "应完成时间", "超期起始"],
                ["EX-1", "'" + title, "企业开办", "办理中", "后台审批（市场监管）", "2026-11-16 15:00", "2026-11-16 15:30"],
            ],
            Rfc4180.Parse(overdueText));
        Assert.StartsWith("统计分析-超期办件（当前）-20261123", overdueCsv.Content.Headers.ContentDisposition!.FileNameStar);

        using var overdueXlsx = await session.Client.GetAsync("/Dashboard?handler=Export&table=overdue&format=xlsx" + period);
        Assert.Equal("统计分析-超期办件（当前）-20261123.xlsx", overdueXlsx.Content.Headers.ContentDisposition!.FileNameStar);
        var workbook = await overdueXlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal(
            [
                ["办件编号", "办件名称", "事项", "状态", "当前办理方", "应完成时间", "超期起始"],
                ["EX-1", title, "企业开办", "办理中", "后台审批（市场监管）", "2026-11-16 15:00", "2026-11-16 15:30"],
            ],
            Xlsx.Rows(workbook));
        Assert.Contains("&lt;b&gt;&amp;", Xlsx.SheetXml(workbook));

        // The page shows the same row, HTML-escaped, with the case link.
        var page = await session.GetAsync("/Dashboard?from=2026-11-16&to=2026-11-20");
        Assert.Contains("<a href=\"/Cases/EX-1\">EX-1</a>", page.Body);
        Assert.Contains("&lt;b&gt;&amp;", page.Body);
        Assert.DoesNotContain("<b>&", page.Body);
        Assert.Equal("1", page.TestId("overdue-count"));
    }
}
