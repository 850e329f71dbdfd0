namespace Portal.E2E;

[Collection(PortalCollection.Name)]
public sealed class HeaderTests(PortalFixture fixture)
{
    /// <summary>
    /// At 1280 px the signed-in header keeps each of its rows on one line for every role: the brand with the person's
    /// bar, the public services, and the person's own work (the supervisor has the most links).
    /// </summary>
    [Theory]
    [InlineData("13800000001")]
    [InlineData("window01")]
    [InlineData("supervisor")]
    [InlineData("review-power")]
    public async Task The_signed_in_header_does_not_wrap_at_1280_px(string account)
    {
        var page = await fixture.SignInAsync(account);
        foreach (var row in new[] { "header .main-nav", "header .role-nav .wrap", "header .user-bar" })
        {
            // One line: every item's box overlaps every other's vertically (items of different heights are centred,
            // so their tops differ; an item on a second line starts below the bottom of one on the first).
            var boxes = await page.EvaluateAsync<double[][]>(
                "sel => [...document.querySelector(sel).children].map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; })", row);
            Assert.NotEmpty(boxes);
            var lowestTop = boxes.Max(b => b[0]);
            var highestBottom = boxes.Min(b => b[1]);
            Assert.True(lowestTop < highestBottom, $"{account}: {row} wraps at 1280 px (an item starts at {lowestTop:0} below another ending at {highestBottom:0})");
        }

        await page.Context.CloseAsync();
    }
}
