using System.Net;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Testing;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using SkiaSharp;

namespace Portal.Web.Tests.Materials;

/// <summary>How files are served: the kind from the content, attachments with nosniff, the inline viewer, upright photos.</summary>
public sealed class FileServingTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private async Task<(TestUser Applicant, string Number)> CaseWithAsync(params Portal.Web.Features.Materials.IncomingFile[] files)
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var number = await factory.ApplyWithFilesAsync(applicant, $"枣庄{Guid.NewGuid().ToString("N")[..4]}餐饮有限公司", files);
        return (applicant, number);
    }

    [Fact]
    public async Task A_download_is_an_attachment_with_nosniff_typed_and_named_by_its_content_not_its_name()
    {
        var jpeg = SampleFiles.Jpeg();
        var (applicant, number) = await CaseWithAsync(MaterialSteps.File("floor-plan", jpeg, "../../平面图.pdf"));
        var file = Assert.Single((await factory.ItemAsync(number, "floor-plan")).Files);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var (status, response, body) = await session.GetFileAsync($"/Materials/Files/{file.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(jpeg, body);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("平面图.jpg", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_pdf_is_shown_inline_to_the_portals_own_pages_only()
    {
        var pdf = SampleFiles.Pdf();
        var (applicant, number) = await CaseWithAsync(MaterialSteps.File("floor-plan", pdf, "平面图.pdf"));
        var file = Assert.Single((await factory.ItemAsync(number, "floor-plan")).Files);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var (status, response, body) = await session.GetFileAsync($"/Materials/Files/{file.Id}/inline");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(pdf, body);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // The case page frames it and offers the download.
        var page = await session.GetAsync($"/Cases/{number}");
        var frame = page.Html.Document.QuerySelector("[data-testid=material-floor-plan] iframe[data-testid=pdf-viewer]");
        Assert.Equal($"/Materials/Files/{file.Id}/inline", frame?.GetAttribute("src"));
        Assert.NotNull(page.Html.Document.QuerySelector($"[data-testid=material-floor-plan] a[href='/Materials/Files/{file.Id}']"));
    }

    [Fact]
    public async Task A_phone_photo_stored_sideways_is_shown_upright_smaller_and_downloaded_as_taken()
    {
        var photo = SampleFiles.PhonePhoto();
        Assert.Equal((4000, 3000), SampleFiles.SizeOf(photo));
        Assert.Equal((int)SKEncodedOrigin.RightTop, SampleFiles.OrientationOf(photo));
        var (applicant, number) = await CaseWithAsync(MaterialSteps.File("food-safety-rules", photo, "IMG_20261123.jpg"));
        var file = Assert.Single((await factory.ItemAsync(number, "food-safety-rules")).Files);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var (status, response, shown) = await session.GetFileAsync($"/Materials/Files/{file.Id}/inline");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);

        // Turned upright (portrait, 3:4), at most 1600 pixels long (the decoder scales JPEGs in eighths: 3/8 here), with no
        // orientation left to apply.
        var (width, height) = SampleFiles.SizeOf(shown);
        Assert.True(height is > 1000 and <= 1600, $"{width}×{height}");
        Assert.Equal(height * 3, width * 4);
        Assert.Equal((int)SKEncodedOrigin.TopLeft, SampleFiles.OrientationOf(shown));
        Assert.True(shown.Length < photo.Length / 2, $"the shown copy has {shown.Length} bytes, the photo {photo.Length}");

        // The download is the photo exactly as uploaded.
        var (_, _, original) = await session.GetFileAsync($"/Materials/Files/{file.Id}");
        Assert.Equal(photo, original);
    }

    [Theory]
    [InlineData(6, 200, 400)]
    [InlineData(8, 200, 400)]
    [InlineData(3, 400, 200)]
    [InlineData(1, 400, 200)]
    public async Task Every_exif_orientation_is_turned_the_way_the_camera_meant(int orientation, int width, int height)
    {
        var (applicant, number) = await CaseWithAsync(MaterialSteps.File("floor-plan", SampleFiles.Jpeg(400, 200, orientation), "photo.jpg"));
        var file = Assert.Single((await factory.ItemAsync(number, "floor-plan")).Files);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var (_, _, shown) = await session.GetFileAsync($"/Materials/Files/{file.Id}/inline");

        Assert.Equal((width, height), SampleFiles.SizeOf(shown));
        // Stored left half red, right half blue: 6 (turn clockwise) puts red on top, 8 (anticlockwise) at the bottom,
        // 3 (half a turn) on the right, 1 leaves it on the left.
        var (x, y) = orientation switch { 6 => (0.5, 0.1), 8 => (0.5, 0.9), 3 => (0.9, 0.5), _ => (0.1, 0.5) };
        var colour = SampleFiles.PixelAt(shown, x, y);
        Assert.True(colour.Red > 200 && colour.Blue < 80, $"expected red at ({x}, {y}), found {colour}");
    }

    [Fact]
    public async Task An_ofd_is_downloaded_not_shown_inline()
    {
        var (applicant, number) = await CaseWithAsync(MaterialSteps.File("premises", SampleFiles.Ofd(), "合同.ofd"));
        var file = Assert.Single((await factory.ItemAsync(number, "premises")).Files);
        Assert.Equal(FileKind.Ofd, file.Kind);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var (_, response, _) = await session.GetFileAsync($"/Materials/Files/{file.Id}/inline");

        Assert.Equal("application/ofd", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Guide_pages_show_each_services_material_list_with_what_is_looked_up()
    {
        using var session = new HttpSession(factory);

        var establishment = await session.GetAsync("/Establishment");
        var simple = await session.GetAsync("/Deregistration/Simple");
        var water = await session.GetAsync("/Connection/Water");
        var template = await session.GetAsync("/Materials/Template/food-safety-rules");

        Assert.Contains("经营场所平面布局图", establishment.Text);
        Assert.Contains("食品安全管理制度", establishment.Text);
        var identity = establishment.Html.Document.QuerySelector("[data-material=identity]")!.TextContent;
        Assert.Contains("免提交", identity);
        Assert.Contains("000:79", identity);
        Assert.Contains("全体投资人承诺书", simple.Text);
        Assert.Contains("用水报装申请材料减少至1份", water.Text);
        Assert.Equal(HttpStatusCode.OK, template.Status);
        Assert.Contains("进货查验", template.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/Materials/Template/nope")).Status);
    }
}
