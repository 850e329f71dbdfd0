using System.Globalization;
using System.Text;

namespace Portal.Web.Common.Export;

/// <summary>
/// Writes a table as CSV for Excel and WPS: UTF-8 with a byte-order mark (so Chinese opens correctly), RFC 4180
/// (fields with a comma, quote, CR or LF in double quotes, quotes doubled, lines ending in CRLF), and guarded
/// against CSV/formula injection: a text cell starting with = + - @ (or a tab or CR, which spreadsheets also
/// strip before a formula) gets a leading single quote, unless the text is a plain number such as -12.5.
/// </summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(ExportTable table)
    {
        var text = new StringBuilder();
        AppendLine(text, table.Headers);
        foreach (var row in table.Rows)
        {
            AppendLine(text, row);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>One cell as it appears in the file: a number as a number, text guarded and quoted when needed.</summary>
    public static string Field(object? value)
    {
        if (ExportTable.IsNumber(value))
        {
            return ExportTable.FormatNumber(value!);
        }

        var text = Guard(ExportTable.TextOf(value));
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    /// <summary>Prefixes a single quote to text a spreadsheet would run as a formula.</summary>
    public static string Guard(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 && !IsPlainNumber(text) ? "'" + text : text;

    private static bool IsPlainNumber(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number);

    private static void AppendLine<T>(StringBuilder text, IEnumerable<T> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            text.Append(Field(cell));
            first = false;
        }

        text.Append("\r\n");
    }
}
