using Portal.Web.Common.Export;

namespace Portal.Web.Features.Dashboard;

/// <summary>
/// One table of the dashboard as shown and as downloaded (the same rows for both): key, title, the cells, its
/// chart, the link of its first column (the case page), what to say when it is empty and its download name.
/// </summary>
public sealed record DashboardTable(string Key, string Title, ExportTable Data, BarChart? Chart, string Empty, string FileName, string ExportQuery)
{
    public string? LinkPrefix { get; init; }

    public string ExportUrl(string format) => $"/Dashboard?handler=Export&table={Key}&format={format}&{ExportQuery}";
}
