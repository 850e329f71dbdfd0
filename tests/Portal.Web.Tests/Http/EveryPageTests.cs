using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>
/// Every page each role can reach, on the demo data (Portal:SeedDemoData: cases in every step, an enterprise in its
/// 简易注销 notice, a cancelled one, a joint 报装, ratings, the hall): followed link by link from the home page and the
/// role's own start page, as each demo account and as a visitor. No page answers 500, and none shows raw template text
/// (Razor reads "汉字@Model.X" as an e-mail address and prints it) or a value printed as a program's type or default date.
/// </summary>
public sealed partial class EveryPageTests
{
    /// <summary>Enough for every page of every role on the demo data; a crawl that reaches it says so.</summary>
    private const int MaxPagesPerRole = 400;

    [Fact]
    public async Task Every_page_every_role_reaches_shows_no_raw_template_text_and_no_server_error()
    {
        await using var factory = new PortalFactory();
        factory.Settings["Portal:SeedDemoData"] = "true";
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var account in DemoData.Accounts.Select(a => (DemoData.Account?)a).Prepend(null))
        {
            using var session = new HttpSession(factory);
            var who = account is null ? "访客" : $"{account.UserName}（{Domain.Organisation.Roles.Label(account.Role)}）";
            var start = new List<string> { "/" };
            if (account is not null)
            {
                var signIn = await session.SignInAsync(account.UserName);
                Assert.True(signIn.IsRedirect, $"{who} could not sign in");
                start.Add(signIn.RedirectPath!);
            }

            var pages = await CrawlAsync(session, start, who, failures);
            if (Environment.GetEnvironmentVariable("PORTAL_CRAWL_LOG") is { } log)
            {
                await File.AppendAllLinesAsync(log, pages.Select(p => $"{who}\t{p}"));
            }

            Assert.True(pages.Count < MaxPagesPerRole, $"{who}: the crawl stopped at {MaxPagesPerRole} pages; raise the limit or exclude a link family");
            seen.UnionWith(pages);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The crawl really went through the services (a broken link collector would pass on nothing).
        foreach (var path in new[] { "/Cases/", "/Enterprises/", "/verify/", "/Notices/", "/Workbench", "/Supervision", "/Dashboard", "/Admin", "/Ratings/FollowUps/", "/Establishment/Apply", "/Hall/Window" })
        {
            Assert.Contains(seen, url => url.StartsWith(path, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("简易注销全程网办：公示@Model.NoticePromise，期满无异议", "@Model.NoticePromise")]
    [InlineData("<p>应于@v.Due前</p>", "@v.Due")]
    [InlineData("<p>合计@(total)元</p>", "@(")]
    [InlineData("<a href=\"/Cases/@item.Number\">办件</a>", "@item")]
    [InlineData("<p>@Html.Raw(x)</p>", "@Html")]
    [InlineData("<p>Portal.Web.Features.Cases.CaseView+Result</p>", "Portal.Web.")]
    [InlineData("<p>System.Collections.Generic.List`1[System.String]</p>", "System.Collections")]
    [InlineData("<p>提交时间 2026/12/7 1:00:00</p>", "2026/12/7 1:00:00")]
    public void The_check_catches_raw_template_text(string html, string expected)
    {
        Assert.Contains(RawTemplateText(new PortalHtml(html).Document), f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<p>联系邮箱：service@zaozhuang.gov.cn</p>")]
    [InlineData("<style>@media (max-width: 600px) { p { color: red } }</style><p>正文</p>")]
    [InlineData("<p>2026年12月7日 17:00前</p>")]
    public void The_check_leaves_ordinary_text_alone(string html)
    {
        Assert.Empty(RawTemplateText(new PortalHtml(html).Document));
    }

    /// <summary>Follows same-site links breadth first from <paramref name="start"/>; returns the addresses visited.</summary>
    private static async Task<IReadOnlySet<string>> CrawlAsync(HttpSession session, IEnumerable<string> start, string who, List<string> failures)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            if (visited.Contains(url))
            {
                continue;
            }

            // Calendars page day by day without end (今日预约, 预约): a few days of each are enough.
            var family = DateParameter().Replace(url, "date=*");
            if (family != url && (families[family] = families.GetValueOrDefault(family) + 1) > 3)
            {
                continue;
            }

            visited.Add(url);

            var page = await session.GetAsync(url);
            if ((int)page.Status >= 500)
            {
                failures.Add($"{who} {url}: {(int)page.Status}");
                continue;
            }

            if (page.IsRedirect)
            {
                if (page.RedirectPath is { } next && Followable(next))
                {
                    queue.Enqueue(next);
                }

                continue;
            }

            if (page.MediaType != "text/html")
            {
                continue;
            }

            failures.AddRange(RawTemplateText(page.Html.Document).Select(f => $"{who} {url}: {f}"));
            foreach (var link in page.Html.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                // The licence's QR link is absolute (it is printed and scanned): the test host is http://localhost.
                var target = (link.StartsWith("http://localhost/", StringComparison.OrdinalIgnoreCase) ? link["http://localhost".Length..] : link).Split('#')[0];
                if (Followable(target) && !visited.Contains(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return visited;
    }

    /// <summary>A same-site page to GET: not another site, not a download, not the test clock.</summary>
    private static bool Followable(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains("format=", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("/__test", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("/openapi/", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("/css/", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("/js/", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("/img/", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a person would see that is the program's text instead of the portal's: in text and attribute values.</summary>
    internal static IReadOnlyList<string> RawTemplateText(IDocument document)
    {
        var found = new List<string>();
        void Check(string text, string where)
        {
            foreach (var pattern in new[] { RazorCode(), TypeName(), DefaultDate() })
            {
                foreach (Match m in pattern.Matches(text))
                {
                    var from = Math.Max(0, m.Index - 12);
                    var to = Math.Min(text.Length, m.Index + m.Length + 12);
                    found.Add($"{where} “…{text[from..to].ReplaceLineEndings(" ")}…”");
                }
            }
        }

        foreach (var node in document.Descendants().OfType<IText>())
        {
            if (node.ParentElement?.LocalName is not ("script" or "style"))
            {
                Check(node.Data, "text");
            }
        }

        foreach (var element in document.Descendants().OfType<IElement>())
        {
            foreach (var attribute in element.Attributes)
            {
                Check(attribute.Value, $"<{element.LocalName} {attribute.Name}>");
            }
        }

        return found;
    }

    /// <summary>
    /// Razor left as text: @Model, @Html, @item …, @( @{ @:, or a member access such as @v.Number (a property is
    /// PascalCase; an e-mail address's domain is lower case and is not matched).
    /// </summary>
    [GeneratedRegex(@"@(?:[A-Za-z_]\w*\.[A-Z]\w*|(?:Model|Html|Url|ViewData|ViewBag|TempData|Context|item|await|if|foreach|for|while|switch|using|inject|model|page|section|functions|RenderBody|RenderSection)\b|[({:])")]
    private static partial Regex RazorCode();

    [GeneratedRegex(@"date=[^&]*")]
    private static partial Regex DateParameter();

    /// <summary>An object printed with its default ToString: a .NET type name.</summary>
    [GeneratedRegex(@"\b(?:Portal\.(?:Web|Domain|Infrastructure|Workflow)\.|System\.(?:Collections|Linq|Threading|Object|String\b)|Microsoft\.(?:AspNetCore|EntityFrameworkCore|Extensions)\.)")]
    private static partial Regex TypeName();

    /// <summary>A DateTime printed with the server's default format instead of the portal's ("2026/12/7 1:00:00").</summary>
    [GeneratedRegex(@"\b\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2}\b")]
    private static partial Regex DefaultDate();
}
