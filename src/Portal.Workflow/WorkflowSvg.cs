using System.Globalization;
using System.Text;

namespace Portal.Workflow;

/// <summary>
/// Draws a <see cref="WorkflowDescription"/> as an inline SVG state diagram (no script, nothing fetched): states as boxes
/// with their Chinese label and time limit, arrows labelled with the action's Chinese label, a dot at the first state
/// and a double border on final states. Top-down layered layout: each state gets the row of its longest path from the
/// first state (returns drawn upwards), final states share the bottom row, every arrow's label sits on its own in the
/// row between two state rows, and rows are ordered by their neighbours' positions to keep arrows short and uncrossed.
/// Deterministic: the same description gives the same text.
/// </summary>
public static class WorkflowSvg
{
    private const double StateWidth = 136;
    private const double StateFont = 14;
    private const double LimitFont = 12;
    private const double LabelFont = 12;
    private const double StateChars = 8;
    private const double LabelChars = 6;
    private const double Gap = 16;
    private const double RowGap = 8;
    private const double Margin = 12;

    /// <summary>The smallest scale the page lets the drawing shrink to before it scrolls sideways (keeps 14px text readable).</summary>
    public const double MinScale = 0.7;

    /// <param name="description">The workflow.</param>
    /// <param name="title">What the drawing shows (its &lt;title&gt; and accessible name).</param>
    /// <param name="limitText">The time limit text under a state's label (null: none shown).</param>
    public static string Render(WorkflowDescription description, string title, Func<WorkflowState, string?> limitText)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(limitText);
        var layout = new Layout(description, limitText);
        return layout.Draw(title);
    }

    /// <summary>A state, an arrow's label, or a bend point of a long arrow, placed on one row.</summary>
    private sealed class Node
    {
        public required int Row { get; init; }

        public required double Width { get; init; }

        public double Height { get; set; }

        public WorkflowState? State { get; init; }

        public IReadOnlyList<string> Lines { get; init; } = [];

        public string? Limit { get; init; }

        public IReadOnlyList<string> LimitLines { get; init; } = [];

        public bool IsLabel { get; init; }

        public List<Node> Up { get; } = [];

        public List<Node> Down { get; } = [];

        public double X { get; set; }

        public double Y { get; set; }

        public double Order { get; set; }
    }

    /// <summary>One arrow: from a state through its chain of row nodes to another state.</summary>
    private sealed record Edge(Node From, Node To, List<Node> Chain, string Label, bool Upward);

    private sealed class Layout
    {
        private readonly WorkflowDescription description;
        private readonly Dictionary<string, Node> states = new();
        private readonly List<List<Node>> rows = new();
        private readonly List<Edge> edges = new();

        public Layout(WorkflowDescription description, Func<WorkflowState, string?> limitText)
        {
            this.description = description;
            var rank = Rank(description);
            foreach (var s in description.States)
            {
                var limit = limitText(s);
                var node = new Node
                {
                    Row = 2 * rank[s.Key],
                    Width = StateWidth,
                    State = s,
                    Lines = Wrap(s.Label, StateChars),
                    Limit = limit,
                    LimitLines = limit is null ? [] : Wrap("时限：" + limit, StateChars * StateFont / LimitFont),
                };
                node.Height = 16 + (node.Lines.Count * (StateFont + 4)) + (node.LimitLines.Count * (LimitFont + 3)) + (s.IsFinal ? 4 : 0);
                states.Add(s.Key, node);
                Place(node);
            }

            // One arrow per (from, to) pair: several actions leading to the same state share it ("受理／容缺受理").
            foreach (var s in description.States)
            {
                foreach (var group in s.Transitions.GroupBy(t => t.DestinationKey))
                {
                    if (!states.TryGetValue(group.Key, out var to) || group.Key == s.Key)
                    {
                        continue;
                    }

                    var from = states[s.Key];
                    var label = string.Join("／", group.Select(t => t.TriggerLabel).Distinct());
                    var upward = to.Row < from.Row;
                    var chain = new List<Node>();
                    var step = upward ? -1 : 1;
                    var previous = from;
                    for (var row = from.Row + step; row != to.Row; row += step)
                    {
                        var isLabel = row == from.Row + step;
                        var lines = isLabel ? Wrap(label, LabelChars) : [];
                        var node = new Node
                        {
                            Row = row,
                            Width = isLabel ? (lines.Max(l => Units(l)) * LabelFont) + 10 : 6,
                            Height = isLabel ? 6 + (lines.Count * (LabelFont + 3)) : 0,
                            Lines = lines,
                            IsLabel = isLabel,
                        };
                        Link(previous, node);
                        chain.Add(node);
                        Place(node);
                        previous = node;
                    }

                    Link(previous, to);
                    edges.Add(new Edge(from, to, chain, label, upward));
                }
            }

            OrderRows();
            Transpose();
            PlaceX();
            PlaceY();
        }

        public double Width { get; private set; }

        public double Height { get; private set; }

        public string Draw(string title)
        {
            var id = "wf" + Hash(title + "|" + string.Join(",", description.States.Select(s => s.Key)));
            var sb = new StringBuilder();
            var w = Num(Width);
            var h = Num(Height);
            sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-svg\" role=\"img\" viewBox=\"0 0 ").Append(w).Append(' ').Append(h)
                .Append("\" width=\"").Append(w).Append("\" height=\"").Append(h)
                .Append("\" aria-label=\"").Append(Escape(title + "（状态图）")).Append("\" aria-describedby=\"").Append(id).Append("-desc\" font-family=\"'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif\">");
            sb.Append("<title>").Append(Escape(title)).Append("</title>");
            sb.Append("<desc id=\"").Append(id).Append("-desc\">").Append(Escape(Describe())).Append("</desc>");
            sb.Append("<defs><marker id=\"").Append(id).Append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f5fa8\"/></marker></defs>");

            // Arrows first (under the boxes), each as one smooth path through its row nodes.
            foreach (var e in edges)
            {
                var points = new List<(double X, double Y)> { Port(e.From, e, leaving: true) };
                points.AddRange(e.Chain.Select(n => (n.X, n.Y + (n.Height / 2))));
                points.Add(Port(e.To, e, leaving: false));
                sb.Append("<path class=\"wf-edge").Append(e.Upward ? " wf-back" : "").Append("\" d=\"").Append(Curve(points))
                    .Append("\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.5\"").Append(e.Upward ? " stroke-dasharray=\"5 3\"" : "")
                    .Append(" marker-end=\"url(#").Append(id).Append("-arrow)\"/>");
            }

            foreach (var e in edges)
            {
                var n = e.Chain[0];
                sb.Append("<g class=\"wf-action\"><rect x=\"").Append(Num(n.X - (n.Width / 2))).Append("\" y=\"").Append(Num(n.Y)).Append("\" width=\"").Append(Num(n.Width))
                    .Append("\" height=\"").Append(Num(n.Height)).Append("\" rx=\"4\" fill=\"#ffffff\" stroke=\"#c9d6e6\"/>");
                Text(sb, n.Lines, n.X, n.Y + 3 + LabelFont, LabelFont + 3, LabelFont, "#1f3b63", null);
                sb.Append("</g>");
            }

            var initial = states[description.Initial.Key];
            var startX = initial.X - (initial.Width / 2);
            var startY = initial.Y + (initial.Height / 2);
            sb.Append("<circle class=\"wf-start\" cx=\"").Append(Num(startX - 20)).Append("\" cy=\"").Append(Num(startY)).Append("\" r=\"6\" fill=\"#1f3b63\"/>");
            sb.Append("<path d=\"M").Append(Num(startX - 14)).Append(',').Append(Num(startY)).Append(" H").Append(Num(startX - 1))
                .Append("\" stroke=\"#1f3b63\" stroke-width=\"1.5\" marker-end=\"url(#").Append(id).Append("-arrow)\"/>");

            foreach (var s in description.States)
            {
                var n = states[s.Key];
                var x = n.X - (n.Width / 2);
                sb.Append("<g class=\"wf-state").Append(s.IsFinal ? " wf-final" : "").Append("\" data-state=\"").Append(Escape(s.Key)).Append("\">");
                sb.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(n.Y)).Append("\" width=\"").Append(Num(n.Width)).Append("\" height=\"").Append(Num(n.Height))
                    .Append("\" rx=\"10\" fill=\"").Append(s.IsFinal ? "#e8eef6" : "#eef4fc").Append("\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
                if (s.IsFinal)
                {
                    sb.Append("<rect x=\"").Append(Num(x + 4)).Append("\" y=\"").Append(Num(n.Y + 4)).Append("\" width=\"").Append(Num(n.Width - 8)).Append("\" height=\"").Append(Num(n.Height - 8))
                        .Append("\" rx=\"7\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1\"/>");
                }

                var y = n.Y + 8 + StateFont + (s.IsFinal ? 2 : 0);
                Text(sb, n.Lines, n.X, y, StateFont + 4, StateFont, "#1f3b63", "wf-label", bold: true);
                Text(sb, n.LimitLines, n.X, y + (n.Lines.Count * (StateFont + 4)) + 1, LimitFont + 3, LimitFont, "#b3261e", "wf-limit");
                sb.Append("</g>");
            }

            sb.Append("</svg>");
            return sb.ToString();
        }

        /// <summary>The text a screen reader gets: every state with its limit and where each action leads.</summary>
        private string Describe()
        {
            var sb = new StringBuilder("起点：").Append(description.Initial.Label).Append("。");
            foreach (var s in description.States)
            {
                var n = states[s.Key];
                sb.Append(s.Label);
                if (n.Limit is not null)
                {
                    sb.Append("（时限：").Append(n.Limit).Append('）');
                }

                sb.Append(s.IsFinal ? "，终态" : "：" + string.Join("；", s.Transitions.Select(t => $"{t.TriggerLabel}→{t.DestinationLabel}"))).Append("。");
            }

            return sb.ToString();
        }

        private (double X, double Y) Port(Node node, Edge edge, bool leaving)
        {
            // Spread the arrows leaving (or reaching) one side of a box along that side, in the order of their neighbours.
            var bottom = leaving ? !edge.Upward : edge.Upward;
            var siblings = edges.Where(e => bottom
                    ? (e.From == node && !e.Upward) || (e.To == node && e.Upward)
                    : (e.From == node && e.Upward) || (e.To == node && !e.Upward))
                .OrderBy(e => Neighbour(e, node).X).ThenBy(e => e.Label, StringComparer.Ordinal).ToList();
            var index = siblings.IndexOf(edge);
            var span = node.Width - 24;
            var x = siblings.Count <= 1 ? node.X : node.X - (span / 2) + (span * index / (siblings.Count - 1));
            return (x, bottom ? node.Y + node.Height : node.Y);
        }

        private static Node Neighbour(Edge e, Node node) =>
            e.From == node ? (e.Chain.Count > 0 ? e.Chain[0] : e.To) : (e.Chain.Count > 0 ? e.Chain[^1] : e.From);

        private void Place(Node node)
        {
            while (rows.Count <= node.Row)
            {
                rows.Add([]);
            }

            node.Order = rows[node.Row].Count;
            rows[node.Row].Add(node);
        }

        private static void Link(Node a, Node b)
        {
            var (upper, lower) = a.Row < b.Row ? (a, b) : (b, a);
            upper.Down.Add(lower);
            lower.Up.Add(upper);
        }

        /// <summary>Barycentre sweeps, down then up, keeping the reading order where nothing pulls.</summary>
        private void OrderRows()
        {
            for (var sweep = 0; sweep < 6; sweep++)
            {
                var down = sweep % 2 == 0;
                for (var i = down ? 1 : rows.Count - 2; down ? i < rows.Count : i >= 0; i += down ? 1 : -1)
                {
                    var row = rows[i];
                    var keys = row.Select(n =>
                    {
                        var neighbours = down ? n.Up : n.Down;
                        return neighbours.Count == 0 ? n.Order : neighbours.Average(m => m.Order);
                    }).ToList();
                    var sorted = row.Select((n, k) => (Node: n, Key: keys[k], Was: n.Order)).OrderBy(t => t.Key).ThenBy(t => t.Was).Select(t => t.Node).ToList();
                    row.Clear();
                    row.AddRange(sorted);
                    for (var k = 0; k < row.Count; k++)
                    {
                        row[k].Order = k;
                    }
                }
            }
        }

        /// <summary>Swaps neighbours in a row while that lowers the crossings with the rows above and below.</summary>
        private void Transpose()
        {
            for (var pass = 0; pass < 6; pass++)
            {
                var improved = false;
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = rows[r];
                    for (var k = 0; k + 1 < row.Count; k++)
                    {
                        var before = Crossings(r);
                        (row[k], row[k + 1]) = (row[k + 1], row[k]);
                        row[k].Order = k;
                        row[k + 1].Order = k + 1;
                        if (Crossings(r) < before)
                        {
                            improved = true;
                            continue;
                        }

                        (row[k], row[k + 1]) = (row[k + 1], row[k]);
                        row[k].Order = k;
                        row[k + 1].Order = k + 1;
                    }
                }

                if (!improved)
                {
                    break;
                }
            }
        }

        /// <summary>Crossings of the segments between row <paramref name="r"/> and its neighbouring rows.</summary>
        private int Crossings(int r)
        {
            var count = 0;
            if (r > 0)
            {
                count += Crossings(rows[r - 1], n => n.Down);
            }

            if (r + 1 < rows.Count)
            {
                count += Crossings(rows[r], n => n.Down);
            }

            return count;
        }

        private static int Crossings(List<Node> upper, Func<Node, List<Node>> down)
        {
            var segments = upper.SelectMany(u => down(u).Select(d => (Top: u.Order, Bottom: d.Order))).ToList();
            var count = 0;
            for (var i = 0; i < segments.Count; i++)
            {
                for (var j = i + 1; j < segments.Count; j++)
                {
                    if ((segments[i].Top - segments[j].Top) * (segments[i].Bottom - segments[j].Bottom) < 0)
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        /// <summary>Packs each row, then pulls nodes towards their neighbours' centres a few times, keeping order and gaps.</summary>
        private void PlaceX()
        {
            foreach (var row in rows)
            {
                var x = 0.0;
                foreach (var n in row)
                {
                    n.X = x + (n.Width / 2);
                    x += n.Width + Gap;
                }
            }

            for (var pass = 0; pass < 8; pass++)
            {
                var down = pass % 2 == 0;
                for (var i = down ? 0 : rows.Count - 1; down ? i < rows.Count : i >= 0; i += down ? 1 : -1)
                {
                    var row = rows[i];
                    var desired = row.Select(n =>
                    {
                        var neighbours = n.Up.Concat(n.Down).ToList();
                        return neighbours.Count == 0 ? n.X : neighbours.Average(m => m.X);
                    }).ToList();

                    // Two packings that keep order and gaps, one pushing right from the left, one pushing left from the right;
                    // their average keeps both and stays as close to the neighbours as the row allows.
                    var forward = new double[row.Count];
                    var backward = new double[row.Count];
                    for (var k = 0; k < row.Count; k++)
                    {
                        forward[k] = k == 0 ? desired[k] : Math.Max(desired[k], forward[k - 1] + Separation(row[k - 1], row[k]));
                    }

                    for (var k = row.Count - 1; k >= 0; k--)
                    {
                        backward[k] = k == row.Count - 1 ? desired[k] : Math.Min(desired[k], backward[k + 1] - Separation(row[k], row[k + 1]));
                    }

                    for (var k = 0; k < row.Count; k++)
                    {
                        row[k].X = (forward[k] + backward[k]) / 2;
                    }
                }
            }

            var left = rows.SelectMany(r => r).Min(n => n.X - (n.Width / 2));
            var right = rows.SelectMany(r => r).Max(n => n.X + (n.Width / 2));
            foreach (var n in rows.SelectMany(r => r))
            {
                n.X += Margin + 28 - left; // room for the start dot on the left
            }

            Width = Math.Ceiling(right - left + (2 * Margin) + 28);
        }

        private static double Separation(Node left, Node right) => ((left.Width + right.Width) / 2) + Gap;

        private void PlaceY()
        {
            var y = Margin;
            foreach (var row in rows)
            {
                var height = row.Count == 0 ? 0 : row.Max(n => n.Height);
                var isStateRow = row.Any(n => n.State is not null);
                var rowHeight = Math.Max(height, isStateRow ? 0 : 18);
                foreach (var n in row)
                {
                    n.Y = y + ((rowHeight - n.Height) / 2);
                }

                y += rowHeight + (RowGap * 2);
            }

            Height = Math.Ceiling(y - (RowGap * 2) + Margin);
        }

        /// <summary>Rank = longest path from the first state, with arrows that go back (to a state on the way) reversed; final states on the last row.</summary>
        private static Dictionary<string, int> Rank(WorkflowDescription d)
        {
            var byKey = d.States.ToDictionary(s => s.Key);
            var back = new HashSet<(string, string)>();
            var visiting = new HashSet<string>();
            var done = new HashSet<string>();
            var postOrder = new List<string>();

            void Visit(string key)
            {
                visiting.Add(key);
                foreach (var t in byKey[key].Transitions)
                {
                    if (!byKey.ContainsKey(t.DestinationKey) || t.DestinationKey == key)
                    {
                        continue;
                    }

                    if (visiting.Contains(t.DestinationKey))
                    {
                        back.Add((key, t.DestinationKey));
                    }
                    else if (!done.Contains(t.DestinationKey))
                    {
                        Visit(t.DestinationKey);
                    }
                }

                visiting.Remove(key);
                done.Add(key);
                postOrder.Add(key);
            }

            Visit(d.Initial.Key);
            foreach (var s in d.States.Where(s => !done.Contains(s.Key)))
            {
                Visit(s.Key);
            }

            var rank = d.States.ToDictionary(s => s.Key, _ => 0);
            postOrder.Reverse(); // a topological order of the graph without its back arrows
            foreach (var key in postOrder)
            {
                foreach (var t in byKey[key].Transitions.Where(t => byKey.ContainsKey(t.DestinationKey) && t.DestinationKey != key && !back.Contains((key, t.DestinationKey))))
                {
                    rank[t.DestinationKey] = Math.Max(rank[t.DestinationKey], rank[key] + 1);
                }
            }

            var last = d.States.Where(s => !s.IsFinal).Select(s => rank[s.Key]).DefaultIfEmpty(-1).Max() + 1;
            foreach (var s in d.States.Where(s => s.IsFinal))
            {
                rank[s.Key] = last;
            }

            return rank;
        }
    }

    private static void Text(StringBuilder sb, IReadOnlyList<string> lines, double x, double y, double lineHeight, double size, string fill, string? cls, bool bold = false)
    {
        if (lines.Count == 0)
        {
            return;
        }

        sb.Append("<text");
        if (cls is not null)
        {
            sb.Append(" class=\"").Append(cls).Append('"');
        }

        sb.Append(" x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" font-size=\"").Append(Num(size)).Append("\" fill=\"").Append(fill)
            .Append("\" text-anchor=\"middle\"").Append(bold ? " font-weight=\"600\"" : "").Append('>');
        for (var i = 0; i < lines.Count; i++)
        {
            sb.Append("<tspan x=\"").Append(Num(x)).Append('"');
            if (i > 0)
            {
                sb.Append(" dy=\"").Append(Num(lineHeight)).Append('"');
            }

            sb.Append('>').Append(Escape(lines[i])).Append("</tspan>");
        }

        sb.Append("</text>");
    }

    /// <summary>A smooth path through the points, leaving and entering each one vertically.</summary>
    private static string Curve(IReadOnlyList<(double X, double Y)> points)
    {
        var sb = new StringBuilder("M").Append(Num(points[0].X)).Append(',').Append(Num(points[0].Y));
        for (var i = 1; i < points.Count; i++)
        {
            var (x0, y0) = points[i - 1];
            var (x1, y1) = points[i];
            var dy = (y1 - y0) / 2;
            sb.Append(" C").Append(Num(x0)).Append(',').Append(Num(y0 + dy)).Append(' ').Append(Num(x1)).Append(',').Append(Num(y1 - dy)).Append(' ')
                .Append(Num(x1)).Append(',').Append(Num(y1));
        }

        return sb.ToString();
    }

    /// <summary>Width in units of one CJK character: Latin letters, digits and ASCII punctuation count a little over half.</summary>
    private static double Units(string text) => text.Sum(c => c < 0x2E80 ? 0.6 : 1.0);

    /// <summary>Greedy line breaks at <paramref name="max"/> units; Chinese breaks anywhere, except before closing punctuation.</summary>
    internal static IReadOnlyList<string> Wrap(string text, double max)
    {
        const string closing = "，。、；：）」』”’》";
        const string opening = "（「『“‘《";
        var lines = new List<string>();
        var line = new StringBuilder();
        var width = 0.0;
        foreach (var c in text)
        {
            var w = c < 0x2E80 ? 0.6 : 1.0;
            if (width + w > max && line.Length > 0 && !closing.Contains(c))
            {
                // An opening bracket stays with what it opens.
                var carry = line.Length > 1 && opening.Contains(line[^1]) ? line[^1].ToString() : "";
                lines.Add(line.ToString(0, line.Length - carry.Length));
                line.Clear().Append(carry);
                width = carry.Length;
            }

            line.Append(c);
            width += w;
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (c >= ' ' || c is '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
