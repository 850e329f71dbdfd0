using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Web.Common.Export;

/// <summary>
/// Writes a table as an Excel workbook (.xlsx) with one sheet through the Open XML SDK (DocumentFormat.OpenXml): a bold
/// header row that stays frozen while scrolling, column widths fitted to the text (Chinese characters count twice),
/// numbers as numbers, text as inline strings (never evaluated as a formula, so no injection guard is needed).
/// Characters XML cannot carry (control characters) are dropped, line breaks are Excel's (LF) and text is cut to
/// Excel's cell limit.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32767;

    /// <summary>The cell format of the header row (index into cellXfs): bold.</summary>
    public const uint HeaderStyle = 1;

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = Sheet(table);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheet),
                SheetId = 1,
                Name = XmlSafe(SheetName(table.Name)),
            }));
        }

        return stream.ToArray();
    }

    /// <summary>A valid sheet name: at most 31 characters, none of [ ] : * ? / \, not starting or ending with an apostrophe.</summary>
    public static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('\'');
        if (cleaned.Length > 31)
        {
            cleaned = cleaned[..31].TrimEnd('\'');
        }

        return cleaned.Length == 0 ? "Sheet1" : cleaned;
    }

    /// <summary>The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The text with characters XML 1.0 cannot carry removed, cut to Excel's cell limit.</summary>
    public static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && XmlConvert.IsXmlChar(c))
            {
                safe.Append(c);
            }
        }

        if (safe.Length > MaxCellText)
        {
            safe.Length = char.IsHighSurrogate(safe[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText;
        }

        return safe.ToString();
    }

    /// <summary>Two cell formats: 0 the default, 1 bold (the header row).</summary>
    private static Stylesheet Styles() =>
        new(
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 2 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Worksheet Sheet(ExportTable table)
    {
        // The header row stays in view while scrolling.
        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
        });

        var worksheet = new Worksheet(views);
        var columns = Math.Max(table.Headers.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        if (columns > 0)
        {
            var widths = new Columns();
            for (var c = 0; c < columns; c++)
            {
                var widest = table.Rows.Select(r => c < r.Count ? Width(r[c]) : 0)
                    .Append(c < table.Headers.Count ? Width(table.Headers[c]) : 0)
                    .Max();
                widths.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Clamp(widest + 2, 8, 60), CustomWidth = true });
            }

            worksheet.Append(widths);
        }

        var data = new SheetData(Row(1, table.Headers.Cast<object?>().ToList(), HeaderStyle));
        var r = 2u;
        foreach (var row in table.Rows)
        {
            data.Append(Row(r++, row, null));
        }

        worksheet.Append(data);
        return worksheet;
    }

    private static Row Row(uint rowNumber, IReadOnlyList<object?> cells, uint? style)
    {
        var row = new Row { RowIndex = rowNumber };
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is not { } value)
            {
                continue;
            }

            var cell = new Cell { CellReference = ColumnName(c) + rowNumber.ToString(CultureInfo.InvariantCulture) };
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            if (ExportTable.IsNumber(value))
            {
                cell.CellValue = new CellValue(ExportTable.FormatNumber(value));
            }
            else
            {
                // A line break in a cell is Excel's own (LF); a CR would not survive XML's line-end handling anyway.
                var text = XmlSafe(ExportTable.TextOf(value).ReplaceLineEndings("\n"));
                cell.DataType = CellValues.InlineString;
                var t = new Text(text);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n')))
                {
                    t.Space = SpaceProcessingModeValues.Preserve;
                }

                cell.InlineString = new InlineString(t);
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>Roughly how many character widths a cell needs (Chinese characters take two).</summary>
    private static int Width(object? value)
    {
        var text = value is null ? "" : ExportTable.IsNumber(value) ? ExportTable.FormatNumber(value) : ExportTable.TextOf(value);
        return text.Split('\n').Select(line => line.Sum(ch => ch > 0x2E80 ? 2 : 1)).DefaultIfEmpty(0).Max();
    }
}
