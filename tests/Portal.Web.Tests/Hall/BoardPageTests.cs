using System.Net;
using System.Text.Json;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>The call board as served: works without script (the calls as loaded), with its script and style from files.</summary>
public sealed class BoardPageTests
{
    [Fact]
    public async Task The_board_shows_the_newest_call_large_and_the_last_calls_with_the_newest_marked()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var a01 = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await factory.TakeAsync();
        await factory.CallNextAsync(a01);
        await factory.ActAsync(a01, WindowAct.Action.Serve);
        await factory.ActAsync(a01, WindowAct.Action.Finish);
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await factory.CallNextAsync(a01);
        using var screen = new HttpSession(factory);

        var page = await screen.GetAsync("/Hall/Board");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("请 A002 号到 A01 号窗口办理", page.TestId("board-latest"));
        var rows = page.Html.Document.QuerySelectorAll("#calls tr");
        Assert.Equal(["A002", "A001"], rows.Select(r => r.GetAttribute("data-number")));
        Assert.Equal("newest", rows[0].GetAttribute("class"));
        Assert.Null(rows[1].GetAttribute("class"));
        Assert.Contains("已办结", rows[1].TextContent);
        Assert.NotNull(page.Html.ByTestId("voice-toggle"));
        Assert.Contains("语音播报", page.TestId("voice-status"));

        // No inline script or style (a Content-Security-Policy without 'unsafe-inline' keeps working).
        var scripts = page.Html.Document.QuerySelectorAll("script");
        Assert.All(scripts, s => Assert.True(string.IsNullOrWhiteSpace(s.TextContent), "inline script"));
        Assert.Contains(scripts, s => (s.GetAttribute("src") ?? "").StartsWith("/js/board.js", StringComparison.Ordinal));
        Assert.Empty(page.Html.Document.QuerySelectorAll("style, [style]"));
        Assert.Contains(page.Html.Document.QuerySelectorAll("link[rel=stylesheet]"), l => (l.GetAttribute("href") ?? "").StartsWith("/css/board.css", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync("/css/board.css")).Status);
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync("/js/board.js")).Status);

        var api = await screen.GetAsync("/api/hall/board");
        using var json = JsonDocument.Parse(api.Body);
        var newest = json.RootElement.GetProperty("calls")[0];
        Assert.Equal("请 A002 号到 A01 号窗口办理", newest.GetProperty("announcement").GetString());
        Assert.Equal("请到窗口", newest.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(newest.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task An_empty_board_says_no_number_was_called()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        using var screen = new HttpSession(factory);

        var page = await screen.GetAsync("/Hall/Board");

        Assert.Equal("暂无叫号", page.TestId("board-latest"));
        Assert.Empty(page.Html.Document.QuerySelectorAll("#calls tr"));
    }
}
