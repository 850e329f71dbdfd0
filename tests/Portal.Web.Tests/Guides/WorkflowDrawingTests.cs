using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Domain.Connections;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Guides;

/// <summary>
/// Every service guide page draws each of its workflows as inline SVG (well-formed, accessible, no script) above the
/// text list, with one box per listed state, its label and its limit.
/// </summary>
public sealed partial class WorkflowDrawingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Guides => new(
        ["/Establishment", "/Deregistration/Simple", "/Deregistration/Ordinary", "/Connection", .. Utilities.All.Select(u => $"/Connection/{u}")]);

    [Theory]
    [MemberData(nameof(Guides))]
    public async Task Each_guide_draws_every_workflow_it_lists(string guide)
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        using var visitor = new HttpSession(factory);

        var page = await visitor.GetAsync(guide);

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        var figures = Figure().Matches(page.Body).Select(m => m.Value).ToList();
        Assert.NotEmpty(figures);
        foreach (var figure in figures)
        {
            var svg = XElement.Parse(Drawing().Match(figure).Value);
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.EndsWith("（状态图）", (string?)svg.Attribute("aria-label"));
            Assert.NotEmpty(svg.Element(Svg + "title")!.Value);
            Assert.NotEmpty(svg.Element(Svg + "desc")!.Value);
            Assert.Empty(svg.Descendants(Svg + "script"));

            var boxes = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-state") is not null)
                .ToDictionary(g => Words(g.Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "wf-label")),
                              g => g.Elements(Svg + "text").SingleOrDefault(t => (string?)t.Attribute("class") == "wf-limit") is { } l ? Words(l) : null);
            var listed = ListedState().Matches(figure).Select(m => (Label: WebUtility.HtmlDecode(m.Groups["label"].Value).Trim(), Limit: m.Groups["limit"].Success ? WebUtility.HtmlDecode(m.Groups["limit"].Value).Trim() : null)).ToList();
            Assert.Equal(listed.Select(s => s.Label).Order(), boxes.Keys.Order());
            foreach (var (label, limit) in listed)
            {
                Assert.Equal(limit, boxes[label]);
            }
        }
    }

    private static string Words(XElement text) => string.Concat(text.Descendants(Svg + "tspan").Select(t => t.Value));

    [GeneratedRegex("""<figure class="diagram" data-testid="workflow-diagram">.*?</figure>""", RegexOptions.Singleline)]
    private static partial Regex Figure();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Drawing();

    [GeneratedRegex("""<div class="flow-box">\s*<strong>(?<label>[^<]*)</strong>\s*(?:<span class="flow-limit">(?<limit>[^<]*)</span>)?""")]
    private static partial Regex ListedState();
}
