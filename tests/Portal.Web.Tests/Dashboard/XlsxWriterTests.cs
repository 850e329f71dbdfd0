using System.IO.Compression;
using System.Xml.Linq;
using Portal.Web.Common.Export;

namespace Portal.Web.Tests.Dashboard;

/// <summary>The minimal .xlsx: the six parts of a valid package, header and values where Excel looks for them, escaping.</summary>
public sealed class XlsxWriterTests
{
    private static readonly XNamespace Main = XlsxWriter.MainNamespace;
    private static readonly XNamespace Rel = XlsxWriter.RelationshipNamespace;
    private static readonly XNamespace PackageRel = XlsxWriter.PackageRelationshipNamespace;
    private static readonly XNamespace Types = XlsxWriter.ContentTypesNamespace;

    [Fact]
    public void Package_has_the_parts_of_a_workbook_linked_by_relationships_and_content_types()
    {
        var parts = Xlsx.Open(XlsxWriter.Write(new ExportTable("按事项", ["事项", "环节数"], [["企业开办", 7]])));

        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
            parts.Keys.Order(StringComparer.Ordinal));

        var types = parts["[Content_Types].xml"].Root!;
        Assert.Equal(Types + "Types", types.Name);
        Assert.Equal("application/vnd.openxmlformats-package.relationships+xml", types.Elements(Types + "Default").Single(d => (string?)d.Attribute("Extension") == "rels").Attribute("ContentType")!.Value);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["/xl/workbook.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                ["/xl/worksheets/sheet1.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
                ["/xl/styles.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
            },
            types.Elements(Types + "Override").ToDictionary(o => o.Attribute("PartName")!.Value, o => o.Attribute("ContentType")!.Value));

        var root = parts["_rels/.rels"].Root!.Element(PackageRel + "Relationship")!;
        Assert.Equal(("xl/workbook.xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"), (root.Attribute("Target")!.Value, root.Attribute("Type")!.Value));

