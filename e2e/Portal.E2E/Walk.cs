using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// The people of a walk, each in their own browser context on the walk's own portal (started with the test clock),
/// with a picture of what they saw when their part fails (named <c>{prefix}-failed-{step}</c>).
/// </summary>
public sealed class Walk(PortalFixture fixture, PortalProcess portal, ITestOutputHelper output, string prefix)
{
    public static readonly TimeZoneInfo PortalZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(name), FullPage = true });

    public async Task AsAsync(string userName, string step, Func<IPage, Task> body)
    {
        var page = await fixture.SignInAsync(userName, baseUrl: portal.Url);
        Assert.NotEqual("/Account/Login", new Uri(page.Url).AbsolutePath);
        await RunAsync(page, step, body);
    }

    public async Task AnonymousAsync(string step, Func<IPage, Task> body)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.Url,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await RunAsync(await context.NewPageAsync(), step, body);
    }

    /// <summary>Moves the portal's clock forward (the deadline sweep runs once); returns the new time in Beijing.</summary>
    public async Task<DateTime> AdvanceClockAsync(TimeSpan by)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(
            $"{portal.Url}/__test/clock/advance?hours={by.TotalHours.ToString(CultureInfo.InvariantCulture)}", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the test clock refused: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var now = json.RootElement.GetProperty("now").GetDateTimeOffset();
        output.WriteLine($"时钟拨快 {by.TotalHours:0} 小时：{body}");
        return TimeZoneInfo.ConvertTime(now, PortalZone).DateTime;
    }

    private async Task RunAsync(IPage page, string step, Func<IPage, Task> body)
    {
        try
        {
            await body(page);
        }
        catch
        {
            try
            {
                await ShotAsync(page, $"{prefix}-failed-{step}");
                output.WriteLine($"失败于 {step}：{page.Url}（截图 {prefix}-failed-{step}.png）");
            }
            catch (PlaywrightException)
            {
            }

            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
