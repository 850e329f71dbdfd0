using System.Net;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Help;

/// <summary>使用帮助 (/Help): public, in the layout, linked from every page's footer, and its links lead somewhere.</summary>
public sealed class HelpPageTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task Anonymous_visitor_gets_the_help_page_in_the_layout()
    {
        using var session = new HttpSession(factory);

        var help = await session.GetAsync("/Help");

        Assert.Equal(HttpStatusCode.OK, help.Status);
        Assert.Equal("text/html", help.MediaType);
        Assert.Contains("<title>使用帮助 - 政务服务中心网上办事大厅</title>", help.Text);
        Assert.Equal(["使用帮助"], help.Html.Texts("main h1"));
        foreach (var section in new[] { "网上办事", "到大厅办事", "时限怎么算" })
        {
            Assert.Contains($"<h2>{section}</h2>", help.Text);
        }

        // The layout: language, header with its navigation, footer, the portal's own assets.
        Assert.Equal("zh-CN", help.Html.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("class=\"site-header\"", help.Body);
        Assert.Contains("aria-label=\"主导航\"", help.Body);
        Assert.Contains("class=\"site-footer\"", help.Body);
        Assert.Contains("政务服务便民热线 12345", help.Text);
        Assert.Contains("href=\"/Account/Login\"", help.Body);
        var assets = help.AssetReferences();
        Assert.Contains(assets, r => r.StartsWith("/css/portal.css", StringComparison.Ordinal));
        Assert.Contains(assets, r => r.StartsWith("/js/portal.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_person_gets_it_too()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var help = await session.GetAsync("/Help");

        Assert.Equal(HttpStatusCode.OK, help.Status);
        Assert.Contains("<h1>使用帮助</h1>", help.Text);
        Assert.Contains("action=\"/Account/Logout\"", help.Body);
        Assert.DoesNotContain("href=\"/Account/Login\"", help.Body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Promises")]
    [InlineData("/Ratings")]
    [InlineData("/Help")]
    [InlineData("/Account/Login")]
    public async Task The_footer_of_every_page_links_to_the_help(string url)
    {
        using var session = new HttpSession(factory);

        var page = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var footer = page.Html.Document.QuerySelector("footer");
        Assert.True(footer is not null, $"{url} has no footer");
        Assert.Contains(footer.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Help" && a.TextContent == "使用帮助");
    }

    [Fact]
    public async Task Every_link_in_the_help_text_leads_to_a_page_that_exists()
    {
        using var session = new HttpSession(factory);
        var help = await session.GetAsync("/Help");
        var links = help.Html.Links("main").Where(href => href.StartsWith('/')).Distinct().ToList();

        Assert.Equal(["/Account/Register", "/Hall", "/Appointments/Book", "/Promises"], links);
        foreach (var link in links)
        {
            var answer = await session.GetFollowingAsync(link, maxRedirects: 2);
            Assert.True(answer.Status == HttpStatusCode.OK, $"{link} answered {(int)answer.Status} ({answer.Url})");
        }
    }
}
