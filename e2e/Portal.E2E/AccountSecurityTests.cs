using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// Sessions and the staff second factor in Chromium: a sign-in cookie copied before 退出 opens nothing afterwards; a
/// clerk whose authenticator an administrator reset binds a new one from its QR code (the test reads the key the page
/// shows and computes the codes with Otp.NET, as a phone does), keeps the recovery codes shown once, and signs in with
/// one of them later. The second walk runs on its own portal (it changes a demo account).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccountSecurityTests(PortalFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_sign_in_cookie_copied_before_signing_out_gets_the_sign_in_page_afterwards()
    {
        var page = await fixture.SignInAsync("window01");
        Assert.Equal("/Workbench", new Uri(page.Url).AbsolutePath);
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "portal.auth");

        // The copy opens the workbench while the session lives…
        await using (var copy = await ContextWithAsync(cookie))
        {
            var stolen = await copy.NewPageAsync();
            await stolen.GotoAsync("/Workbench");
            Assert.Equal("/Workbench", new Uri(stolen.Url).AbsolutePath);
        }

        await page.ClickAsync("form[action='/Account/Logout'] button");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // …and after 退出 the same cookie gets the sign-in page.
        await using var replay = await ContextWithAsync(cookie);
        var replayed = await replay.NewPageAsync();
        await replayed.GotoAsync("/Workbench");
        Assert.Equal("/Account/Login", new Uri(replayed.Url).AbsolutePath);
        await Assertions.Expect(replayed.Locator("h1")).ToHaveTextAsync("登录");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clerk_binds_a_new_authenticator_from_its_qr_code_and_later_signs_in_with_a_recovery_code()
    {
        await using var portal = await PortalProcess.StartAsync();
        var walk = new Walk(fixture, portal, output, "second-factor");

        // 1. The administrator resets window02's authenticator (a lost phone).
        await walk.AsAsync("admin", "01-reset", async page =>
        {
            await page.GotoAsync("/Admin/Accounts?Search=window02");
            // The row's own 管理 link: the header's "系统管理员" (the administrator's own 账号安全 page) contains 管理 too.
            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "管理", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("window02");
            await page.ClickAsync("button:has-text('重置身份验证器')");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已重置身份验证器");
            await page.GotoAsync("/Admin/Audit?Type=SecondFactorReset");
            await Assertions.Expect(page.Locator("[data-testid=audit-table] tbody tr").First).ToContainTextAsync("window02");
        });

        // 2. window02 signs in with the password and is sent to bind one before any staff page.
        var codes = new List<string>();
        await walk.AnonymousAsync("02-bind", async page =>
        {
            await SignInWithPasswordAsync(page, "window02");
            await page.WaitForURLAsync(new Regex("/Account/Authenticator"));
            await Assertions.Expect(page.Locator("[data-testid=enrol-required]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=authenticator-qr] svg")).ToBeVisibleAsync();
            await Walk.ShotAsync(page, "second-factor-bind");
            await page.GotoAsync("/Workbench");
            Assert.Equal("/Account/Authenticator", new Uri(page.Url).AbsolutePath);

            var key = (await page.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Trim();
            Assert.NotEqual(PortalFixture.DemoAuthenticatorKey, key.Replace(" ", "", StringComparison.Ordinal));
            await page.FillAsync("#Data_Code", PortalFixture.TotpCode(key));
            await page.ClickAsync("button:has-text('完成绑定')");
            await page.WaitForURLAsync(new Regex("/Account/RecoveryCodes"));
            codes.AddRange((await page.Locator("[data-testid=recovery-codes] li").AllInnerTextsAsync()).Select(c => c.Trim()));
            Assert.Equal(10, codes.Distinct().Count());
            await page.ClickAsync("[data-testid=continue]");
            await page.WaitForURLAsync(new Regex("/Workbench$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        });

        // 3. Without the phone, a recovery code signs in instead of the code.
        await walk.AnonymousAsync("03-recovery", async page =>
        {
            await SignInWithPasswordAsync(page, "window02");
            await page.WaitForURLAsync(new Regex("/Account/SecondFactor"));
            await page.FillAsync("#Data_Code", codes[0]);
            await page.ClickAsync("button:has-text('验证并登录')");
            await page.WaitForURLAsync(new Regex("/Workbench$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        });
    }

    private static async Task SignInWithPasswordAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Data_UserName", userName);
        await page.FillAsync("#Data_Password", PortalFixture.Password);
        await page.ClickAsync("button[type=submit]:has-text('登录')");
    }

    private async Task<IBrowserContext> ContextWithAsync(BrowserContextCookiesResult cookie)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url, Locale = "zh-CN" });
        await context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path, HttpOnly = cookie.HttpOnly }]);
        return context;
    }
}
