using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// BUG: at phone width (390 px) the SVG charts of /Ratings (and of /Dashboard, which draws them the same way) were wider
/// than their cards (a fixed minimum width of 560 px). They now scale to the card (viewBox + width 100%) and keep their
/// text readable.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ChartsOnPhoneTests(PortalFixture fixture, ITestOutputHelper output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Each chart: its right edge and its card's, the card's scroll and client widths, and the smallest text drawn (px).</summary>
    private const string Measure = """
        () => JSON.stringify(Array.from(document.querySelectorAll('figure.chart')).map(card => {
          const svg = card.querySelector('svg.bar-chart');
          const texts = Array.from(svg.querySelectorAll('text'));
          const smallest = Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a));
          const labelsInside = texts.every(t => { const b = t.getBoundingClientRect(); const s = svg.getBoundingClientRect(); return b.left >= s.left - 0.5 && b.right <= s.right + 0.5; });
          return {
            id: svg.dataset.testid,
            svgRight: svg.getBoundingClientRect().right,
            cardRight: card.getBoundingClientRect().right,
            scrollWidth: card.scrollWidth,
            clientWidth: card.clientWidth,
            smallest,
            labelsInside,
          };
        }))
        """;

    private static async Task<Chart[]> MeasureAsync(IPage page) =>
        JsonSerializer.Deserialize<Chart[]>(await page.EvaluateAsync<string>(Measure), new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    private sealed record Chart(string Id, double SvgRight, double CardRight, int ScrollWidth, int ClientWidth, double Smallest, bool LabelsInside);

    private async Task AssertChartsFitAsync(IPage page, string shot)
    {
        var charts = await MeasureAsync(page);
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            output.WriteLine($"{chart.Id}: svg right {chart.SvgRight:0.0}, card right {chart.CardRight:0.0}, scroll {chart.ScrollWidth}/{chart.ClientWidth}, smallest text {chart.Smallest:0.0}px");
            Assert.True(chart.SvgRight <= chart.CardRight, $"{chart.Id} ends at {chart.SvgRight:0.0}px, past its card ({chart.CardRight:0.0}px)");
            Assert.True(chart.ScrollWidth <= chart.ClientWidth, $"{chart.Id}'s card scrolls sideways ({chart.ScrollWidth} > {chart.ClientWidth})");
            Assert.True(chart.Smallest >= 11, $"{chart.Id}'s text is drawn at {chart.Smallest:0.0}px");
            Assert.True(chart.LabelsInside, $"{chart.Id} has text cut at its edges");
        }

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Phone.Width, $"the page is {width}px wide on a {Phone.Width}px phone");
        await page.Locator("figure.chart").First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(shot) });
    }

    [Fact]
    public async Task The_rating_charts_fit_their_cards_on_a_phone()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url, Locale = "zh-CN", ViewportSize = Phone });
        try
        {
            var page = await context.NewPageAsync();
            // The demo's ratings are given at start-up: this month's page has them.
            await page.GotoAsync("/Ratings");
            await AssertChartsFitAsync(page, "phone-ratings-charts");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_dashboard_charts_fit_their_cards_on_a_phone()
    {
        var page = await fixture.SignInAsync("supervisor", Phone);
        try
        {
            await page.GotoAsync("/Dashboard");
            var charts = await MeasureAsync(page);
            foreach (var chart in charts)
            {
                output.WriteLine($"{chart.Id}: svg right {chart.SvgRight:0.0}, card right {chart.CardRight:0.0}, smallest text {chart.Smallest:0.0}px");
                Assert.True(chart.SvgRight <= chart.CardRight, $"{chart.Id} ends at {chart.SvgRight:0.0}px, past its card ({chart.CardRight:0.0}px)");
                Assert.True(chart.ScrollWidth <= chart.ClientWidth, $"{chart.Id}'s card scrolls sideways");
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("phone-dashboard-charts"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
