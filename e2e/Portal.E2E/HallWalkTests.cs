using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// The hall, in the browser: a visitor takes a number at the kiosk, the call board on the hall's screen shows it as
/// soon as a window calls it (without reloading), the window serves the visitor by filing a 企业开办 case for them
/// (帮办代办), which links the ticket and the case, finishes, and the ticket page then offers the rating link.
/// The walk runs on its own portal with the test clock, moved to a working day when today is not one.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HallWalkTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string Visitor = "13800000002";

    private const string ValidId = "11010519491231002X";

    [Fact]
    public async Task HallWalk_kiosk_ticket_to_the_board_to_a_served_establishment_case_and_the_rating_link()
    {
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string> { ["Portal__TestClock"] = "true" });
        var walk = new Walk(fixture, portal, output, "hall");
        await MoveToWorkingDayAsync(portal, walk);

        // 1. The visitor takes a number at the kiosk, without an account.
        var code = "";
        var number = "";
        var ahead = -1;
        await walk.AnonymousAsync("01-kiosk", async page =>
        {
            await page.GotoAsync("/Hall");
            await Walk.ShotAsync(page, "hall-01-kiosk");
            await page.ClickAsync("[data-category=establishment]");
            await page.WaitForURLAsync(new Regex(@"/Hall/Ticket/[0-9a-f]+$"));
            code = new Uri(page.Url).AbsolutePath.Split('/')[^1];
            number = (await page.Locator("[data-testid=ticket-number]").InnerTextAsync()).Trim();
            Assert.Matches("^A[0-9]{3}$", number);
            // The demo data has visitors waiting on a working day: they are ahead of us.
            ahead = int.Parse((await page.Locator("[data-testid=ahead]").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
            await Walk.ShotAsync(page, "hall-02-ticket");
        });
        output.WriteLine($"排队号：{number}");

        // 2. The hall's screen is open before the call; it must show the call within 2 seconds, without a reload.
        var boardContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.Url,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        try
        {
            var board = await boardContext.NewPageAsync();
            await board.GotoAsync("/Hall/Board");
            var loads = 0;
            board.Load += (_, _) => loads++;
            await Assertions.Expect(board.Locator("body")).Not.ToContainTextAsync(number);

            // 3. Window A01 calls the next number until ours (those ahead of us, who are not in the hall, become 过号):
            // exactly the number of people the ticket page said were ahead are called first.
            var calledBefore = 0;
            await walk.AsAsync("window01", "03-call", async page =>
            {
                await page.GotoAsync("/Hall/Window");
                while (true)
                {
                    await page.ClickAsync("[data-testid=call-next]");
                    var current = page.Locator("[data-testid=window-current]");
                    await Assertions.Expect(current).ToContainTextAsync("已叫号");
                    if ((await current.InnerTextAsync()).Contains(number, StringComparison.Ordinal))
                    {
                        break;
                    }

                    calledBefore++;
                    Assert.True(calledBefore <= ahead, $"{calledBefore} numbers were called before {number}, but only {ahead} were ahead");
                    await page.ClickAsync("button[name='Data.Do'][value=NoShow]");
                    await Assertions.Expect(page.Locator("[data-testid=call-next]")).ToBeVisibleAsync();
                }
            });
            Assert.Equal(ahead, calledBefore);

            await Assertions.Expect(board.Locator("body")).ToContainTextAsync(number, new() { Timeout = 2500 });
            await Assertions.Expect(board.Locator("body")).ToContainTextAsync("A01");
            Assert.Equal(0, loads);
            await Walk.ShotAsync(board, "hall-03-board");
        }
        finally
        {
            await boardContext.CloseAsync();
        }

        // 4. The visitor's phone shows where to go.
        await walk.AnonymousAsync("04-go", async page =>
        {
            await page.GotoAsync($"/Hall/Ticket/{code}");
            await Assertions.Expect(page.Locator("[data-testid=go-to-window]")).ToContainTextAsync("A01");
        });

        // 5. The window serves the visitor by filing a 企业开办 case for them (帮办代办): the case is linked to the ticket.
        var caseNumber = "";
        var company = $"枣庄大厅帮办{DateTime.UtcNow:HHmmss}科技有限公司";
        await walk.AsAsync("window01", "05-serve", async page =>
        {
            await page.GotoAsync("/Hall/Window");
            await page.ClickAsync("button[name='Data.Do'][value=Serve]");
            await Assertions.Expect(page.Locator("[data-testid=visit-case]")).ToBeVisibleAsync();
            await page.ClickAsync("[data-testid=serve-establishment]");
            await page.WaitForURLAsync(new Regex("/Establishment/Apply$"));

            var form = page.Locator("[data-testid=establishment-form]");
            await form.Locator("[name='Data.ApplicantMobile']").FillAsync(Visitor);
            await form.Locator("[name='Data.ProposedName']").FillAsync(company);
            await form.Locator("[name='Data.Type']").SelectOptionAsync("LimitedLiability");
            await form.Locator("[name='Data.RegisteredCapital']").FillAsync("50");
            await form.Locator("[name='Data.Address']").FillAsync("山东省枣庄市市中区光明路66号");
            await form.Locator("input[name='Data.ScopeCodes'][value=catering]").CheckAsync();
            await form.Locator("[name='Data.LegalRepresentative']").FillAsync("李华");
            await form.Locator("[name='Data.LegalRepresentativeIdNumber']").FillAsync(ValidId);
            await form.Locator("[name='Data.Investors[0].Name']").FillAsync("李华");
            await form.Locator("[name='Data.Investors[0].IdentityNumber']").FillAsync(ValidId);
            await form.Locator("[name='Data.Investors[0].SharePercent']").FillAsync("100");
            await form.Locator("[name='Data.ContactName']").FillAsync("李华");
            await form.Locator("[name='Data.ContactPhone']").FillAsync(Visitor);
            await page.ClickAsync("button:has-text('提交申请')");
            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            caseNumber = (await page.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
            await Assertions.Expect(page.Locator("[data-testid=case-visit]")).ToContainTextAsync(number);
            await Assertions.Expect(page.Locator("[data-testid=case-owner]")).ToContainTextAsync("王芳");
            await Walk.ShotAsync(page, "hall-04-case");

            await page.GotoAsync("/Hall/Window");
            await Assertions.Expect(page.Locator("[data-testid=visit-case-link]")).ToHaveTextAsync(caseNumber);
            await page.ClickAsync("button[name='Data.Do'][value=Finish]");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已办结");
        });
        output.WriteLine($"办件编号：{caseNumber}");

        // 6. The visitor's case is theirs: it is in their list.
        await walk.AsAsync(Visitor, "06-mine", async page =>
        {
            await page.GotoAsync("/Cases");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(caseNumber);
        });

        // 7. The ticket page now offers the rating of the visit.
        await walk.AnonymousAsync("07-rate-link", async page =>
        {
            await page.GotoAsync($"/Hall/Ticket/{code}");
            await Assertions.Expect(page.Locator("[data-testid=ticket-state]")).ToHaveTextAsync("已办结");
            await Walk.ShotAsync(page, "hall-05-done");
            await page.ClickAsync("[data-testid=rate-visit]");
            await Assertions.Expect(page.Locator("h1 + .lead")).ToContainTextAsync(number);
            await Assertions.Expect(page.Locator("[data-testid=rating-form]")).ToBeVisibleAsync();
        });
    }

    /// <summary>The kiosk is closed on non-working days: move the portal's clock to 10:00 of the next working day if needed.</summary>
    private static async Task MoveToWorkingDayAsync(PortalProcess portal, Walk walk)
    {
        using var http = new HttpClient { BaseAddress = new Uri(portal.Url) };
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Walk.PortalZone);
        for (var day = DateOnly.FromDateTime(now.DateTime); ; day = day.AddDays(1))
        {
            var info = await http.GetFromJsonAsync<DayInfo>($"/api/calendar/day?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            if (info!.Working)
            {
                var target = new DateTime(day.ToDateTime(new TimeOnly(10, 0)).Ticks);
                if (day != DateOnly.FromDateTime(now.DateTime))
                {
                    await walk.AdvanceClockAsync(target - now.DateTime);
                }

                return;
            }
        }
    }

    private sealed record DayInfo(bool Working);
}
