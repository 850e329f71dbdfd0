using Microsoft.Playwright;

namespace Portal.E2E;

[Collection(PortalCollection.Name)]
public sealed class CaseTimelineTests(PortalFixture fixture)
{
    [Fact]
    public async Task Window_accepts_a_waiting_case_and_the_applicant_follows_it_on_the_timeline()
    {
        var window = await fixture.SignInAsync("window01");
        // The window takes the demo's waiting 惠民餐饮 case, filed with every file its list asks for, so 受理 is possible
        // (远航物流, also waiting, lacks its 营运车辆 papers: only 容缺受理 or a 一次性告知 would do for it).
        var waiting = window.Locator("table[data-testid=workbench] tbody tr", new() { HasText = "待受理" })
            .Filter(new() { HasText = "枣庄惠民餐饮有限公司" }).First;
        var number = (await waiting.Locator("td.num a").InnerTextAsync()).Trim();
        await window.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("workbench-window"), FullPage = true });
        await waiting.Locator("td.num a").ClickAsync();
        await window.ClickAsync("button[value=Accept]");
        await Assertions.Expect(window.Locator("[data-testid=case-state]")).ToHaveTextAsync("办理中");
        await Assertions.Expect(window.Locator(".alert-ok")).ToContainTextAsync("已受理");
        await window.Context.CloseAsync();

        var applicant = await fixture.SignInAsync("13800000001");
        await applicant.ClickAsync($"a:has-text('{number}')");
        await Assertions.Expect(applicant.Locator("[data-testid=case-state]")).ToHaveTextAsync("办理中");
        var timeline = applicant.Locator("[data-testid=timeline]");
        var latestStep = timeline.Locator("li:not(.note)").First;
        await Assertions.Expect(latestStep).ToContainTextAsync("受理");
        await Assertions.Expect(latestStep).ToContainTextAsync("王芳");
        await Assertions.Expect(timeline.Locator("li.current")).ToContainTextAsync("应于");
        await applicant.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("case-timeline"), FullPage = true });
        await applicant.Context.CloseAsync();
    }

    [Fact]
    public async Task The_applicant_case_list_fits_a_phone_screen()
    {
        var page = await fixture.SignInAsync("13800000001", new ViewportSize { Width = 390, Height = 844 });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide on a 390px phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("phone-cases"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_public_promise_table_lists_each_limit_with_its_source()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Promises");
        var table = page.Locator("table[data-testid=promises]");
        await Assertions.Expect(table).ToContainTextAsync("000:93");
        await Assertions.Expect(table).ToContainTextAsync("20个工作日");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("promises"), FullPage = true });
        await context.CloseAsync();
    }
}
