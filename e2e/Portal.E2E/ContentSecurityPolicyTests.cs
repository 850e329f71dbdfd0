using Microsoft.Playwright;

namespace Portal.E2E;

/// <summary>
/// The Content-Security-Policy is on in the browser: inline script and inline style are refused and reported, so the
/// guard that fails any test with a violation (<see cref="CspGuard"/>) is watching something real.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ContentSecurityPolicyTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_browser_refuses_inline_script_and_inline_style_on_a_portal_page_and_reports_it()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy"));
        Assert.Empty(CspGuard.Take());

        // What an injected <script> or style="…" would do: neither runs nor applies, and each is reported.
        var scriptRefused = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("script-src", StringComparison.Ordinal) });
        var styleRefused = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("style-src", StringComparison.Ordinal) });
        var ran = await page.EvaluateAsync<bool>("""
            () => {
              const script = document.createElement("script");
              script.textContent = "window.__inline = true";
              document.body.appendChild(script);
              const box = document.createElement("div");
              box.setAttribute("style", "display: inline-block; width: 123px");
              document.body.appendChild(box);
              return window.__inline === true || box.getBoundingClientRect().width === 123;
            }
            """);
        await Task.WhenAll(scriptRefused, styleRefused);

        Assert.False(ran);
        var reported = CspGuard.Take();
        Assert.Contains(reported, v => v.Contains("script-src", StringComparison.Ordinal));
        Assert.Contains(reported, v => v.Contains("style-src", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}
