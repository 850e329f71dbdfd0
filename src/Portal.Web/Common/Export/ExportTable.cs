using System.Globalization;

namespace Portal.Web.Common.Export;

/// <summary>
/// A table to download: its name (the sheet name and part of the file name), a header row and rows of cells.
/// A cell is text (<see cref="string"/>), a number (<see cref="int"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="decimal"/>) or empty (null). Numbers stay numbers in both formats.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Whether a cell holds a number (written as a number, never guarded or quoted as text).</summary>
    public static bool IsNumber(object? value) => value switch
    {
        int or long or short or byte or decimal => true,
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        _ => false,
    };

    /// <summary>A number in invariant culture, shortest round-trip form (71.4, not 71.40000000000001).</summary>
    public static string FormatNumber(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The text of a non-number cell (null is empty).</summary>
    public static string TextOf(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
