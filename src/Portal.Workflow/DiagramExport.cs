using System.Globalization;
using System.Text;

namespace Portal.Workflow;

/// <summary>
/// Renders a <see cref="StateMachineInfo"/> as Mermaid (<c>stateDiagram-v2</c>) or Graphviz DOT text.
/// Output is deterministic: it only depends on the order of states and transitions in the info.
/// </summary>
public static class DiagramExport
{
    private const string Indent = "    ";

    private static readonly HashSet<string> MermaidKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "state", "note", "end", "direction", "class", "classDef", "style", "as", "left", "right", "of", "click", "graph", "flowchart",
    };

    /// <summary>
    /// Mermaid <c>stateDiagram-v2</c> text: states by label with a safe ASCII id, superstates as
    /// composite states, time limits in the state label ("已受理 (≤4个工作小时)") and transitions as
    /// <c>A --&gt; B : 触发器 [守卫]</c>.
    /// </summary>
    public static string ToMermaid(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var ids = AssignIds(info);
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");

        foreach (var state in info.States)
        {
            if (state.Superstate is null)
            {
                WriteMermaidState(sb, state, ids, 1);
            }
        }

        sb.Append(Indent).Append("[*] --> ").Append(ids[info.InitialState]).Append('\n');

        foreach (var state in info.States)
        {
            foreach (var t in state.FixedTransitions)
            {
                sb.Append(Indent).Append(ids[state]).Append(" --> ").Append(ids[t.Destination])
                    .Append(" : ").Append(MermaidText(t.TriggerLabel));
                if (t.GuardDescriptions.Count > 0)
                {
                    sb.Append(" [").Append(MermaidText(string.Join("；", t.GuardDescriptions))).Append(']');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Graphviz <c>digraph { ... }</c> text: one node per state (labelled, with time limit), a
    /// <c>cluster_</c> subgraph per superstate, and labelled edges <c>触发器 [守卫]</c>.
    /// </summary>
    public static string ToDot(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var ids = AssignIds(info);
        var sb = new StringBuilder();
        sb.Append("digraph {\n");
        sb.Append(Indent).Append("compound=true;\n");
        sb.Append(Indent).Append("rankdir=LR;\n");
        sb.Append(Indent).Append("node [shape=box, style=rounded];\n");

        foreach (var state in info.States)
        {
            if (state.Superstate is null)
            {
                WriteDotState(sb, state, ids, 1);
            }
        }

        sb.Append(Indent).Append("\"__initial\" [shape=point, label=\"\"];\n");
        sb.Append(Indent).Append("\"__initial\" -> ").Append(DotString(ids[info.InitialState]));
        if (info.InitialState.Substates.Count > 0)
        {
            sb.Append(" [lhead=").Append(DotString("cluster_" + ids[info.InitialState])).Append(']');
        }

        sb.Append(";\n");

        foreach (var state in info.States)
        {
            foreach (var t in state.FixedTransitions)
            {
                var label = t.TriggerLabel;
                if (t.GuardDescriptions.Count > 0)
                {
                    label += " [" + string.Join("；", t.GuardDescriptions) + "]";
                }

                sb.Append(Indent).Append(DotString(ids[state])).Append(" -> ").Append(DotString(ids[t.Destination]))
                    .Append(" [label=").Append(DotString(label));
                if (state.Substates.Count > 0 && !IsAncestorOrSelf(state, t.Destination))
                {
                    sb.Append(", ltail=").Append(DotString("cluster_" + ids[state]));
                }

                if (t.Destination.Substates.Count > 0 && !IsAncestorOrSelf(t.Destination, state))
                {
                    sb.Append(", lhead=").Append(DotString("cluster_" + ids[t.Destination]));
                }

                sb.Append("];\n");
            }
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>The label used in diagrams: the state label plus its time limit, e.g. "已受理 (≤4个工作小时)".</summary>
    public static string StateDisplayLabel(StateInfo state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.TimeLimitDescription is null)
        {
            return state.Label;
        }

        return state.HasDynamicTimeLimit
            ? state.Label + " (时限：" + state.TimeLimitDescription + ")"
            : state.Label + " (≤" + state.TimeLimitDescription + ")";
    }

    /// <summary>Escapes text for a Mermaid label using entity codes (quotes, brackets, braces, ';', ':', '#', '&lt;', '&gt;'; line breaks become spaces).</summary>
    public static string MermaidText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '#': sb.Append("#35;"); break;
                case '"': sb.Append("#quot;"); break;
                case ';': sb.Append("#59;"); break;
                case ':': sb.Append("#58;"); break;
                case '[': sb.Append("#91;"); break;
                case ']': sb.Append("#93;"); break;
                case '{': sb.Append("#123;"); break;
                case '}': sb.Append("#125;"); break;
                case '<': sb.Append("#lt;"); break;
                case '>': sb.Append("#gt;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A double-quoted DOT string with backslashes, quotes and line breaks escaped.</summary>
    public static string DotString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    private static void WriteMermaidState(StringBuilder sb, StateInfo state, Dictionary<StateInfo, string> ids, int depth)
    {
        AppendIndent(sb, depth).Append("state \"").Append(MermaidText(StateDisplayLabel(state))).Append("\" as ").Append(ids[state]).Append('\n');
        if (state.Substates.Count == 0)
        {
            return;
        }

        AppendIndent(sb, depth).Append("state ").Append(ids[state]).Append(" {\n");
        foreach (var sub in state.Substates)
        {
            WriteMermaidState(sb, sub, ids, depth + 1);
        }

        AppendIndent(sb, depth).Append("}\n");
    }

    private static void WriteDotState(StringBuilder sb, StateInfo state, Dictionary<StateInfo, string> ids, int depth)
    {
        if (state.Substates.Count == 0)
        {
            AppendIndent(sb, depth).Append(DotString(ids[state])).Append(" [label=").Append(DotString(StateDisplayLabel(state))).Append("];\n");
            return;
        }

        AppendIndent(sb, depth).Append("subgraph ").Append(DotString("cluster_" + ids[state])).Append(" {\n");
        AppendIndent(sb, depth + 1).Append("label=").Append(DotString(StateDisplayLabel(state))).Append(";\n");
        AppendIndent(sb, depth + 1).Append(DotString(ids[state])).Append(" [shape=point, label=\"\"];\n");
        foreach (var sub in state.Substates)
        {
            WriteDotState(sb, sub, ids, depth + 1);
        }

        AppendIndent(sb, depth).Append("}\n");
    }

    private static StringBuilder AppendIndent(StringBuilder sb, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            sb.Append(Indent);
        }

        return sb;
    }

    private static bool IsAncestorOrSelf(StateInfo ancestor, StateInfo state)
    {
        for (var s = state; s is not null; s = s.Superstate)
        {
            if (ReferenceEquals(s, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Safe ASCII ids from the states' values (e.g. enum names); falls back to "s{index}" for values
    /// that are empty, non-ASCII, start with a digit, are keywords or collide.
    /// </summary>
    private static Dictionary<StateInfo, string> AssignIds(StateMachineInfo info)
    {
        var ids = new Dictionary<StateInfo, string>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(StringComparer.Ordinal) { "__initial" };
        for (var i = 0; i < info.States.Count; i++)
        {
            var state = info.States[i];
            var candidate = Sanitize(state.UnderlyingState.ToString());
            if (candidate is null || MermaidKeywords.Contains(candidate) || !used.Add(candidate))
            {
                var n = i;
                do
                {
                    candidate = "s" + n.ToString(CultureInfo.InvariantCulture);
                    n += info.States.Count;
                }
                while (!used.Add(candidate));
            }

            ids.Add(state, candidate);
        }

        return ids;
    }

    private static string? Sanitize(string? value)
    {
        if (string.IsNullOrEmpty(value) || char.IsAsciiDigit(value[0]))
        {
            return null;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return null;
            }
        }

        return value;
    }
}
