using Portal.Web.Common.Export;

namespace Portal.Web.Features.Ratings;

/// <summary>One table of the page as shown and as downloaded (the same rows for both).</summary>
public sealed record RatingTable(string Key, string Title, ExportTable Data, string Empty, string FileName, string ExportQuery)
{
    /// <summary>Columns that hold rates (shown with "%").</summary>
    public IReadOnlySet<int> PercentColumns { get; init; } = new HashSet<int>();

    public string ExportUrl(string format) => $"/Ratings?handler=Export&table={Key}&format={format}&{ExportQuery}";
}
