using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// The hall's call board in Chromium: the last calls listed newest first, the newest one large and marked, a new call
/// flashing and announced by voice (语音叫号) with a Chinese voice once the screen's operator switched it on. The
/// browser's speech synthesis is replaced in the page by a stand-in (an init script) that records what would be said
/// and in which language, and that offers the voices a test chooses: a zh-CN voice, only an English one, or none at all.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CallBoardTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string ChineseVoices = "[{ name: '中文女声', lang: 'zh-CN', default: true, localService: true, voiceURI: 'zh' }, { name: 'English', lang: 'en-US', default: false, localService: true, voiceURI: 'en' }]";

    private const string EnglishOnly = "[{ name: 'English', lang: 'en-US', default: true, localService: true, voiceURI: 'en' }]";

    /// <summary>Replaces window.speechSynthesis (and SpeechSynthesisUtterance) with a recorder offering <paramref name="voices"/> (a JS array, or "null" for a browser that cannot speak).</summary>
    private static string SpeechStub(string voices) => $$"""
        (() => {
          window.__spoken = [];
          const voices = {{voices}};
          if (voices === null) {
            Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });
            return;
          }
          const synth = {
            getVoices: () => voices,
            speak: u => window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null }),
            cancel: () => {},
            addEventListener: () => {},
            removeEventListener: () => {},
          };
          Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
          window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; };
        })();
        """;

    private sealed record Spoken(string Text, string Lang, string? Voice);

    private async Task<IPage> BoardAsync(string baseUrl, string voices)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        await context.AddInitScriptAsync(SpeechStub(voices));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Hall/Board");
        return page;
    }

    [Fact]
    public async Task The_board_lists_the_last_calls_marks_the_newest_and_announces_each_in_chinese()
    {
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string> { ["Portal__TestClock"] = "true" });
        var walk = new Walk(fixture, portal, output, "board");
        await MoveToWorkingDayAsync(portal, walk);

        // Three visitors take numbers at the kiosk.
        var ours = new List<string>();
        await walk.AnonymousAsync("01-kiosk", async page =>
        {
            for (var i = 0; i < 3; i++)
            {
                await page.GotoAsync("/Hall");
                await page.ClickAsync("[data-category=establishment]");
                await page.WaitForURLAsync(new Regex(@"/Hall/Ticket/[0-9a-f]+$"));
                ours.Add((await page.Locator("[data-testid=ticket-number]").InnerTextAsync()).Trim());
            }
        });

        var board = await BoardAsync(portal.Url, ChineseVoices);
        try
        {
            // Before it is switched on, the board says that calls are not spoken.
            var status = board.Locator("[data-testid=voice-status]");
            var toggle = board.Locator("[data-testid=voice-toggle]");
            await Assertions.Expect(status).ToContainTextAsync("语音播报未开启");
            await Assertions.Expect(toggle).ToBeVisibleAsync();
            await Assertions.Expect(toggle).ToHaveTextAsync("开启语音播报");
            await toggle.ClickAsync();
            await Assertions.Expect(status).ToHaveTextAsync("语音播报已开启。");
            await Assertions.Expect(toggle).ToHaveTextAsync("关闭语音播报");

            // Window A01 calls the next number until all three of ours were called (those ahead become 过号), waiting
            // for the board to show each call before the next.
            var called = new List<string>();
            await walk.AsAsync("window01", "02-call", async window =>
            {
                await window.GotoAsync("/Hall/Window");
                while (!ours.All(called.Contains))
                {
                    await window.ClickAsync("[data-testid=call-next]");
                    var current = window.Locator("[data-testid=window-current]");
                    await Assertions.Expect(current).ToContainTextAsync("已叫号");
                    var number = Regex.Match(await current.InnerTextAsync(), "[A-D][0-9]{3}").Value;
                    called.Add(number);
                    await Assertions.Expect(board.Locator("[data-testid=board-latest]")).ToHaveTextAsync($"请 {number} 号到 A01 号窗口办理", new() { Timeout = 3000 });
                    await Assertions.Expect(board.Locator("#calls tr.newest")).ToHaveAttributeAsync("data-number", number);
                    await Assertions.Expect(board.Locator("#calls tr.newest")).ToHaveClassAsync(new Regex(@"\bfresh\b"));
                    await window.ClickAsync("button[name='Data.Do'][value=NoShow]");
                    await Assertions.Expect(window.Locator("[data-testid=call-next]")).ToBeVisibleAsync();
                    // No longer called: the board no longer sends anyone there, it says what became of the number.
                    await Assertions.Expect(board.Locator("[data-testid=board-latest]")).ToHaveTextAsync($"{number} 号 · A01 号窗口 · 已过号", new() { Timeout = 3000 });
                }
            });
            output.WriteLine("叫号：" + string.Join("、", called));

            // The last calls are listed, newest first (up to eight), each with its window and state; only the newest is marked.
            var expected = called.AsEnumerable().Reverse().Take(8).ToList();
            await Assertions.Expect(board.Locator("#calls tr")).ToHaveCountAsync(expected.Count, new() { Timeout = 3000 });
            var rows = await board.Locator("#calls tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.number)");
            Assert.Equal(expected, rows);
            Assert.Equal(1, await board.Locator("#calls tr.newest").CountAsync());
            await Assertions.Expect(board.Locator("#calls tr").Nth(1)).ToContainTextAsync("已过号");
            await Assertions.Expect(board.Locator("#calls tr").Nth(1)).ToContainTextAsync("A01 号窗口");
            await Walk.ShotAsync(board, "board-01-calls");

            // Every call was said once, in order, in Chinese, with the Chinese voice.
            var spoken = await SpokenAsync(board);
            Assert.Equal(new Spoken("语音播报已开启", "zh-CN", "中文女声"), spoken[0]);
            Assert.Equal(called.Select(n => new Spoken($"请 {n} 号到 A01 号窗口办理", "zh-CN", "中文女声")), spoken.Skip(1));
        }
        finally
        {
            await board.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_screen_without_a_chinese_voice_says_so_and_offers_no_voice()
    {
        var board = await BoardAsync(fixture.Portal.Url, EnglishOnly);
        try
        {
            await Assertions.Expect(board.Locator("[data-testid=voice-status]")).ToHaveTextAsync("本屏幕没有中文语音，无法语音播报，请留意屏幕显示的号码。");
            await Assertions.Expect(board.Locator("[data-testid=voice-toggle]")).ToBeHiddenAsync();
            Assert.Empty(await SpokenAsync(board));
            await Walk.ShotAsync(board, "board-02-no-chinese-voice");
        }
        finally
        {
            await board.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_screen_with_no_voice_at_all_says_so_after_looking_for_one()
    {
        var board = await BoardAsync(fixture.Portal.Url, "[]");
        try
        {
            await Assertions.Expect(board.Locator("[data-testid=voice-status]")).ToHaveTextAsync("本屏幕没有中文语音，无法语音播报，请留意屏幕显示的号码。", new() { Timeout = 6000 });
            await Assertions.Expect(board.Locator("[data-testid=voice-toggle]")).ToBeHiddenAsync();
        }
        finally
        {
            await board.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_browser_that_cannot_speak_says_so()
    {
        var board = await BoardAsync(fixture.Portal.Url, "null");
        try
        {
            await Assertions.Expect(board.Locator("[data-testid=voice-status]")).ToHaveTextAsync("本屏幕的浏览器不支持语音播报，请留意屏幕显示的号码。");
            await Assertions.Expect(board.Locator("[data-testid=voice-toggle]")).ToBeHiddenAsync();
        }
        finally
        {
            await board.Context.CloseAsync();
        }
    }

    private static async Task<List<Spoken>> SpokenAsync(IPage board)
    {
        var json = await board.EvaluateAsync<string>("() => JSON.stringify(window.__spoken || [])");
        return JsonSerializer.Deserialize<List<Spoken>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
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
                if (day != DateOnly.FromDateTime(now.DateTime))
                {
                    await walk.AdvanceClockAsync(day.ToDateTime(new TimeOnly(10, 0)) - now.DateTime);
                }

                return;
            }
        }
    }

    private sealed record DayInfo(bool Working);
}
