using System.Xml.Linq;

namespace Portal.Workflow.Tests;

/// <summary>The drawn diagram: well-formed, accessible, one box per reachable state with its label and limit, labelled arrows.</summary>
public class WorkflowSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string? Limit(WorkflowState s) => s.Limit?.ToString() ?? (s.IsFinal ? null : "不计时限");

    private static XElement Draw(WorkflowDescription d, string title = "许可流程") => XElement.Parse(WorkflowSvg.Render(d, title, Limit));

    private static string Text(XElement e) => string.Concat(e.Descendants(Svg + "tspan").Select(t => t.Value));

    [Fact]
    public void The_drawing_is_well_formed_svg_with_a_title_a_description_and_an_accessible_name()
    {
        var svg = Draw(new Permit().Machine().Describe());

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("许可流程（状态图）", (string?)svg.Attribute("aria-label"));
        Assert.Equal("许可流程", svg.Element(Svg + "title")!.Value);
        var desc = svg.Element(Svg + "desc")!;
        Assert.Equal((string?)svg.Attribute("aria-describedby"), (string?)desc.Attribute("id"));
        Assert.StartsWith("起点：待受理。", desc.Value);
        Assert.Contains("办理中（时限：5个工作日）：不予许可→不予许可；退回补正→已退回；批准→已批准。", desc.Value);
        Assert.Contains("已批准，终态。", desc.Value);
        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.DoesNotContain(svg.DescendantsAndSelf().Attributes(), a => a.Name.LocalName == "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_reachable_state_is_one_box_with_its_label_and_limit_and_final_states_are_marked()
    {
        var d = new Permit().Machine().Describe();
        var boxes = Draw(d).Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains("wf-state") == true).ToList();

        Assert.Equal(d.States.Select(s => s.Key), boxes.Select(b => (string?)b.Attribute("data-state")));
        foreach (var (state, box) in d.States.Zip(boxes))
        {
            var label = box.Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "wf-label");
            Assert.Equal(state.Label, Text(label));
            var limit = box.Elements(Svg + "text").SingleOrDefault(t => (string?)t.Attribute("class") == "wf-limit");
            Assert.Equal(Limit(state) is { } l ? "时限：" + l : null, limit is null ? null : Text(limit));
            Assert.Equal(state.IsFinal, ((string)box.Attribute("class")!).Contains("wf-final"));
        }

        Assert.Single(Draw(d).Descendants(Svg + "circle"), c => (string?)c.Attribute("class") == "wf-start");
    }

    [Fact]
    public void Each_arrow_is_labelled_with_its_actions_and_returns_are_drawn_dashed()
    {
        var svg = Draw(new Permit().Machine().Describe());

        var labels = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "wf-action").Select(Text).ToList();
        Assert.Equal(["受理", "不予许可", "退回补正", "批准", "重新提交"], labels);
        var edges = svg.Descendants(Svg + "path").Where(p => ((string?)p.Attribute("class"))?.StartsWith("wf-edge", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(5, edges.Count);
        Assert.Single(edges, e => (string?)e.Attribute("class") == "wf-edge wf-back"); // 重新提交 goes back up to 办理中
    }

    [Fact]
    public void Actions_leading_to_the_same_state_share_one_arrow()
    {
        var state = PermitState.Submitted;
        var m = new WorkflowMachine<PermitState, PermitAction>(() => state, s => state = s, Permit.Label, Permit.Label);
        m.Configure(PermitState.Submitted)
            .PermitIf(PermitAction.Accept, PermitState.Processing, (() => true, "窗口受理"))
            .PermitIf(PermitAction.Resubmit, PermitState.Processing, (() => true, "重新提交"));

        var labels = Draw(m.Describe()).Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "wf-action").Select(Text).ToList();

        Assert.Equal(["受理／重新提交"], labels);
    }

    [Fact]
    public void Hostile_text_is_escaped()
    {
        var state = PermitState.Submitted;
        var m = new WorkflowMachine<PermitState, PermitAction>(() => state, s => state = s, s => s == PermitState.Submitted ? "<script>&\"'" : "办理中", _ => "a<b>&");
        m.Configure(PermitState.Submitted).PermitIf(PermitAction.Accept, PermitState.Processing, (() => true, "x"));

        var svg = Draw(m.Describe(), "标题<&>");

        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal("标题<&>", svg.Element(Svg + "title")!.Value);
        var box = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-state") == "Submitted");
        Assert.Equal("<script>&\"'", Text(box.Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "wf-label")));
        Assert.Equal("a<b>&", Text(svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "wf-action")));
    }

    [Fact]
    public void The_same_description_draws_the_same_text_and_long_labels_wrap()
    {
        var d = new Permit().Machine().Describe();

        Assert.Equal(WorkflowSvg.Render(d, "许可流程", Limit), WorkflowSvg.Render(d, "许可流程", Limit));
        Assert.Equal(["拟不予受理（待督", "查审批）"], WorkflowSvg.Wrap("拟不予受理（待督查审批）", 8));
        Assert.Equal(["一二三四五六七八", "九。"], WorkflowSvg.Wrap("一二三四五六七八九。", 8));
        Assert.Equal(["一二三四五六七八。"], WorkflowSvg.Wrap("一二三四五六七八。", 8));
    }
}
