using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Web.Features.Deregistration;
using Portal.Web.Common;
using Portal.Web.Features.Enterprises;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>
/// What the licence says about the enterprise's standing: the owner's licence page, the public /verify page and the
/// 单独办理 items, while a 简易注销 notice runs and after cancellation; and the electronic seal for any registered name.
/// </summary>
public sealed class LicenceStandingTests
{
    [Fact]
    public async Task A_cancelled_enterprises_licence_page_shows_a_void_licence_without_seal_qr_code_or_legal_effect()
    {
        await using var factory = new PortalFactory();
        var world = await DeregistrationWorld.CreateAsync(factory);
        using var owner = await new HttpSession(factory).SignedInAsync(world.Representative);
        var valid = await owner.GetAsync($"/Enterprises/{world.Enterprise.CreditCode}");
        Assert.Contains("具有同等法律效力", valid.Text);
        Assert.Contains("aria-label=\"电子印章\"", valid.Body);
        Assert.NotNull(valid.Html.Document.QuerySelector(".licence-side svg"));

        await factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode,
            Route = DeregistrationRoute.StruckOff,
            Reason = "连续两年未报送年度报告，依法除名。",
        });
        var page = await owner.GetAsync($"/Enterprises/{world.Enterprise.CreditCode}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var licence = page.Html.ByTestId("licence")!;
        Assert.Contains("licence-void", licence.ClassName);
        Assert.Contains("已注销", licence.TextContent);
        Assert.DoesNotContain("具有同等法律效力", page.Text);
        Assert.Null(page.Html.Document.QuerySelector(".licence-side")); // no QR code to scan as if valid
        Assert.Empty(page.Html.Document.QuerySelectorAll("svg[aria-label='电子印章'], [aria-label='电子印章'] svg"));
        Assert.Contains("电子印章已随营业执照于企业注销时失效", page.Html.TestId("electronic-seal"));
        Assert.Equal("2026年11月23日", page.Html.TestId("cancelled-on"));
        Assert.Null(page.Html.ByTestId("later-items"));
    }

    [Fact]
    public async Task Verify_says_注销公告中_while_the_simple_deregistration_notice_runs_and_valid_before_it_is_public()
    {
        await using var factory = new PortalFactory();
        var world = await DeregistrationWorld.CreateAsync(factory);
        var verify = $"/verify/{world.Enterprise.CreditCode}";
        using var visitor = new HttpSession(factory);

        var number = await world.StartSimpleAsync();
        // Applied for but not accepted: nothing public yet.
        Assert.StartsWith("有效：", (await visitor.GetAsync(verify)).TestId("verify-result"));

        await world.AcceptAsync(number);
        var during = (await visitor.GetAsync(verify)).TestId("verify-result");

        Assert.StartsWith("注销公告中：", during);
        Assert.Contains("公告期至2026年12月21日 17:00", during);
        Assert.DoesNotContain("有效：", during);

        // The owner's licence page says the same above the licence.
        using var owner = await new HttpSession(factory).SignedInAsync(world.Representative);
        Assert.StartsWith("注销公告中：", (await owner.GetAsync($"/Enterprises/{world.Enterprise.CreditCode}")).TestId("standing"));

        // After the notice, before the registration decision.
        factory.Time.SetChina(2026, 12, 22, 9);
        Assert.StartsWith("注销办理中：", (await visitor.GetAsync(verify)).TestId("verify-result"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task No_new_later_item_is_started_for_an_enterprise_in_simple_deregistration(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(world.Representative, new StartLater.Command { CreditCode = world.Enterprise.CreditCode, Item = "tax" }));
        Assert.Contains($"该企业正在办理注销（办件 {number}）", refused.Message);
        var byWindow = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(world.Window, new StartLater.Command { CreditCode = world.Enterprise.CreditCode, Item = "employment" }));
        Assert.Contains("注销办理期间不能再启动单独办理的事项", byWindow.Message);
        // Only the deregistration case itself is about the enterprise.
        Assert.Single(await factory.WithDb(db => Task.FromResult(db.Cases.Where(c => c.SubjectCode == world.Enterprise.CreditCode).ToList())));

        using var owner = await new HttpSession(factory).SignedInAsync(world.Representative);
        var page = await owner.GetAsync($"/Enterprises/{world.Enterprise.CreditCode}");
        Assert.Contains("注销办理期间不能再启动单独办理的事项", page.Html.TestId("start-refusal"));
        Assert.DoesNotContain("handler=Start", page.Body);

        // Withdrawn: the enterprise may start items again.
        await world.ActAsync(world.Representative, number, CaseTrigger.Withdraw);
        var tax = await factory.SendAs(world.Representative, new StartLater.Command { CreditCode = world.Enterprise.CreditCode, Item = "tax" });
        Assert.StartsWith("QYDB-", tax);
    }

    [Theory]
    [InlineData("枣庄测试有限公司")]
    [InlineData("枣庄鲁南测试科技有限公司")]
    [InlineData("山东省枣庄市鲁南高新技术产业开发区新能源材料测试科技研究院有限责任公司")]
    [InlineData("国家电投集团山东省枣庄市鲁南高新技术产业开发区新能源材料与智能装备测试科技研究开发中心有限责任公司")]
    public void The_seal_fits_every_character_of_the_name_on_its_ring(string name)
    {
        var svg = XElement.Parse(Licence.SealSvg(name, "91370402MA0000015R"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var path = svg.Descendants(ns + "path").Single(p => (string?)p.Attribute("id") == "seal-arc");
        var text = svg.Descendants(ns + "textPath").Single();
        var fontSize = double.Parse((string)text.Parent!.Attribute("font-size")!, CultureInfo.InvariantCulture);
        var textLength = double.Parse((string)text.Attribute("textLength")!, CultureInfo.InvariantCulture);

        Assert.Equal(name, text.Value);
        var (radius, sweep) = Arc((string)path.Attribute("d")!);
        var arcLength = radius * sweep;
        // The whole name lies on the arc, and every glyph (1 em wide for Chinese) has room: nothing is cut off.
        Assert.True(textLength <= arcLength + 0.01, $"{name}: text {textLength:0.0} longer than the arc {arcLength:0.0}");
        Assert.True(name.Length * fontSize <= textLength + 0.01, $"{name}: {name.Length} glyphs of {fontSize:0.0} do not fit {textLength:0.0}");
        Assert.Equal("spacing", (string?)text.Attribute("lengthAdjust"));
        Assert.Equal("50%", (string?)text.Attribute("startOffset"));
        // Inside the ring (radius 92, stroke 6): the glyphs stand on the arc and reach at most radius + 1 em outward.
        Assert.True(radius + fontSize <= 89, $"{name}: glyphs reach {radius + fontSize:0.0}, past the ring's inner edge");
        Assert.True(fontSize >= 4, $"{name}: font size {fontSize:0.0}");
    }

    [Fact]
    public void The_seal_fits_a_name_as_long_as_the_name_column()
    {
        var name = string.Concat(Enumerable.Repeat("枣庄鲁南测试科技", 13))[..100];
        The_seal_fits_every_character_of_the_name_on_its_ring(name);
    }

    /// <summary>Radius and swept angle (radians) of the seal's text arc "M x y A r r 0 large 1 x y".</summary>
    private static (double Radius, double Sweep) Arc(string d)
    {
        var parts = d.Replace("M", " ").Replace("A", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var (x1, y1, r, large, x2, y2) = (parts[0], parts[1], parts[2], parts[5], parts[7], parts[8]);
        var chord = Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
        var small = 2 * Math.Asin(Math.Min(1, chord / (2 * r)));
        return (r, large == 1 ? (2 * Math.PI) - small : small);
    }
}
