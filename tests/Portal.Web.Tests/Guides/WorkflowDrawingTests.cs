using System.Net;
using AngleSharp.Dom;
using Portal.Domain.Connections;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Guides;

/// <summary>
/// Every service guide page draws each of its workflows as inline SVG (accessible, no script; well-formed XML is
/// checked where it is made, WorkflowSvgTests) above the text list, with one box per listed state, its label and its
/// limit. The page is read with AngleSharp (<see cref="PortalHtml"/>), as a browser parses it.
/// </summary>
public sealed class WorkflowDrawingTests
{
    public static TheoryData<string> Guides => new(
        ["/Establishment", "/Deregistration/Simple", "/Deregistration/Ordinary", "/Connection", .. Utilities.All.Select(u => $"/Connection/{u}"), "/Ratings"]);

    [Theory]
    [MemberData(nameof(Guides))]
    public async Task Each_guide_draws_every_workflow_it_lists(string guide)
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        using var visitor = new HttpSession(factory);

        var page = await visitor.GetAsync(guide);

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        var figures = Figures(page);
        Assert.NotEmpty(figures);
        foreach (var figure in figures)
        {
            var svg = figure.QuerySelector("svg");
            Assert.NotNull(svg);
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.EndsWith("（状态图）", svg.GetAttribute("aria-label"));
            Assert.NotEmpty(Child(svg, "title")!.TextContent);
            Assert.NotEmpty(Child(svg, "desc")!.TextContent);
            Assert.Empty(svg.QuerySelectorAll("script"));

            var boxes = svg.QuerySelectorAll("g[data-state]")
                .ToDictionary(g => Words(Children(g, "text").Single(t => t.GetAttribute("class") == "wf-label")),
                              g => Children(g, "text").SingleOrDefault(t => t.GetAttribute("class") == "wf-limit") is { } l ? Words(l) : null);
            var listed = figure.QuerySelectorAll("div.flow-box")
                .Select(box => (Label: Child(box, "strong")!.TextContent.Trim(), Limit: box.Children.FirstOrDefault(c => c.LocalName == "span" && c.ClassList.Contains("flow-limit"))?.TextContent.Trim()))
                .ToList();
            Assert.Equal(listed.Select(s => s.Label).Order(), boxes.Keys.Order());
            foreach (var (label, limit) in listed)
            {
                Assert.Equal(limit, boxes[label]);
            }
        }
    }

    /// <summary>
    /// Every machine is drawn on the guide where the public reads about it (issue 14 part 1): the 差评 follow-up on 好差评,
    /// 依职权注销 on both 注销 guides, beside each route's own.
    /// </summary>
    [Theory]
    [InlineData("/Ratings", "差评处理（回访 → 核实 → 整改 → 反馈 → 复核）", "待回访")]
    [InlineData("/Deregistration/Simple", "依职权注销（代位注销、除名）流程", "办结")]
    [InlineData("/Deregistration/Ordinary", "依职权注销（代位注销、除名）流程", "办结")]
    [InlineData("/Deregistration/Simple", "简易注销流程", "公示期（可提出异议）")]
    [InlineData("/Deregistration/Ordinary", "普通注销流程", "债权申报期")]
    public async Task Each_workflow_is_drawn_on_its_guide(string guide, string title, string state)
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        using var visitor = new HttpSession(factory);

        var page = await visitor.GetAsync(guide);

        var figure = Figures(page).SingleOrDefault(f => f.QuerySelector("figcaption strong")?.TextContent == title);
        Assert.True(figure is not null, $"{guide} draws no “{title}”: {string.Join("、", Figures(page).Select(f => f.QuerySelector("figcaption strong")?.TextContent))}");
        Assert.Contains(state, figure.QuerySelectorAll("g[data-state]").Select(g => Words(Children(g, "text").Single(t => t.GetAttribute("class") == "wf-label"))));
    }

    private static IReadOnlyList<IElement> Figures(HttpPage page) =>
        page.Html.Document.QuerySelectorAll("figure.diagram[data-testid=workflow-diagram]").ToList();

    private static IEnumerable<IElement> Children(IElement parent, string name) => parent.Children.Where(c => c.LocalName == name);

    private static IElement? Child(IElement parent, string name) => Children(parent, name).FirstOrDefault();

    private static string Words(IElement text) => string.Concat(text.QuerySelectorAll("tspan").Select(t => t.TextContent));
}
