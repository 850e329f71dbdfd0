namespace Portal.Workflow.Tests;

public class DiagramExportTests
{
    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void Mermaid_output_has_labelled_states_composite_superstate_and_guarded_transitions()
    {
        var mermaid = DiagramExport.ToMermaid(TestMachines.Portal().GetInfo());
        var lines = Lines(mermaid);

        Assert.Equal("stateDiagram-v2", lines[0]);
        Assert.Contains("    state \"草稿\" as Draft", lines);
        Assert.Contains("    state \"办理中\" as Processing", lines);
        Assert.Contains("    state Processing {", lines);
        Assert.Contains("        state \"已受理 (≤4个工作小时)\" as Accepted", lines);
        Assert.Contains("        state \"审核中 (≤20个工作日)\" as Reviewing", lines);
        Assert.Contains("    [*] --> Draft", lines);
        Assert.Contains("    Draft --> Submitted : 提交", lines);
        Assert.Contains("    Submitted --> Rejected : 驳回 [需要督查批准]", lines);
        Assert.Contains("    Processing --> Suspended : 中止", lines);
        Assert.True(
            Array.IndexOf(lines, "    state Processing {") < Array.IndexOf(lines, "        state \"已受理 (≤4个工作小时)\" as Accepted"),
            "substates are declared inside the composite state");
        Assert.EndsWith("\n", mermaid);
    }

    [Fact]
    public void Dot_output_has_clusters_for_superstates_and_labelled_edges()
    {
        var dot = DiagramExport.ToDot(TestMachines.Portal(S.Accepted).GetInfo());
        var lines = Lines(dot);

        Assert.Equal("digraph {", lines[0]);
        Assert.Equal("}", lines[^2]);
        Assert.Contains("    \"Draft\" [label=\"草稿\"];", lines);
        Assert.Contains("    subgraph \"cluster_Processing\" {", lines);
        Assert.Contains("        label=\"办理中\";", lines);
        Assert.Contains("        \"Accepted\" [label=\"已受理 (≤4个工作小时)\"];", lines);
        Assert.Contains("    \"__initial\" -> \"Accepted\";", lines);
        Assert.Contains("    \"Submitted\" -> \"Rejected\" [label=\"驳回 [需要督查批准]\"];", lines);
        Assert.Contains("    \"Processing\" -> \"Suspended\" [label=\"中止\", ltail=\"cluster_Processing\"];", lines);
    }

    [Fact]
    public void Exports_are_deterministic()
    {
        var first = TestMachines.Portal().GetInfo();
        var second = TestMachines.Portal().GetInfo();

        Assert.Equal(DiagramExport.ToMermaid(first), DiagramExport.ToMermaid(second));
        Assert.Equal(DiagramExport.ToMermaid(first), DiagramExport.ToMermaid(first));
        Assert.Equal(DiagramExport.ToDot(first), DiagramExport.ToDot(second));
    }

    [Fact]
    public void Exports_escape_quotes_brackets_and_separators_in_labels()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        m.DescribeState(S.Submitted, "已提交\"待审\"")
            .DescribeState(S.Rejected, "已驳回[终态]")
            .DescribeTrigger(T.Reject, "驳回; 退件");
        m.Configure(S.Submitted).PermitIf(T.Reject, S.Rejected, () => true, "需经\"督查\"批准：见{第3条}\n及 C:\\规定 #1");

        var mermaid = DiagramExport.ToMermaid(m.GetInfo());
        Assert.Contains("    state \"已提交#quot;待审#quot;\" as Submitted\n", mermaid);
        Assert.Contains("    state \"已驳回#91;终态#93;\" as Rejected\n", mermaid);
        Assert.Contains(
            "    Submitted --> Rejected : 驳回#59; 退件 [需经#quot;督查#quot;批准：见#123;第3条#125; 及 C#58;\\规定 #35;1]\n",
            mermaid);

        var dot = DiagramExport.ToDot(m.GetInfo());
        Assert.Contains("    \"Submitted\" [label=\"已提交\\\"待审\\\"\"];\n", dot);
        Assert.Contains(
            "    \"Submitted\" -> \"Rejected\" [label=\"驳回; 退件 [需经\\\"督查\\\"批准：见{第3条}\\n及 C:\\\\规定 #1]\"];\n",
            dot);
    }

    [Fact]
    public void States_without_identifier_names_get_safe_ids_and_dynamic_limits_are_labelled()
    {
        var m = new StateMachine<string, string>("待受理");
        m.Configure("待受理").Permit("受理", "办理中").WithTimeLimit(() => TimeLimit.OfficeMinutes(20), "按政策配置");
        m.Configure("办理中").Permit("办结", "end");

        var info = m.GetInfo();
        var mermaid = DiagramExport.ToMermaid(info);
        var dot = DiagramExport.ToDot(info);

        Assert.Contains("    state \"待受理 (时限：按政策配置)\" as s0\n", mermaid);
        Assert.Contains("    state \"办理中\" as s1\n", mermaid);
        Assert.Contains("    state \"end\" as s2\n", mermaid); // Mermaid keyword is not used as an id
        Assert.Contains("    s0 --> s1 : 受理\n", mermaid);
        Assert.Contains("    \"s1\" -> \"s2\" [label=\"办结\"];\n", dot);
    }
}
