using Microsoft.Playwright;

namespace Portal.E2E;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture fixture)
{
    public static TheoryData<string, string, string> DemoRoles => new()
    {
        { "13800000001", "/Cases", "我的办件" },
        { "13800000002", "/Cases", "我的办件" },
        { "window01", "/Workbench", "工作台" },
        { "review-market", "/Workbench", "工作台" },
        { "review-police", "/Workbench", "工作台" },
        { "review-tax", "/Workbench", "工作台" },
        { "review-humanresources", "/Workbench", "工作台" },
        { "review-medical", "/Workbench", "工作台" },
        { "review-housingfund", "/Workbench", "工作台" },
        { "review-bank", "/Workbench", "工作台" },
        { "review-power", "/Workbench", "工作台" },
        { "review-water", "/Workbench", "工作台" },
        { "review-gas", "/Workbench", "工作台" },
        { "review-heat", "/Workbench", "工作台" },
        { "review-telecom", "/Workbench", "工作台" },
        { "supervisor", "/Supervision", "督查" },
        { "admin", "/Admin", "系统管理" },
    };

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public async Task Each_demo_account_signs_in_and_lands_on_its_home_page(string userName, string home, string heading)
    {
        var page = await fixture.SignInAsync(userName);
        Assert.Equal(home, new Uri(page.Url).AbsolutePath);
        Assert.Equal(heading, (await page.Locator("h1").First.InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"home-{userName}"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public void Start_up_prints_the_demo_accounts()
    {
        Assert.Contains("演示账号", fixture.Portal.Output);
        Assert.Contains("window01", fixture.Portal.Output);
        Assert.Contains("supervisor", fixture.Portal.Output);
        Assert.Contains(PortalFixture.Password, fixture.Portal.Output);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_chinese()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Data_UserName", "13800000002");
        await page.FillAsync("#Data_Password", "wrong-password1");
        await page.ClickAsync("button[type=submit]:has-text('登录')");
        await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("手机号/用户名或密码不正确");
        Assert.EndsWith("/Account/Login", new Uri(page.Url).AbsolutePath);
        await context.CloseAsync();
    }
}
