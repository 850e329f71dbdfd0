using Microsoft.Playwright;

namespace Portal.E2E;

/// <summary>One running portal and one browser for all end-to-end tests.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Password = "portal2026";

    private IPlaywright? playwright;

    private PortalProcess? portal;

    private IBrowser? browser;

    public PortalProcess Portal => portal ?? throw new InvalidOperationException("The portal did not start.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        portal = await PortalProcess.StartAsync();
        (playwright, var chromium) = await E2E.Browser.LaunchAsync();

        // Every context is watched for Content-Security-Policy violations; a test during which one is reported fails.
        browser = CspGuard.Watch(chromium);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }
    }

    /// <summary>A new browser context signed in as <paramref name="userName"/>; on <paramref name="baseUrl"/> when a
    /// test runs its own portal, else on the shared one.</summary>
    public async Task<IPage> SignInAsync(string userName, ViewportSize? viewport = null, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? Portal.Url,
            Locale = "zh-CN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Data_UserName", userName);
        await page.FillAsync("#Data_Password", Password);
        await page.ClickAsync("button[type=submit]:has-text('登录')");

        // The browser checks the form first (js/validation.js) and sends it a moment after the click: wait for the
        // page that answers the post (a refused sign-in stays on the login page; the callers assert where they are).
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/Account/Login", new PageWaitForURLOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }
}

[CollectionDefinition(Name)]
[FailOnCspViolation]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
