using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Portal.Testing;

/// <summary>
/// Files the upload tests send, made here (nothing downloaded): valid PDFs, JPEGs and PNGs, an OFD, and hostile files —
/// PDFs with JavaScript (plain, #-escaped, inside a compressed object stream), /Launch, embedded files, encryption;
/// executables and web pages renamed; a phone photo stored sideways with an EXIF orientation.
/// </summary>
public static class SampleFiles
{
    /// <summary>A valid one-page PDF (correct cross-reference table) showing <paramref name="text"/> (ASCII).</summary>
    public static byte[] Pdf(string text = "Portal sample", string? extraCatalog = null, IReadOnlyList<string>? extraObjects = null)
    {
        var content = $"BT /F1 24 Tf 72 700 Td ({text}) Tj ET";
        var objects = new List<string>
        {
            $"<< /Type /Catalog /Pages 2 0 R {extraCatalog} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        objects.AddRange(extraObjects ?? []);
        return Assemble(objects.Select(o => Encoding.Latin1.GetBytes(o)).ToList());
    }

    /// <summary>Objects given as bytes (so a stream may hold binary data), numbered from 1; object 1 is the catalog.</summary>
    public static byte[] Assemble(IReadOnlyList<byte[]> objects, string? trailerExtra = null)
    {
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write("\nendobj\n");
        }

        var xref = pdf.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    public static byte[] PdfWithJavaScript() =>
        Pdf(extraCatalog: "/OpenAction 6 0 R", extraObjects: ["<< /S /JavaScript /JS (app.alert('x');) >>"]);

    /// <summary>/J#61vaScript is /JavaScript to a PDF reader (#xx escapes in names).</summary>
    public static byte[] PdfWithEscapedJavaScript() =>
        Pdf(extraCatalog: "/OpenAction 6 0 R", extraObjects: ["<< /S /J#61vaScript /J#53 (app.alert('x');) >>"]);

    public static byte[] PdfWithLaunch() =>
        Pdf(extraCatalog: "/OpenAction 6 0 R", extraObjects: ["<< /S /Launch /F (cmd.exe) >>"]);

    public static byte[] PdfWithEmbeddedFile() =>
        Pdf(extraCatalog: "/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>", extraObjects: ["<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>", "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream"]);

    public static byte[] EncryptedPdf() =>
        Assemble(Pdf_Objects(), "/Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>");

    /// <summary>The JavaScript action hidden inside a Flate-compressed object stream (PDF 1.5): only inflating finds it.</summary>
    public static byte[] PdfWithJavaScriptInObjectStream()
    {
        var hidden = Encoding.Latin1.GetBytes("6 0 << /S /JavaScript /JS (app.alert('x');) >>");
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(hidden);
        }

        var data = compressed.ToArray();
        var objects = Pdf_Objects("/OpenAction 6 0 R");
        var head = Encoding.Latin1.GetBytes($"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {data.Length} >>\nstream\n");
        objects.Add([.. head, .. data, .. Encoding.Latin1.GetBytes("\nendstream")]);
        return Assemble(objects);
    }

    /// <summary>A harmless PDF that says "JavaScript" in its text and has "/JS" bytes inside a compressed content stream.</summary>
    public static byte[] PdfThatOnlyMentionsJavaScript()
    {
        var payload = Encoding.Latin1.GetBytes("BT /F1 12 Tf 72 700 Td (see /JavaScript and /JS in the manual) Tj ET % /Launch");
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(payload);
        }

