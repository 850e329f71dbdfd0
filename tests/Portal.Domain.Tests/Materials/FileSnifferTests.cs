using Portal.Domain.Materials;
using Portal.Testing;

namespace Portal.Domain.Tests.Materials;

/// <summary>The kind of an upload is decided by its bytes: PDF, JPEG, PNG and OFD pass; anything else is refused in Chinese.</summary>
public sealed class FileSnifferTests
{
    [Fact]
    public void Accepted_kinds_are_recognised_by_their_content()
    {
        Assert.Equal(FileKind.Pdf, FileSniffer.Inspect(SampleFiles.Pdf()).Kind);
        Assert.Equal(FileKind.Jpeg, FileSniffer.Inspect(SampleFiles.Jpeg()).Kind);
        Assert.Equal(FileKind.Png, FileSniffer.Inspect(SampleFiles.Png()).Kind);
        Assert.Equal(FileKind.Ofd, FileSniffer.Inspect(SampleFiles.Ofd()).Kind);
    }

    [Fact]
    public void A_pdf_that_only_mentions_javascript_in_its_text_is_accepted()
    {
        var check = FileSniffer.Inspect(SampleFiles.PdfThatOnlyMentionsJavaScript());

        Assert.True(check.Accepted, check.Refusal);
    }

    public static TheoryData<string, byte[], string> ActivePdfs => new()
    {
        { "OpenAction JavaScript", SampleFiles.PdfWithJavaScript(), "/JavaScript" },
        { "#-escaped name", SampleFiles.PdfWithEscapedJavaScript(), "/JavaScript" },
        { "compressed object stream", SampleFiles.PdfWithJavaScriptInObjectStream(), "/JavaScript" },
        { "Launch", SampleFiles.PdfWithLaunch(), "/Launch" },
        { "embedded file", SampleFiles.PdfWithEmbeddedFile(), "/EmbeddedFile" },
    };

    [Theory]
    [MemberData(nameof(ActivePdfs))]
    public void A_pdf_with_active_content_is_refused_naming_what_it_carries(string what, byte[] pdf, string name)
    {
        var check = FileSniffer.Inspect(pdf);

        Assert.False(check.Accepted, what);
        Assert.Contains("活动内容", check.Refusal);
        Assert.Contains(name, check.Refusal);
    }

    [Fact]
    public void An_encrypted_pdf_cannot_be_checked_and_is_refused()
    {
        var check = FileSniffer.Inspect(SampleFiles.EncryptedPdf());

        Assert.False(check.Accepted);
        Assert.Contains("加密", check.Refusal);
    }

    public static TheoryData<string, byte[], string> Others => new()
    {
        { "Windows executable", SampleFiles.Executable(), "Windows可执行程序" },
        { "Linux executable", SampleFiles.LinuxExecutable(), "可执行程序" },
        { "web page", SampleFiles.WebPage(), "网页或脚本" },
        { "SVG", SampleFiles.Svg(), "网页或脚本" },
        { "GIF", SampleFiles.Gif(), "转换为JPEG或PNG" },
        { "ZIP", SampleFiles.Zip(("a.txt", "x")), "压缩包" },
        { "Word document", SampleFiles.Docx(), "另存为PDF" },
        { "empty", [], "空的" },
        { "text", "申请材料"u8.ToArray(), "只接受PDF、JPEG、PNG或OFD" },
        { "PDF magic late", [.. "junk"u8.ToArray(), .. SampleFiles.Pdf()], "只接受PDF、JPEG、PNG或OFD" },
    };

    [Theory]
    [MemberData(nameof(Others))]
    public void Anything_else_is_refused_saying_what_it_is(string what, byte[] content, string says)
    {
        var check = FileSniffer.Inspect(content);

        Assert.False(check.Accepted, what);
        Assert.Null(check.Kind);
        Assert.Contains(says, check.Refusal);
    }

    [Fact]
    public void An_ofd_without_its_root_document_is_refused()
    {
        var check = FileSniffer.Inspect(SampleFiles.Zip(("Doc_0/OFD.xml", "<ofd:OFD/>")));

        Assert.False(check.Accepted);
        Assert.Contains("OFD.xml", check.Refusal);
    }

    [Fact]
    public void A_truncated_compressed_object_stream_is_refused_as_damaged()
    {
        var pdf = SampleFiles.PdfWithJavaScriptInObjectStream();
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var start = text.IndexOf("stream\n", text.IndexOf("/ObjStm", StringComparison.Ordinal), StringComparison.Ordinal) + 7;

        // The compressed bytes are cut to a third: the stream cannot be inflated, so it cannot be checked.
        var end = text.IndexOf("\nendstream", start, StringComparison.Ordinal);
        var cut = pdf[..(start + ((end - start) / 3))].Concat(pdf[end..]).ToArray();
        var check = FileSniffer.Inspect(cut);

        Assert.False(check.Accepted);
    }
}
