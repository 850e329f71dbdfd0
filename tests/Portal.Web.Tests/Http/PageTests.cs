using System.Net;
using Portal.Domain.Profiles;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>The public pages over HTTP: Chinese content, the promise list with its sources, and only local assets.</summary>
public sealed class PageTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task Anonymous_visitor_gets_the_home_page_of_the_service_centre()
    {
        using var session = new HttpSession(factory);
        var home = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("text/html", home.MediaType);
        Assert.Contains("政务服务中心", home.Text);
        Assert.Contains("href=\"/Account/Login\"", home.Body);
    }

    [Fact]
    public async Task Promise_list_is_public_and_shows_the_limits_with_their_sources_and_the_active_profile()
    {
        using var session = new HttpSession(factory);
        var promises = await session.GetAsync("/Promises");

        Assert.Equal(HttpStatusCode.OK, promises.Status);
        Assert.Contains("承诺时限清单", promises.Text);
        Assert.Contains("000:93", promises.Text);
        Assert.Contains("20个工作日", promises.Text);
        Assert.Equal(PolicyProfiles.Default.Name, promises.TestId("profile-name"));
        Assert.Contains(PolicyProfiles.Default.Name, promises.Text);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Promises")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public async Task Pages_reference_only_local_scripts_and_stylesheets(string url)
    {
        using var session = new HttpSession(factory);
        var page = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var references = page.AssetReferences();
        Assert.Contains(references, r => r.StartsWith("/css/portal.css", StringComparison.Ordinal));
        Assert.Contains(references, r => r.StartsWith("/js/portal.js", StringComparison.Ordinal));
        Assert.All(references, r =>
        {
            Assert.DoesNotContain("http://", r, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", r, StringComparison.OrdinalIgnoreCase);
            Assert.False(r.StartsWith("//", StringComparison.Ordinal), $"protocol-relative reference {r}");
        });
    }

    [Fact]
    public async Task Stylesheet_is_served_locally_as_css()
    {
        using var session = new HttpSession(factory);
        var css = await session.GetAsync("/css/portal.css");

        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.Equal("text/css", css.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(css.Body));
    }

    [Fact]
    public async Task Large_text_button_of_the_layout_switches_to_large_text_and_returns_to_the_same_page()
    {
        using var session = new HttpSession(factory);
        var promises = await session.GetAsync("/Promises");
        Assert.DoesNotContain("text-large", promises.Body);
        Assert.True(promises.Token("/Home/TextSize") is not null, "the layout's 大字版 form has no __RequestVerificationToken, so the browser's post is refused with 400");

        var answer = await session.SubmitAsync(promises, "/Home/TextSize");

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Promises", answer.RedirectPath);
        var large = await session.GetAsync("/Promises");
        Assert.Contains("text-large", large.Html.Document.DocumentElement.ClassList);
        Assert.Contains("标准字号", large.Text);
    }

    [Fact]
    public async Task Layout_declares_simplified_chinese_as_the_page_language()
    {
        using var session = new HttpSession(factory);
        var home = await session.GetAsync("/");

        Assert.Equal("zh-CN", home.Html.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("<meta charset=\"utf-8\"", home.Body);
    }
}
