using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Materials;
using Portal.Web.Common.Export;
using SkiaSharp;

namespace Portal.Web.Features.Materials;

/// <summary>
/// The download of a material's template, generated at request time from the same text the printable page shows
/// (<see cref="MaterialTemplate"/>): a Word document to fill in, an Excel roster, or an example picture. Nothing is
/// fetched or stored; the same template always gives the same content.
/// </summary>
public static class TemplateFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The example picture's size in pixels.</summary>
    public const int ImageWidth = 1200;

    public const int ImageHeight = 760;

    /// <summary>The rooms of the example 平面布局图: name, area in m², and the box they take on a 30 × 22.5 m plan (metres).</summary>
    public static IReadOnlyList<(string Name, int Area, float X, float Y, float W, float H)> ExampleRooms { get; } =
    [
        ("库房", 12, 0, 0, 4, 3),
        ("粗加工区", 12, 4, 0, 4, 3),
        ("烹饪区", 24, 8, 0, 8, 3),
        ("清洗消毒区", 9, 16, 0, 3, 3),
        ("更衣室", 6, 19, 0, 2, 3),
        ("卫生间", 6, 21, 0, 2, 3),
        ("就餐区", 120, 0, 3, 23, 5.2f),
    ];

    public static (byte[] Content, string ContentType) Create(MaterialTemplate template) => template.Format switch
    {
        TemplateFormat.Docx => (Docx(template), DocxType),
        TemplateFormat.Xlsx => (Xlsx(template), XlsxWriter.ContentType),
        TemplateFormat.Png => (Png(template), "image/png"),
        _ => throw new ArgumentOutOfRangeException(nameof(template)),
    };

    /// <summary>A Word document: the title, the points to cover as a numbered list, the blanks and the table to fill in, the source.</summary>
    public static byte[] Docx(MaterialTemplate template)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(template.Title, bold: true, size: 32, centred: true));
            body.Append(Paragraph("填写要点", bold: true, size: 24));
            foreach (var point in template.Paragraphs)
            {
                body.Append(Paragraph(point, size: 22));
            }

            if (template.Fields.Count > 0)
            {
                body.Append(Paragraph("填写内容", bold: true, size: 24));
                body.Append(Table(null, template.Fields.Select(f => (IReadOnlyList<string>)[f, ""]).ToList()));
            }

            if (template.Columns.Count > 0)
            {
                body.Append(Paragraph("名单", bold: true, size: 24));
                var rows = Enumerable.Range(0, template.BlankRows).Select(_ => (IReadOnlyList<string>)template.Columns.Select(_ => "").ToList()).ToList();
                body.Append(Table(template.Columns, rows));
            }

            body.Append(Paragraph($"依据：{template.Source}。本模板由政务服务中心网上办事大厅生成，仅供参照填写。", size: 18));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>An Excel workbook: one sheet named after the template with its columns as the (frozen, bold) header row.</summary>
    public static byte[] Xlsx(MaterialTemplate template) =>
        XlsxWriter.Write(new ExportTable(template.Title, template.Columns, []));

    /// <summary>
    /// The example 平面布局图: a floor plan of a small restaurant with each area named and sized, the flow of food from
    /// 库房 to 就餐区 drawn as arrows, and the template's points under it. Chinese is drawn with a CJK font found on the
    /// host (Noto Sans CJK on the portal's hosts).
    /// </summary>
    public static byte[] Png(MaterialTemplate template)
    {
        var info = new SKImageInfo(ImageWidth, ImageHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = SKFontManager.Default.MatchCharacter('餐') ?? SKTypeface.Default;
        using var title = new SKFont(typeface, 34);
        using var label = new SKFont(typeface, 22);
        using var small = new SKFont(typeface, 18);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var muted = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        using var wall = new SKPaint { Color = SKColors.Black, IsStroke = true, StrokeWidth = 4, IsAntialias = true };
        using var fill = new SKPaint { Color = new SKColor(0xEE, 0xF4, 0xFB) };
        using var flow = new SKPaint { Color = new SKColor(0xC0, 0x39, 0x2B), IsStroke = true, StrokeWidth = 3, IsAntialias = true };

        canvas.DrawText(template.Title, 40, 60, SKTextAlign.Left, title, ink);
        const float scale = 40f, left = 40f, top = 100f;
        foreach (var (name, area, x, y, w, h) in ExampleRooms)
        {
            var box = new SKRect(left + x * scale, top + y * scale, left + (x + w) * scale, top + (y + h) * scale);
            canvas.DrawRect(box, fill);
            canvas.DrawRect(box, wall);
            canvas.DrawText(name, box.MidX, box.MidY - 4, SKTextAlign.Center, label, ink);
            canvas.DrawText($"{area}㎡", box.MidX, box.MidY + 22, SKTextAlign.Center, small, muted);
        }

        // 生进熟出: 库房 → 粗加工 → 烹饪 → 就餐区.
        var path = new[] { (2f, 2.6f), (6f, 2.6f), (12f, 2.6f), (12f, 4.3f) };
        for (var i = 1; i < path.Length; i++)
        {
            var (x0, y0) = path[i - 1];
            var (x1, y1) = path[i];
            canvas.DrawLine(left + x0 * scale, top + y0 * scale, left + x1 * scale, top + y1 * scale, flow);
        }

        var (ex, ey) = path[^1];
        canvas.DrawLine(left + ex * scale, top + ey * scale, left + ex * scale - 8, top + ey * scale - 12, flow);
        canvas.DrawLine(left + ex * scale, top + ey * scale, left + ex * scale + 8, top + ey * scale - 12, flow);
        canvas.DrawText("红色箭头：食品加工流向（生进熟出，不交叉）    总面积：189㎡（示例，各区按面积比例绘制）", left, top + 8.2f * scale + 40, SKTextAlign.Left, small, muted);

        var line = top + 8.2f * scale + 90;
        for (var i = 0; i < template.Paragraphs.Count; i++)
        {
            canvas.DrawText($"{i + 1}. {template.Paragraphs[i]}", left, line, SKTextAlign.Left, small, ink);
            line += 30;
        }

        canvas.DrawText($"依据：{template.Source}。本图为示例，请按实际场所绘制。", left, ImageHeight - 30, SKTextAlign.Left, small, muted);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 22, bool centred = false)
    {
        // The schema's order: fonts, bold, size.
        var properties = new RunProperties(new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var paragraph = new Paragraph(new Run(properties, new Text(XlsxWriter.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
        if (centred)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        return paragraph;
    }

    /// <summary>A bordered table: the header row in bold (when there is one), then the rows.</summary>
    private static Table Table(IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var border = (uint)4;
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border },
                new LeftBorder { Val = BorderValues.Single, Size = border },
                new BottomBorder { Val = BorderValues.Single, Size = border },
                new RightBorder { Val = BorderValues.Single, Size = border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = border })));

        // The grid: equal columns over the text width (A4 less the margins: 9026 twips).
        var columns = header?.Count ?? rows.Select(r => r.Count).DefaultIfEmpty(1).Max();
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9026 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        if (header is not null)
        {
            table.Append(new TableRow(header.Select(cell => new TableCell(Paragraph(cell, bold: true)))));
        }

        foreach (var cells in rows)
        {
            var row = new TableRow(new TableRowProperties(new TableRowHeight { Val = 480 }));
            row.Append(cells.Select(cell => new TableCell(Paragraph(cell))));
            table.Append(row);
        }

        return table;
    }
}
