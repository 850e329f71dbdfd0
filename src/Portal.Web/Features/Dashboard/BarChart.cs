using System.Globalization;

namespace Portal.Web.Features.Dashboard;

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG (no script, nothing loaded from elsewhere): one row per
/// bar with its label on the left and its value after the bar. Screen readers get the title and every value
/// (&lt;title&gt;, &lt;desc&gt;, aria-labelledby); each bar also has its own &lt;title&gt; with the full label.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<ChartBar> Bars, double Max)
{
    // The drawing is scaled to its card's width (width: 100% in portal.css, up to 600 px). Its coordinates are kept
    // narrow enough that the text stays readable when a phone shrinks it to about 330 px, where portal.css (up to 480 px wide screens) draws the
    // text larger (16 units): a label of LabelUnits (10 Chinese characters) still fits LabelWidth, "100.0%" ValueWidth.
    public const double ViewWidth = 480;
    public const double LabelWidth = 170;
    public const double ValueWidth = 64;
    public const double BarHeight = 18;
    public const double RowHeight = 28;
    public const double Top = 8;
    /// <summary>How wide a label may be drawn, in half-width units (a Chinese character takes two).</summary>
    public const int LabelUnits = 20;

    public static double BarAreaWidth => ViewWidth - LabelWidth - ValueWidth - 12;

    public double ViewHeight => Top * 2 + (Bars.Count * RowHeight);

    /// <summary>What a screen reader reads: every bar's label and value.</summary>
    public string Description => string.Join("；", Bars.Select(b => $"{b.Label}：{b.ValueText}"));

    /// <summary>
    /// A chart of the given bars (bars without a value are left out). <paramref name="fixedMax"/> fixes the scale
    /// (100 for percentages); otherwise the largest value fills the width.
    /// </summary>
    public static BarChart Create(string id, string title, IEnumerable<(string Label, double? Value, string Text)> items, double? fixedMax = null)
    {
        var present = items.Where(i => i.Value is not null).ToList();
        var max = fixedMax ?? present.Select(i => i.Value!.Value).DefaultIfEmpty(0).Max();
        if (max <= 0)
        {
            max = 1;
        }

        var bars = present.Select((item, index) =>
        {
            var value = Math.Max(0, item.Value!.Value);
            var width = Math.Round(BarAreaWidth * Math.Min(value, max) / max, 1);
            return new ChartBar(item.Label, Shorten(item.Label), value, item.Text, Top + (index * RowHeight), width);
        }).ToList();
        return new BarChart(id, title, bars, max);
    }

    /// <summary>The label as drawn: whole when it fits <see cref="LabelUnits"/>, else cut with "…" (the bar's own title has it whole).</summary>
    public static string Shorten(string label)
    {
        if (Units(label) <= LabelUnits)
        {
            return label;
        }

        var shown = new System.Text.StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(label);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (used + Units(element) > LabelUnits - 2)
            {
                break;
            }

            shown.Append(element);
            used += Units(element);
        }

        return shown + "…";
    }

    /// <summary>Display width in half-width units: East Asian wide characters count two.</summary>
    public static int Units(string text) => text.Sum(c => c >= 0x1100 && !char.IsLowSurrogate(c) ? 2 : 1);

    /// <summary>A number for an SVG attribute (invariant culture: a dot, never a comma).</summary>
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
