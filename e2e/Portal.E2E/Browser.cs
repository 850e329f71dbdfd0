using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot work here). The binary is found on
/// PATH, or given by PORTAL_CHROMIUM.
/// </summary>
public static class Browser
{
    public static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(configured))
        {
            return configured;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Chromium not found: install Debian's chromium package (scripts/test.sh does) or set PORTAL_CHROMIUM.");
    }

    /// <summary>Chromium with the tests' arguments, plus <paramref name="extraArgs"/> (e.g. a host resolver rule).</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", .. extraArgs],
        });
        return (playwright, browser);
    }

    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(Repository.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
