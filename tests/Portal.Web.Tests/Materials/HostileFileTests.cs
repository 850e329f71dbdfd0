using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Testing;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// Hostile and oversized files posted over HTTP to the 企业开办 form the way a browser posts them: each is refused with a
/// clear Chinese reason beside its line, the form keeps what was typed, nothing is stored for the refused file, and
/// nothing reaches a server error.
/// </summary>
public sealed class HostileFileTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private const string Apply = "/Establishment/Apply";

    public static TheoryData<string, string, byte[], string, string> Hostile => new()
    {
        { "PDF with JavaScript", "平面布局图.pdf", SampleFiles.PdfWithJavaScript(), "application/pdf", "活动内容" },
        { "JavaScript hidden in a compressed object stream", "平面布局图.pdf", SampleFiles.PdfWithJavaScriptInObjectStream(), "application/pdf", "活动内容" },
        { "executable renamed .pdf", "租赁合同.pdf", SampleFiles.Executable(), "application/pdf", "Windows可执行程序" },
        { "web page renamed .png", "照片.png", SampleFiles.WebPage(), "image/png", "网页或脚本" },
        { "SVG with a script", "图.png", SampleFiles.Svg(), "image/svg+xml", "网页或脚本" },
        { "JPEG magic without a picture", "照片.jpg", SampleFiles.JpegHeaderOnly(), "image/jpeg", "图片" },
        { "ZIP that is no OFD", "材料.ofd", SampleFiles.Zip(("a.txt", "x")), "application/ofd", "压缩包" },
        { "encrypted PDF", "合同.pdf", SampleFiles.EncryptedPdf(), "application/pdf", "加密" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_file_is_refused_in_chinese_and_nothing_of_it_is_kept(string what, string name, byte[] content, string declared, string says)
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync(Apply);

        var answer = await session.PostMultipartAsync(Apply + "?handler=Upload",
            [(HttpSession.TokenField, form.Token()!), ("Data.ProposedName", "枣庄味道餐饮有限公司"), ("Data.Address", "光明路1号")],
            [("material:floor-plan", name, content, declared)]);

        Assert.True(answer.Status == HttpStatusCode.OK, $"{what}: {(int)answer.Status}");
        Assert.Contains(says, answer.Text);
        Assert.Contains("floor-plan", answer.Html.Document.QuerySelector("[data-testid=file-error]")?.Closest("fieldset")?.GetAttribute("data-testid") ?? "");
        Assert.Equal("枣庄味道餐饮有限公司", answer.InputValue("Data.ProposedName"));
        Assert.Empty(answer.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));
        Assert.Equal(0, await factory.WithDb(db => db.MaterialFiles.CountAsync(f => f.UploadedById == applicant.Id)));
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused_and_the_good_file_beside_it_is_kept()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync(Apply);

        var answer = await session.PostMultipartAsync(Apply + "?handler=Upload",
            [(HttpSession.TokenField, form.Token()!)],
            [
                ("material:floor-plan", "扫描件.pdf", SampleFiles.PdfOfSize(11L * 1024 * 1024), "application/pdf"),
                ("material:premises", "租赁合同.pdf", SampleFiles.Pdf(), "application/pdf"),
            ]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("“扫描件.pdf”有11 MB，超过单个文件10 MB的上限", answer.Text);
        var kept = Assert.Single(answer.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));
        Assert.Contains("租赁合同.pdf", kept.TextContent);
    }

    [Fact]
    public async Task Files_past_fifty_megabytes_for_one_application_are_refused_with_the_total()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync(Apply);
        var nine = SampleFiles.PdfOfSize(9L * 1024 * 1024);

        // Six different files of 9 MB: the first five (45 MB) are kept, the sixth would make 54 MB.
        var files = Enumerable.Range(0, 6).Select(i => ("material:premises", $"第{i + 1}页.pdf", nine.Concat(new[] { (byte)i }).ToArray(), "application/pdf")).ToList();
        var answer = await session.PostMultipartAsync(Apply + "?handler=Upload", [(HttpSession.TokenField, form.Token()!)], files);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("每个办件的材料合计不超过50 MB", answer.Text);
        Assert.Equal(5, answer.Html.Document.QuerySelectorAll("[data-testid=staged-file]").Length);
    }

    [Fact]
    public async Task A_post_larger_than_the_upload_limit_gets_a_chinese_page_and_stores_nothing()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync(Apply);

        var answer = await session.PostMultipartAsync(Apply + "?handler=Upload",
            [(HttpSession.TokenField, form.Token()!)],
            [("material:premises", "巨大.pdf", SampleFiles.PdfOfSize(61L * 1024 * 1024), "application/pdf")]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("上传的内容过大", answer.Text);
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDb(db => db.MaterialFiles.CountAsync(f => f.UploadedById == applicant.Id)));
    }
}