        var sheet = parts["xl/workbook.xml"].Root!.Element(Main + "sheets")!.Element(Main + "sheet")!;
        Assert.Equal(("按事项", "1"), (sheet.Attribute("name")!.Value, sheet.Attribute("sheetId")!.Value));
        var relId = sheet.Attribute(Rel + "id")!.Value;
        var workbookRels = parts["xl/_rels/workbook.xml.rels"].Root!.Elements(PackageRel + "Relationship").ToDictionary(r => r.Attribute("Id")!.Value);
        Assert.Equal("worksheets/sheet1.xml", workbookRels[relId].Attribute("Target")!.Value);
        Assert.EndsWith("/worksheet", workbookRels[relId].Attribute("Type")!.Value);
        Assert.Contains(workbookRels.Values, r => r.Attribute("Target")!.Value == "styles.xml" && r.Attribute("Type")!.Value.EndsWith("/styles", StringComparison.Ordinal));
    }

    [Fact]
    public void Sheet_has_a_bold_header_row_text_as_inline_strings_and_numbers_as_numbers()
    {
        var table = new ExportTable("按窗口", ["窗口", "环节数", "按时办结率(%)", "用时/承诺(%)"], [["A01", 3, 100.0, 17.7], ["A02", 2, 33.3, null]]);

        var parts = Xlsx.Open(XlsxWriter.Write(table));
        var cells = Xlsx.Cells(parts);

        Assert.Equal(["A1", "B1", "C1", "D1", "A2", "B2", "C2", "D2", "A3", "B3", "C3"], cells.Select(c => c.Ref));
        Assert.Equal(["窗口", "环节数", "按时办结率(%)", "用时/承诺(%)"], cells.Where(c => c.Row == 1).Select(c => c.Value));
        Assert.All(cells.Where(c => c.Row == 1), c => Assert.Equal(("inlineStr", "1"), (c.Type, c.Style)));
        Assert.Equal([("A01", "inlineStr"), ("3", null), ("100", null), ("17.7", null)], cells.Where(c => c.Row == 2).Select(c => (c.Value, c.Type)));
        Assert.Equal([("A02", "inlineStr"), ("2", null), ("33.3", null)], cells.Where(c => c.Row == 3).Select(c => (c.Value, c.Type)));
        Assert.All(cells.Where(c => c.Row > 1), c => Assert.Null(c.Style));

        // Style 1 of cellXfs uses a bold font.
        var styles = parts["xl/styles.xml"].Root!;
        var xf = styles.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(1);
        var font = styles.Element(Main + "fonts")!.Elements(Main + "font").ElementAt(int.Parse(xf.Attribute("fontId")!.Value));
        Assert.NotNull(font.Element(Main + "b"));
        Assert.Null(styles.Element(Main + "fonts")!.Elements(Main + "font").First().Element(Main + "b"));
        Assert.Equal(2, int.Parse(styles.Element(Main + "cellXfs")!.Attribute("count")!.Value));

        // The header row stays frozen; every column gets a width.
        var sheet = parts["xl/worksheets/sheet1.xml"].Root!;
        Assert.Equal("frozen", sheet.Descendants(Main + "pane").Single().Attribute("state")!.Value);
        Assert.Equal(4, sheet.Element(Main + "cols")!.Elements(Main + "col").Count());
        Assert.Equal([Main + "sheetViews", Main + "cols", Main + "sheetData"], sheet.Elements().Select(e => e.Name));
    }

    [Fact]
    public void Text_with_markup_characters_is_escaped_and_reads_back_unchanged()
    {
        const string awkward = "<b>甲&乙</b> \"引号\" 'x'";
        var table = new ExportTable("报表\"甲\"<&>", ["名称"], [[awkward], ["=HYPERLINK(\"http://x\")"], ["第一行\n第二行 "], ["甲\r\n乙"], ["a\u0001b\u0008c"]]);

        var bytes = XlsxWriter.Write(table);
        var parts = Xlsx.Open(bytes);
        var raw = Xlsx.RawText(bytes, "xl/worksheets/sheet1.xml");

        Assert.Contains("&lt;b&gt;甲&amp;乙&lt;/b&gt;", raw);
        Assert.DoesNotContain("<b>", raw);
        var values = Xlsx.Cells(parts).Where(c => c.Row > 1).Select(c => c.Value).ToList();
        Assert.Equal([awkward, "=HYPERLINK(\"http://x\")", "第一行\n第二行 ", "甲\r\n乙", "abc"], values);
        // Inline strings are never formulas: no <f> element anywhere.
        Assert.Empty(parts["xl/worksheets/sheet1.xml"].Descendants(Main + "f"));

        var rawWorkbook = Xlsx.RawText(bytes, "xl/workbook.xml");
        Assert.Contains("name=\"报表&quot;甲&quot;&lt;&amp;&gt;\"", rawWorkbook);
        Assert.Equal("报表\"甲\"<&>", parts["xl/workbook.xml"].Root!.Descendants(Main + "sheet").Single().Attribute("name")!.Value);
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
        var parts = Xlsx.Open(XlsxWriter.Write(new ExportTable("空表", ["甲", "乙"], [])));

        var cells = Xlsx.Cells(parts);
        Assert.Equal(["甲", "乙"], cells.Select(c => c.Value));
        Assert.Single(parts["xl/worksheets/sheet1.xml"].Descendants(Main + "row"));
    }
}

/// <summary>Reads an .xlsx the way a spreadsheet does: unzip, parse each part, read the cells of sheet 1.</summary>
public static class Xlsx
{
    private static readonly XNamespace Main = XlsxWriter.MainNamespace;

    public sealed record Cell(string Ref, int Row, string? Type, string? Style, string Value);

    public static Dictionary<string, XDocument> Open(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
        });
    }

    public static string RawText(byte[] bytes, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }

    public static List<Cell> Cells(Dictionary<string, XDocument> parts) =>
        parts["xl/worksheets/sheet1.xml"].Root!.Element(Main + "sheetData")!.Elements(Main + "row")
            .SelectMany(row => row.Elements(Main + "c").Select(c =>
            {
                var type = (string?)c.Attribute("t");
                var value = type == "inlineStr" ? c.Element(Main + "is")!.Element(Main + "t")!.Value : c.Element(Main + "v")!.Value;
                return new Cell(c.Attribute("r")!.Value, int.Parse(row.Attribute("r")!.Value), type, (string?)c.Attribute("s"), value);
            }))
            .ToList();

    /// <summary>The sheet as rows of cell values (empty cells left out), header first.</summary>
    public static List<List<string>> Rows(byte[] bytes) =>
        Cells(Open(bytes)).GroupBy(c => c.Row).OrderBy(g => g.Key).Select(g => g.Select(c => c.Value).ToList()).ToList();
}
