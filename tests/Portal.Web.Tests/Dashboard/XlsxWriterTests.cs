using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Portal.Web.Common.Export;

namespace Portal.Web.Tests.Dashboard;

/// <summary>The .xlsx download read back with the Open XML SDK: a valid workbook, header and values where Excel looks for them, escaping.</summary>
public sealed class XlsxWriterTests
{
    [Fact]
    public void Workbook_is_valid_office_open_xml_with_one_named_sheet()
    {
        var bytes = XlsxWriter.Write(new ExportTable("按事项", ["事项", "环节数"], [["企业开办", 7]]));

        using var document = Xlsx.Open(bytes);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal(SpreadsheetDocumentType.Workbook, document.DocumentType);
        var sheet = Assert.Single(document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal(("按事项", 1u), (sheet.Name!.Value, sheet.SheetId!.Value));
        Assert.IsType<WorksheetPart>(document.WorkbookPart.GetPartById(sheet.Id!.Value!));
        Assert.NotNull(document.WorkbookPart.WorkbookStylesPart);
    }

    [Fact]
    public void Sheet_has_a_bold_frozen_header_row_text_as_inline_strings_and_numbers_as_numbers()
    {
        var table = new ExportTable("按窗口", ["窗口", "环节数", "按时办结率(%)", "用时/承诺(%)"], [["A01", 3, 100.0, 17.7], ["A02", 2, 33.3, null]]);

        using var document = Xlsx.Open(XlsxWriter.Write(table));
        var cells = Xlsx.Cells(document);

        Assert.Equal(["A1", "B1", "C1", "D1", "A2", "B2", "C2", "D2", "A3", "B3", "C3"], cells.Select(c => c.Ref));
        Assert.Equal(["窗口", "环节数", "按时办结率(%)", "用时/承诺(%)"], cells.Where(c => c.Row == 1).Select(c => c.Value));
        Assert.All(cells.Where(c => c.Row == 1), c => Assert.Equal((CellValues.InlineString, XlsxWriter.HeaderStyle), (c.Type, c.Style)));
        Assert.Equal([("A01", CellValues.InlineString), ("3", CellValues.Number), ("100", CellValues.Number), ("17.7", CellValues.Number)], cells.Where(c => c.Row == 2).Select(c => (c.Value, c.Type)));
        Assert.Equal([("A02", CellValues.InlineString), ("2", CellValues.Number), ("33.3", CellValues.Number)], cells.Where(c => c.Row == 3).Select(c => (c.Value, c.Type)));
        Assert.All(cells.Where(c => c.Row > 1), c => Assert.Null(c.Style));

        // The header's cell format uses a bold font; the default one does not.
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = styles.Fonts!.Elements<Font>().ToList();
        Assert.NotNull(fonts[(int)formats[(int)XlsxWriter.HeaderStyle].FontId!.Value].Bold);
        Assert.Null(fonts[(int)formats[0].FontId!.Value].Bold);

        // The header row stays frozen; every column gets a width.
        var worksheet = Xlsx.Worksheet(document);
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1d, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal(4, worksheet.GetFirstChild<Columns>()!.Elements<Column>().Count());
    }

    [Fact]
    public void Text_with_markup_characters_is_escaped_and_reads_back_unchanged()
    {
        const string awkward = "<b>甲&乙</b> \"引号\" 'x'";
        var table = new ExportTable("报表\"甲\"<&>", ["名称"], [[awkward], ["=HYPERLINK(\"http://x\")"], ["第一行\n第二行 "], ["甲\r\n乙"], ["a\u0001b\u0008c"]]);

        using var document = Xlsx.Open(XlsxWriter.Write(table));

        var xml = Xlsx.Worksheet(document).OuterXml;
        Assert.Contains("&lt;b&gt;甲&amp;乙&lt;/b&gt;", xml);
        Assert.DoesNotContain("<b>", xml);
        // A line break is Excel's (LF), whichever the text had; control characters are dropped.
        Assert.Equal([awkward, "=HYPERLINK(\"http://x\")", "第一行\n第二行 ", "甲\n乙", "abc"], Xlsx.Cells(document).Where(c => c.Row > 1).Select(c => c.Value));

        // Inline strings are never formulas: no formula anywhere.
        Assert.Empty(Xlsx.Worksheet(document).Descendants<CellFormula>());
        Assert.Equal("报表\"甲\"<&>", document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_follow_the_spreadsheet_letters(int index, string name) =>
        Assert.Equal(name, XlsxWriter.ColumnName(index));

    [Theory]
    [InlineData("按事项", "按事项")]
    [InlineData("a/b\\c[d]e:f*g?h", "a_b_c_d_e_f_g_h")]
    [InlineData("'引号'", "引号")]
    [InlineData("", "Sheet1")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void Sheet_names_are_made_valid(string name, string expected) =>
        Assert.Equal(expected, XlsxWriter.SheetName(name));

    [Fact]
    public void Empty_table_still_has_its_header_row()
    {
        using var document = Xlsx.Open(XlsxWriter.Write(new ExportTable("空表", ["甲", "乙"], [])));

        Assert.Equal(["甲", "乙"], Xlsx.Cells(document).Select(c => c.Value));
        Assert.Single(Xlsx.Worksheet(document).Descendants<Row>());
    }
}

/// <summary>Reads an .xlsx with the Open XML SDK, as a spreadsheet does: the cells of its first sheet.</summary>
public static class Xlsx
{
    /// <summary>A cell: its reference, row, type (a number when the file leaves it out), style index and value as text.</summary>
    public sealed record Cell(string Ref, uint Row, CellValues Type, uint? Style, string Value);

    public static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    /// <summary>The worksheet of the workbook's first sheet.</summary>
    public static Worksheet Worksheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        return ((WorksheetPart)workbook.GetPartById(first.Id!.Value!)).Worksheet;
    }

    public static List<Cell> Cells(SpreadsheetDocument document)
    {
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return Worksheet(document).GetFirstChild<SheetData>()!.Elements<Row>()
            .SelectMany(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c =>
            {
                var type = c.DataType?.Value ?? CellValues.Number;
                var value = type == CellValues.InlineString ? c.InlineString!.InnerText
                    : type == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
                    : c.CellValue!.Text;
                return new Cell(c.CellReference!.Value!, row.RowIndex!.Value, type, c.StyleIndex?.Value, value);
            }))
            .ToList();
    }

    /// <summary>The sheet as rows of cell values (empty cells left out), header first.</summary>
    public static List<List<string>> Rows(byte[] bytes)
    {
        using var document = Open(bytes);
        return Cells(document).GroupBy(c => c.Row).OrderBy(g => g.Key).Select(g => g.Select(c => c.Value).ToList()).ToList();
    }

    /// <summary>The XML of the first sheet as the SDK writes it out (escaped as in the file).</summary>
    public static string SheetXml(byte[] bytes)
    {
        using var document = Open(bytes);
        return Worksheet(document).OuterXml;
    }

    /// <summary>The text of every XML part of the package, attribute values included (to look for values that must not be there).</summary>
    public static string AllText(byte[] bytes)
    {
        using var document = Open(bytes);
        var text = new System.Text.StringBuilder();
        foreach (var part in document.GetAllParts())
        {
            if (part.RootElement is { } root)
            {
                text.Append(System.Net.WebUtility.HtmlDecode(root.OuterXml));
            }
        }

        return text.ToString();
    }
}
