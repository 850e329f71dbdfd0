namespace Portal.Web.Features.Dashboard;

/// <summary>One bar: its full label, the label as drawn (shortened), the value and how it is written, and its geometry.</summary>
public sealed record ChartBar(string Label, string ShortLabel, double Value, string ValueText, double Y, double Width);
