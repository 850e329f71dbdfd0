using Microsoft.Playwright;

namespace Portal.E2E;

/// <summary>One running portal and one browser for all end-to-end tests.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>The demo password (src/Portal.Web/Setup/Seeding/DemoData.cs, README).</summary>
    public const string Password = "Zhengwu@2026";

    /// <summary>
    /// The authenticator key the demo staff and administrator accounts have in the Development environment, published in
    /// the README (DemoData.AuthenticatorKey): their second factor is computed from it, as a phone would.
    /// </summary>
    public const string DemoAuthenticatorKey = "PORTALDEMOTOTPSECRETFORSTAFFONLY";

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
        await LeaveAsync(page, "/Account/Login");

        // Staff and administrators: the code of the demo authenticator, typed as from a phone.
        if (new Uri(page.Url).AbsolutePath == "/Account/SecondFactor")
        {
            await page.FillAsync("#Data_Code", TotpCode(DemoAuthenticatorKey));
            await page.ClickAsync("button[type=submit]:has-text('验证并登录')");
            await LeaveAsync(page, "/Account/SecondFactor");
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>The current 6-digit code of an authenticator key (Otp.NET, RFC 6238, from the real clock as a phone).</summary>
    public static string TotpCode(string key) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(DateTime.UtcNow);

    /// <summary>
    /// The browser checks the form first (js/validation.js) and sends it a moment after the click: waits for the page
    /// that answers the post (a refused one stays where it was; the callers assert where they are).
    /// </summary>
    private static async Task LeaveAsync(IPage page, string path)
    {
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != path, new PageWaitForURLOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
        }
    }
}

[CollectionDefinition(Name)]
[FailOnCspViolation]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
