using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// Every page is usable by everyone (issue 15): axe-core (from npm, kept in wwwroot-assets/js/vendor/axe.min.js and
/// loaded from the portal itself, so the Content-Security-Policy allows it) checks the pages each role reaches from
/// its navigation, and the detail pages behind them, against WCAG 2.1 A and AA, on a desktop screen and on a phone
/// (where wide tables and drawings scroll sideways). A test lists every violation as page — rule — element.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string Visitor = "visitor";

    /// <summary>The rules of WCAG 2.0 and 2.1, levels A and AA (axe-core's tags).</summary>
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            resultTypes: ["violations"],
          });
          if (result.passes.length + result.violations.length === 0) {
            throw new Error("axe-core checked no rule on " + location.pathname);
          }
          return result.violations.flatMap(v => v.nodes.map(n =>
            `${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")} — ${(n.failureSummary || "").replace(/\s+/g, " ")}`));
        }
        """;

    /// <summary>
    /// Per role: the pages of its navigation and work, each with the links (CSS selectors) whose first target is a
    /// detail page checked as well (and so on from there).
    /// </summary>
    private static readonly Dictionary<string, Visit[]> Pages = new()
    {
        [Visitor] =
        [
            new("/"),
            new("/Establishment", "a[href^='/Materials/Template/']"),
            new("/Deregistration"),
            new("/Connection", "a[href='/Connection/Power']", "a[href='/Connection/Water']", "a[href='/Connection/Gas']", "a[href='/Connection/Heat']", "a[href='/Connection/Telecom']"),
            new("/Notices", "a[href^='/Notices/']"),
            new("/Hall"),
            new("/Hall/Board"),
            new("/Ratings"),
            new("/Promises"),
            new("/Help"),
            new("/Account/Login"),
            new("/Account/Register"),
        ],
        ["13800000001"] =
        [
            new("/Cases", "main a[href^='/Cases/']"),
            new("/Enterprises", "main a[href^='/Enterprises/']"),
            new("/Appointments"),
            new("/Appointments/Book"),
            new("/Identity"),
            new("/Messages"),
            new("/Account/Security"),
            new("/Account/Password"),
            new("/Hall"),
            new("/Establishment/Apply"),
            new("/Connection/Apply"),
            new("/Ratings"),
        ],
        ["window01"] =
        [
            new("/Workbench", "main a[href^='/Cases/']"),
            new("/Hall/Window"),
            new("/Identity/Verify"),
            new("/Appointments/Today"),
            new("/Ratings/Staff"),
            new("/Messages"),
            new("/Account/Security"),
        ],
        ["review-market"] =
        [
            new("/Workbench", "main a[href^='/Cases/']"),
            new("/Ratings/Staff"),
        ],
        ["supervisor"] =
        [
            new("/Supervision", "main a[href^='/Cases/']"),
            new("/Ratings/FollowUps", "main a[href^='/Ratings/FollowUps/']"),
            new("/Dashboard"),
            new("/Appointments/Today"),
            new("/Workbench"),
        ],
        ["admin"] =
        [
            new("/Admin"),
            new("/Admin/Accounts", "main a[href^='/Admin/Account?']"),
            new("/Admin/Audit"),
            new("/Promises/Edit"),
            new("/Calendar/Manage"),
            new("/Dashboard"),
            new("/Supervision"),
        ],
    };

    /// <summary>Each role on a desktop screen and on a phone (where wide tables scroll sideways).</summary>
    public static TheoryData<string, string> Roles()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Pages.Keys)
        {
            data.Add(role, Desktop);
            data.Add(role, Phone);
        }

        return data;
    }

    private const string Desktop = "desktop";

    private const string Phone = "phone";

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_the_role_has_no_WCAG_2_1_AA_violation(string role, string screen)
    {
        var viewport = screen == Phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 };
        var page = role == Visitor ? await AnonymousAsync(viewport) : await fixture.SignInAsync(role, viewport);
        var checkedPaths = new HashSet<string>(StringComparer.Ordinal);
        var violations = new List<string>();
        var missing = new List<string>();
        var queue = new Queue<Visit>(Pages[role]);
        try
        {
            while (queue.TryDequeue(out var visit))
            {
                if (!checkedPaths.Add(visit.Path))
                {
                    continue;
                }

                var response = await page.GotoAsync(visit.Path);
                Assert.True(response is { Ok: true }, $"{role} {visit.Path}: {response?.Status}");
                foreach (var found in await AxeAsync(page))
                {
                    violations.Add($"{role} ({screen}) {visit.Path}: {found}");
                }

                foreach (var link in visit.Follow)
                {
                    var href = await FirstHrefAsync(page, link);
                    if (href is null)
                    {
                        missing.Add($"{role} {visit.Path}: no link {link}");
                        continue;
                    }

                    queue.Enqueue(new Visit(href));
                }

                // Detail pages of detail pages where the data has them: a case's materials and ratings, an
                // enterprise's agents, licence check and deregistration.
                foreach (var link in DetailLinks(visit.Path))
                {
                    if (await FirstHrefAsync(page, link) is { } href)
                    {
                        queue.Enqueue(new Visit(href));
                    }
                }
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        output.WriteLine($"{role} ({screen}): {checkedPaths.Count} 个页面 — {string.Join(", ", checkedPaths)}");
        Assert.True(violations.Count == 0, $"{violations.Count} WCAG 2.1 AA violations:\n" + string.Join("\n", violations));
        Assert.True(missing.Count == 0, "Pages the test expected to reach are missing:\n" + string.Join("\n", missing));
    }

    private static string[] DetailLinks(string path) => path switch
    {
        _ when path.StartsWith("/Cases/", StringComparison.Ordinal) && !path.EndsWith("/Materials", StringComparison.Ordinal) =>
            ["main a[href$='/Materials']", "main a[href^='/Ratings/Case/']", "main a[href^='/Ratings/View/']"],
        _ when path.StartsWith("/Enterprises/", StringComparison.Ordinal) && !path.EndsWith("/Agents", StringComparison.Ordinal) =>
            ["main a[href$='/Agents']", "main a[href^='/verify/']", "main a[href^='/Deregistration/Start/']"],
        "/Appointments" => ["main a.appt-code"],
        _ => [],
    };

    private static async Task<string?> FirstHrefAsync(IPage page, string selector) =>
        await page.Locator(selector).CountAsync() == 0 ? null : await page.Locator(selector).First.GetAttributeAsync("href");

    private async Task<IPage> AnonymousAsync(ViewportSize viewport)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Portal.Url,
            Locale = "zh-CN",
            ViewportSize = viewport,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Loads axe-core from the portal (a script file, as the policy allows) and returns its violations.</summary>
    private static async Task<string[]> AxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/js/vendor/axe.min.js" });
        return await page.EvaluateAsync<string[]>(RunAxe);
    }

    private sealed record Visit(string Path, params string[] Follow);
}