        var data = compressed.ToArray();
        var objects = Pdf_Objects();
        objects[3] = [.. Encoding.Latin1.GetBytes($"<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n"), .. data, .. Encoding.Latin1.GetBytes("\nendstream")];
        return Assemble(objects);
    }

    /// <summary>A valid PDF padded (inside a comment) to <paramref name="size"/> bytes.</summary>
    public static byte[] PdfOfSize(long size)
    {
        var pdf = Pdf();
        var padding = (int)Math.Max(0, size - pdf.Length - 4);
        return [.. pdf, .. Encoding.ASCII.GetBytes("%"), .. Enumerable.Repeat((byte)'x', padding), .. Encoding.ASCII.GetBytes("\n%\n")];
    }

    private static List<byte[]> Pdf_Objects(string? extraCatalog = null)
    {
        const string content = "BT /F1 24 Tf 72 700 Td (Portal sample) Tj ET";
        return
        [
            Encoding.Latin1.GetBytes($"<< /Type /Catalog /Pages 2 0 R {extraCatalog} >>"),
            Encoding.Latin1.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.Latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            Encoding.Latin1.GetBytes($"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
            Encoding.Latin1.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        ];
    }

    /// <summary>A Windows executable's first bytes (MZ header), to be named .pdf.</summary>
    public static byte[] Executable() => [.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, .. new byte[200]];

    public static byte[] LinuxExecutable() => [0x7F, .. "ELF"u8.ToArray(), 0x02, 0x01, 0x01, .. new byte[100]];

    public static byte[] WebPage() => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    public static byte[] Svg() => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"u8.ToArray();

    public static byte[] Gif() => "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray();

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return memory.ToArray();
    }

    /// <summary>An OFD (GB/T 33190) container: OFD.xml at the root naming one document.</summary>
    public static byte[] Ofd() => Zip(
        ("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        ("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    /// <summary>
    /// A JPEG picture <paramref name="width"/>×<paramref name="height"/> as stored: left half red, right half blue. With
    /// <paramref name="orientation"/> (EXIF 1-8) it carries an APP1 EXIF segment saying how to turn it — 6 is a phone
    /// held upright: stored sideways, shown turned 90° clockwise (red on top).
    /// </summary>
    public static byte[] Jpeg(int width = 400, int height = 200, int? orientation = null, int quality = 90, bool noise = false)
    {
        using var bitmap = Picture(width, height, noise);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        var jpeg = data.ToArray();
        return orientation is { } o ? WithExifOrientation(jpeg, o) : jpeg;
    }

    public static byte[] Png(int width = 300, int height = 200)
    {
        using var bitmap = Picture(width, height, noise: false);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A JPEG's first bytes with nothing behind them: the magic is right, there is no picture.</summary>
    public static byte[] JpegHeaderOnly() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8.ToArray(), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, .. new byte[64]];

    /// <summary>A large phone-camera photo (noise keeps it from compressing): several MB, stored sideways (EXIF 6).</summary>
    public static byte[] PhonePhoto() => Jpeg(4000, 3000, orientation: 6, quality: 92, noise: true);

    /// <summary>The colour of the picture at a point of its decoded (not EXIF-turned) pixels.</summary>
    public static SKColor PixelAt(byte[] image, double x, double y)
    {
        using var bitmap = SKBitmap.Decode(image);
        return bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
    }

    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The EXIF orientation a JPEG declares (1 when none).</summary>
    public static int OrientationOf(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        return (int)codec.EncodedOrigin;
    }

    private static SKBitmap Picture(int width, int height, bool noise)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var red = new SKPaint { Color = SKColors.Red };
        using var blue = new SKPaint { Color = SKColors.Blue };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        canvas.Flush();
        if (noise)
        {
            // One pixel in six gets a random colour (written straight into the pixels: drawing them one by one is slow).
            var random = new Random(42);
            var pixels = bitmap.Pixels;
            for (var i = 0; i < pixels.Length; i += 6)
            {
                pixels[random.Next(i, Math.Min(i + 6, pixels.Length))] = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }

            bitmap.Pixels = pixels;
        }

        return bitmap;
    }

    /// <summary>Inserts an APP1 EXIF segment (big-endian TIFF, one IFD entry: Orientation) near the start of the JPEG.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 0x22,
            .. "Exif\0\0"u8.ToArray(),
            .. "MM\0*"u8.ToArray(), 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        // After the JFIF APP0 segment when there is one (decoders expect APP0 first).
        var at = jpeg[2] == 0xFF && jpeg[3] == 0xE0 ? 4 + ((jpeg[4] << 8) | jpeg[5]) : 2;
        return [.. jpeg[..at], .. exif, .. jpeg[at..]];
    }
}
