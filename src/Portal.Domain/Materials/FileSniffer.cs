using System.IO.Compression;
using System.Text;

namespace Portal.Domain.Materials;

/// <summary>
/// Decides what a file is from its bytes alone (magic bytes and structure), never from its name or the type the browser
/// declared: PDF (<c>%PDF-</c> at the start, with no active content), JPEG (<c>FF D8 FF</c>), PNG (its 8-byte
/// signature) and OFD (a ZIP container with <c>OFD.xml</c> at its root). Anything else is refused with a Chinese reason
/// that says what the file really is where that is known (an executable renamed .pdf, a web page, a Word document …).
/// The PDF check is described in docs/decisions/0018-materials.md.
/// </summary>
public static class FileSniffer
{
    /// <summary>PDF names that run code, start programs or carry files: a PDF using any of them is refused.</summary>
    public static IReadOnlySet<string> ActiveNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData", "GoToE",
    };

    /// <summary>How many bytes the compressed object streams of one PDF may inflate to before it is refused (a bomb).</summary>
    public const long InflateBudget = 64L * 1024 * 1024;

    public static FileCheck Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        if (span.Length == 0)
        {
            return FileCheck.Refuse("文件是空的（0字节）。");
        }

        if (span.StartsWith("%PDF-"u8))
        {
            return InspectPdf(content);
        }

        if (span.Length >= 3 && span[0] == 0xFF && span[1] == 0xD8 && span[2] == 0xFF)
        {
            return FileCheck.Is(FileKind.Jpeg);
        }

        if (span.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return FileCheck.Is(FileKind.Png);
        }

        if (span.StartsWith("PK\u0003\u0004"u8))
        {
            return InspectZip(content);
        }

        return FileCheck.Refuse(WhatItIs(span));
    }

    /// <summary>A refusal naming what the bytes are, when a common kind is recognised.</summary>
    private static string WhatItIs(ReadOnlySpan<byte> span)
    {
        const string accepted = "只接受PDF、JPEG、PNG或OFD文件。";
        if (span.StartsWith("MZ"u8))
        {
            return "该文件实际是Windows可执行程序，不能上传（" + accepted + "）";
        }

        if (span.StartsWith("\u007FELF"u8))
        {
            return "该文件实际是可执行程序，不能上传（" + accepted + "）";
        }

        if (span.StartsWith("#!"u8))
        {
            return "该文件实际是脚本程序，不能上传（" + accepted + "）";
        }

        if (span.StartsWith("GIF8"u8) || span.StartsWith("BM"u8) || (span.Length >= 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8))
            || span.StartsWith("II*\0"u8) || span.StartsWith("MM\0*"u8) || (span.Length >= 12 && span[4..8].SequenceEqual("ftyp"u8)))
        {
            return "暂不支持该图片格式，请转换为JPEG或PNG后上传（手机拍照请选择“兼容性最佳”格式）。";
        }

        if (span.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }) || span.StartsWith("{\\rtf"u8))
        {
            return "Word、Excel等办公文档请另存为PDF后上传。";
        }

        var text = SkipWhitespaceAndBom(span);
        if (text.Length > 0 && text[0] == (byte)'<')
        {
            return "该文件实际是网页或脚本（HTML、SVG、XML），不能上传（" + accepted + "）";
        }

        return "无法识别的文件类型：" + accepted;
    }

    private static ReadOnlySpan<byte> SkipWhitespaceAndBom(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            span = span[3..];
        }

        var i = 0;
        while (i < span.Length && i < 1024 && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return span[i..];
    }

    private static FileCheck InspectZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var root = zip.Entries.FirstOrDefault(e => e.FullName == "OFD.xml");
            if (root is null)
            {
                return zip.Entries.Any(e => e.FullName == "[Content_Types].xml")
                    ? FileCheck.Refuse("Word、Excel等办公文档请另存为PDF后上传。")
                    : FileCheck.Refuse("压缩包（ZIP）不能上传；OFD版式文件须在根目录含有OFD.xml。");
            }

            using var stream = root.Open();
            var buffer = new byte[64 * 1024];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var head = Encoding.UTF8.GetString(buffer, 0, read);
            return head.Contains("OFD", StringComparison.Ordinal) && head.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith('<')
                ? FileCheck.Is(FileKind.Ofd)
                : FileCheck.Refuse("OFD文件的OFD.xml不是有效的OFD入口文件，请重新导出后上传。");
        }
        catch (InvalidDataException)
        {
            return FileCheck.Refuse("压缩文件已损坏，无法识别。");
        }
    }

    /// <summary>
    /// A PDF is accepted when its object syntax — outside page content and image streams, and inside compressed object
    /// streams (/ObjStm, inflated) — names none of <see cref="ActiveNames"/> (names are compared after #xx escapes are
    /// decoded, so /J#61vaScript is /JavaScript) and it is not encrypted (an encrypted PDF cannot be checked).
    /// </summary>
    private static FileCheck InspectPdf(byte[] content)
    {
        var scan = new PdfScan();
        scan.Run(content, nested: false);
        return scan.Refusal is { } refusal ? FileCheck.Refuse(refusal) : FileCheck.Is(FileKind.Pdf);
    }

    private sealed class PdfScan
    {
        private long inflated;

        public string? Refusal { get; private set; }

        public void Run(ReadOnlySpan<byte> data, bool nested)
        {
            // Names seen since the current object began ("N 0 obj"), to know what kind of stream follows.
            var objectNames = new HashSet<string>(StringComparer.Ordinal);
            int? length = null;
            var i = 0;
            while (i < data.Length && Refusal is null)
            {
                var b = data[i];
                switch (b)
                {
                    case (byte)'%':
                        while (i < data.Length && data[i] is not ((byte)'\r' or (byte)'\n'))
                        {
                            i++;
                        }

                        break;
                    case (byte)'(':
                        i = SkipLiteralString(data, i);
                        break;
                    case (byte)'<':
                        // "<<" opens a dictionary; a single "<" a hex string, skipped to its ">".
                        i = i + 1 < data.Length && data[i + 1] == (byte)'<' ? i + 2
                            : data[i..].IndexOf((byte)'>') is var close and >= 0 ? i + close + 1 : data.Length;
                        break;
                    case (byte)'/':
                        var (name, end) = ReadName(data, i + 1);
                        i = end;
                        if (ActiveNames.Contains(name))
                        {
                            Refusal = $"PDF文件含有脚本、自动执行或嵌入文件等活动内容（/{name}），为安全起见不能上传。请用“打印为PDF”重新生成后上传。";
                            return;
                        }

                        if (name == "Encrypt")
                        {
                            Refusal = "PDF文件已加密或设有密码，无法检查其内容。请去除密码保护后重新上传。";
                            return;
                        }

                        objectNames.Add(name);
                        if (name == "Length")
                        {
                            length = ReadDirectInteger(data, ref i);
                        }

                        break;
                    default:
                        if (IsKeyword(data, i, "obj"u8))
                        {
                            objectNames.Clear();
                            length = null;
                            i += 3;
                        }
                        else if (!nested && IsKeyword(data, i, "stream"u8))
                        {
                            i = SkipStream(data, i + 6, objectNames, length);
                            objectNames.Clear();
                            length = null;
                        }
                        else
                        {
                            i++;
                        }

                        break;
                }
            }
        }

        /// <summary>Skips a stream's data; an object stream (/ObjStm) is scanned, inflated when it is /FlateDecode.</summary>
        private int SkipStream(ReadOnlySpan<byte> data, int afterKeyword, HashSet<string> names, int? length)
        {
            var start = afterKeyword;
            if (start < data.Length && data[start] == (byte)'\r')
            {
                start++;
            }

            if (start < data.Length && data[start] == (byte)'\n')
            {
                start++;
            }

            var end = -1;
            if (length is { } n && n >= 0 && start + n <= data.Length && data[(start + n)..].TrimStart(" \r\n\t"u8).StartsWith("endstream"u8))
            {
                end = start + n;
            }
            else if (data[start..].IndexOf("endstream"u8) is var found and >= 0)
            {
                end = start + found;
            }

            // An object stream must be exactly as long as it says: one whose length does not match may have been cut
            // (and a cut compressed stream inflates to less without an error), so it cannot be checked.
            // (An indirect length, "/Length 12 0 R", is not resolved: the stream then ends at "endstream".)
            var lengthContradicts = length is { } declared && end != start + declared;
            if (end < 0 || (names.Contains("ObjStm") && lengthContradicts))
            {
                Refusal = "PDF文件不完整或已损坏，无法检查，请重新导出后上传。";
                return data.Length;
            }

            if (names.Contains("ObjStm"))
            {
                var body = data[start..end];
                if (names.Contains("FlateDecode"))
                {
                    if (Inflate(body) is { } plain)
                    {
                        Run(plain, nested: true);
                    }
                }
                else if (names.Contains("Filter"))
                {
                    Refusal = "PDF文件使用了无法检查的压缩方式，请用“打印为PDF”重新生成后上传。";
                }
                else
                {
                    Run(body, nested: true);
                }
            }

            return end + "endstream".Length;
        }

        private byte[]? Inflate(ReadOnlySpan<byte> body)
        {
            try
            {
                using var input = new MemoryStream(body.ToArray(), writable: false);
                using var zlib = new ZLibStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (inflated > InflateBudget)
                    {
                        Refusal = "PDF文件解压后过大，无法检查，请重新导出后上传。";
                        return null;
                    }

                    output.Write(buffer, 0, read);
                }

                return output.ToArray();
            }
            catch (InvalidDataException)
            {
                Refusal = "PDF文件的压缩内容已损坏，无法检查，请重新导出后上传。";
                return null;
            }
        }

        private static int SkipLiteralString(ReadOnlySpan<byte> data, int open)
        {
            var depth = 0;
            for (var i = open; i < data.Length; i++)
            {
                switch (data[i])
                {
                    case (byte)'\\':
                        i++;
                        break;
                    case (byte)'(':
                        depth++;
                        break;
                    case (byte)')':
                        if (--depth == 0)
                        {
                            return i + 1;
                        }

                        break;
                }
            }

            return data.Length;
        }

        /// <summary>A name token after its slash, with #xx escapes decoded (PDF 1.2+).</summary>
        private static (string Name, int End) ReadName(ReadOnlySpan<byte> data, int start)
        {
            var bytes = new List<byte>();
            var i = start;
            while (i < data.Length && !IsDelimiterOrSpace(data[i]))
            {
                if (data[i] == (byte)'#' && i + 2 < data.Length && IsHex(data[i + 1]) && IsHex(data[i + 2]))
                {
                    bytes.Add((byte)((HexValue(data[i + 1]) << 4) | HexValue(data[i + 2])));
                    i += 3;
                }
                else
                {
                    bytes.Add(data[i]);
                    i++;
                }
            }

            return (Encoding.Latin1.GetString(bytes.ToArray()), i);
        }

        private static int? ReadDirectInteger(ReadOnlySpan<byte> data, ref int i)
        {
            var j = i;
            while (j < data.Length && data[j] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
            {
                j++;
            }

            var digitsStart = j;
            long value = 0;
            while (j < data.Length && data[j] is >= (byte)'0' and <= (byte)'9' && j - digitsStart < 10)
            {
                value = (value * 10) + (data[j] - '0');
                j++;
            }

            if (j == digitsStart)
            {
                return null;
            }

            // "12 0 R" is a reference, not the length.
            var k = j;
            while (k < data.Length && data[k] == (byte)' ')
            {
                k++;
            }

            if (k < data.Length && data[k] is >= (byte)'0' and <= (byte)'9')
            {
                return null;
            }

            i = j;
            return value > int.MaxValue ? null : (int)value;
        }

        private static bool IsKeyword(ReadOnlySpan<byte> data, int i, ReadOnlySpan<byte> keyword) =>
            data[i..].StartsWith(keyword)
            && (i == 0 || IsDelimiterOrSpace(data[i - 1]))
            && (i + keyword.Length >= data.Length || IsDelimiterOrSpace(data[i + keyword.Length]));

        private static bool IsDelimiterOrSpace(byte b) =>
            b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
                or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

        private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

        private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }
}
