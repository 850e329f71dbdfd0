using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Portal.Web.Common.Export;

/// <summary>
/// Writes a table as a minimal Office Open XML workbook (.xlsx, ECMA-376) with one sheet, without a spreadsheet
/// package: [Content_Types].xml, _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/styles.xml (a bold
/// header) and xl/worksheets/sheet1.xml. Text is written as inline strings (t="inlineStr": never evaluated as a
/// formula, so no injection guard is needed), numbers as numbers; all text goes through an XmlWriter, so &lt; &amp;
/// and quotes are escaped, and characters XML cannot carry (control characters) are dropped. The header row is frozen.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PackageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellText = 32767;

    private const int HeaderStyle = 1;

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", PackageRelationships);
            Part(zip, "xl/workbook.xml", w => Workbook(w, SheetName(table.Name)));
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/styles.xml", Styles);
            Part(zip, "xl/worksheets/sheet1.xml", w => Sheet(w, table));
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

    private static void Part(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.Entitize });
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter w)
    {
        w.WriteStartElement("Types", ContentTypesNamespace);
        Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, "xml", "application/xml");
        Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(w, "/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string extension, string type)
        {
            w.WriteStartElement("Default", ContentTypesNamespace);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string part, string type)
        {
            w.WriteStartElement("Override", ContentTypesNamespace);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void PackageRelationships(XmlWriter w)
    {
        w.WriteStartElement("Relationships", PackageRelationshipNamespace);
        Relationship(w, "rId1", RelationshipNamespace + "/officeDocument", "xl/workbook.xml");
        w.WriteEndElement();
    }

    private static void WorkbookRelationships(XmlWriter w)
    {
        w.WriteStartElement("Relationships", PackageRelationshipNamespace);
        Relationship(w, "rId1", RelationshipNamespace + "/worksheet", "worksheets/sheet1.xml");
        Relationship(w, "rId2", RelationshipNamespace + "/styles", "styles.xml");
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelationshipNamespace);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static void Workbook(XmlWriter w, string sheetName)
    {
        w.WriteStartElement("workbook", MainNamespace);
        w.WriteAttributeString("xmlns", "r", null, RelationshipNamespace);
        w.WriteStartElement("sheets", MainNamespace);
        w.WriteStartElement("sheet", MainNamespace);
        w.WriteAttributeString("name", XmlSafe(sheetName));
        w.WriteAttributeString("sheetId", "1");
        w.WriteAttributeString("id", RelationshipNamespace, "rId1");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Two cell formats: 0 the default, 1 bold (the header row).</summary>
    private static void Styles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", MainNamespace);

        w.WriteStartElement("fonts", MainNamespace);
        w.WriteAttributeString("count", "2");
        Font(w, bold: false);
        Font(w, bold: true);
        w.WriteEndElement();

        w.WriteStartElement("fills", MainNamespace);
        w.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            w.WriteStartElement("fill", MainNamespace);
            w.WriteStartElement("patternFill", MainNamespace);
            w.WriteAttributeString("patternType", pattern);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("borders", MainNamespace);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("border", MainNamespace);
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            w.WriteElementString(side, MainNamespace, null);
        }

        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs", MainNamespace);
        w.WriteAttributeString("count", "1");
        Format(w, font: 0, withStyle: false);
        w.WriteEndElement();

        w.WriteStartElement("cellXfs", MainNamespace);
        w.WriteAttributeString("count", "2");
        Format(w, font: 0, withStyle: true);
        Format(w, font: 1, withStyle: true);
        w.WriteEndElement();

        w.WriteStartElement("cellStyles", MainNamespace);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle", MainNamespace);
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteEndElement();

        static void Font(XmlWriter w, bool bold)
        {
            w.WriteStartElement("font", MainNamespace);
            if (bold)
            {
                w.WriteElementString("b", MainNamespace, null);
            }

            w.WriteStartElement("sz", MainNamespace);
            w.WriteAttributeString("val", "11");
            w.WriteEndElement();
            w.WriteStartElement("name", MainNamespace);
            w.WriteAttributeString("val", "等线");
            w.WriteEndElement();
            w.WriteStartElement("family", MainNamespace);
            w.WriteAttributeString("val", "2");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        static void Format(XmlWriter w, int font, bool withStyle)
        {
            w.WriteStartElement("xf", MainNamespace);
            w.WriteAttributeString("numFmtId", "0");
            w.WriteAttributeString("fontId", font.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteAttributeString("fillId", "0");
            w.WriteAttributeString("borderId", "0");
            if (withStyle)
            {
                w.WriteAttributeString("xfId", "0");
            }

            if (font != 0)
            {
                w.WriteAttributeString("applyFont", "1");
            }

            w.WriteEndElement();
        }
    }

    private static void Sheet(XmlWriter w, ExportTable table)
    {
        w.WriteStartElement("worksheet", MainNamespace);

        // The header row stays in view while scrolling.
        w.WriteStartElement("sheetViews", MainNamespace);
        w.WriteStartElement("sheetView", MainNamespace);
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("pane", MainNamespace);
        w.WriteAttributeString("ySplit", "1");
        w.WriteAttributeString("topLeftCell", "A2");
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        var columns = Math.Max(table.Headers.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        if (columns > 0)
        {
            w.WriteStartElement("cols", MainNamespace);
            for (var c = 0; c < columns; c++)
            {
                var widest = table.Rows.Select(r => c < r.Count ? Width(r[c]) : 0)
                    .Append(c < table.Headers.Count ? Width(table.Headers[c]) : 0)
                    .Max();
                var number = (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.WriteStartElement("col", MainNamespace);
                w.WriteAttributeString("min", number);
                w.WriteAttributeString("max", number);
                w.WriteAttributeString("width", Math.Clamp(widest + 2, 8, 60).ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteStartElement("sheetData", MainNamespace);
        Row(w, 1, table.Headers.Cast<object?>().ToList(), HeaderStyle);
        var r = 2;
        foreach (var row in table.Rows)
        {
            Row(w, r++, row, null);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, int rowNumber, IReadOnlyList<object?> cells, int? style)
    {
        var row = rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.WriteStartElement("row", MainNamespace);
        w.WriteAttributeString("r", row);
        for (var c = 0; c < cells.Count; c++)
        {
            var value = cells[c];
            if (value is null)
            {
                continue;
            }

            w.WriteStartElement("c", MainNamespace);
            w.WriteAttributeString("r", ColumnName(c) + row);
            if (style is { } s)
            {
                w.WriteAttributeString("s", s.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (ExportTable.IsNumber(value))
            {
                w.WriteElementString("v", MainNamespace, ExportTable.FormatNumber(value));
            }
            else
            {
                var text = XmlSafe(ExportTable.TextOf(value));
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", MainNamespace);
                w.WriteStartElement("t", MainNamespace);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n')))
                {
                    w.WriteAttributeString("xml", "space", null, "preserve");
                }

                w.WriteString(text);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>Roughly how many character widths a cell needs (Chinese characters take two).</summary>
    private static int Width(object? value)
    {
        var text = value is null ? "" : ExportTable.IsNumber(value) ? ExportTable.FormatNumber(value) : ExportTable.TextOf(value);
        var longestLine = text.Split('\n').Select(line => line.Sum(ch => ch > 0x2E80 ? 2 : 1)).DefaultIfEmpty(0).Max();
        return longestLine;
    }
}
