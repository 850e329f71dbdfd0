using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Web.Features;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Materials;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using SkiaSharp;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// The material lists of every service the portal runs (its <see cref="ServiceRegistry"/>, not a list of our own): each
/// has one, its guide page (or, for 单独办理, the enterprise page it is started from) shows every line, and every template
/// downloads as a real file generated from the text the page shows.
/// </summary>
public sealed class MaterialListPageTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Fact]
    public void Every_service_the_portal_runs_has_a_list_and_every_line_names_its_source()
    {
        Assert.True(ServiceRegistry.Definitions.Count >= 17);
        foreach (var service in ServiceRegistry.Definitions)
        {
            var list = MaterialCatalog.ForService(service.Code);

            Assert.True(list.Count > 0, service.Code);
            Assert.All(list, r =>
            {
                Assert.Matches(@"^(门户默认|\d{3}:\d+)", r.Source);
                Assert.True(r.Supply != MaterialSupply.LookedUp || !string.IsNullOrWhiteSpace(r.LookedUpFrom), r.Code);
                Assert.True(r.Template is null || MaterialCatalog.Template(r.Template) is not null, r.Code);
            });
        }
    }

    [Fact]
    public async Task Every_services_guide_page_or_the_enterprise_page_it_is_started_from_shows_its_whole_list()
    {
        var representative = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var creditCode = await EnterpriseWithEveryItemLaterAsync(factory, representative);
        using var visitor = new HttpSession(factory);
        using var owner = await new HttpSession(factory).SignedInAsync(representative);
        var enterprisePage = await owner.GetAsync($"/Enterprises/{creditCode}");
        Assert.Equal(HttpStatusCode.OK, enterprisePage.Status);

        foreach (var service in ServiceRegistry.Definitions)
        {
            AngleSharp.Dom.IParentNode where;
            IReadOnlyList<MaterialRequirement> expected;
            if (EstablishmentService.AddonItem(service.Code) is { } item)
            {
                // 单独办理 has no guide page: its list is shown beside its 办理 button.
                where = enterprisePage.Html.Document.QuerySelector($"[data-testid=later-items] tr[data-item='{item.Code}']")
                    ?? throw new Xunit.Sdk.XunitException($"{service.Code}: no row on the enterprise page");
                expected = MaterialCatalog.ForService(service.Code);
            }
            else
            {
                var page = await visitor.GetAsync(GuidePage(service.Code));
                Assert.Equal(HttpStatusCode.OK, page.Status);
                where = page.Html.Document;
                expected = service.Code == EstablishmentService.Code
                    ? MaterialCatalog.Guide(service.Code).SelectMany(s => s.Items).ToList()
                    : MaterialCatalog.ForService(service.Code);
            }

            foreach (var r in expected)
            {
                var shown = where.QuerySelectorAll($"[data-material='{r.Code}']").Select(e => e.TextContent).ToList();
                Assert.True(shown.Any(t => t.Contains(r.Name) && t.Contains(r.Source)), $"{service.Code}: {r.Name}（{r.Source}）is not shown");
            }
        }
    }

    [Fact]
    public async Task Every_template_downloads_as_an_attachment_with_its_chinese_name_generated_from_the_text_the_page_shows()
    {
        using var session = new HttpSession(factory);
        foreach (var template in MaterialCatalog.Templates)
        {
            var page = await session.GetAsync($"/Materials/Template/{template.Code}");
            Assert.Equal($"/Materials/Template/{template.Code}/file", page.Html.HrefOfTestId("template-download"));

            var (status, response, body) = await session.GetFileAsync($"/Materials/Template/{template.Code}/file");

            Assert.Equal(HttpStatusCode.OK, status);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal($"{template.Title}.{template.Extension}", disposition.FileNameStar);
            Assert.Equal($"{template.Code}.{template.Extension}", disposition.FileName?.Trim('"'));
            Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(template.Title), response.Content.Headers.GetValues("Content-Disposition").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            switch (template.Format)
            {
                case TemplateFormat.Docx:
                    Assert.Equal(TemplateFiles.DocxType, response.Content.Headers.ContentType?.MediaType);
                    AssertDocument(template, body);
                    break;
                case TemplateFormat.Xlsx:
                    Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
                    AssertWorkbook(template, body);
                    break;
                default:
                    Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
                    AssertPicture(body);
                    Assert.NotNull(page.Html.Document.QuerySelector($"img[src='/Materials/Template/{template.Code}/file']"));
                    break;
            }
        }

        var unknown = await session.GetFileAsync("/Materials/Template/nope/file");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("未找到该材料的样表", System.Text.Encoding.UTF8.GetString(unknown.Body));
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetFileAsync("/Materials/Template/..%2F..%2Fappsettings.json/file")).Status);
    }

    [Fact]
    public void The_templates_are_files_where_one_helps_documents_to_fill_in_a_roster_to_list_and_a_picture_to_copy()
    {
        Assert.Equal(TemplateFormat.Docx, MaterialCatalog.Template("lease")!.Format);
        Assert.Equal(TemplateFormat.Docx, MaterialCatalog.Template("liquidation-members")!.Format);
        Assert.Equal(TemplateFormat.Docx, MaterialCatalog.Template("food-safety-rules")!.Format);
        Assert.Equal(TemplateFormat.Xlsx, MaterialCatalog.Template("staff-roster")!.Format);
        Assert.Equal(TemplateFormat.Png, MaterialCatalog.Template("floor-plan")!.Format);

        // Both site proofs of 报装 take the lease's template; the others a person holds already (行驶证, 证书) or an
        // engineer writes (施工方案) get none (docs/decisions/0018-materials.md).
        Assert.Equal("lease", MaterialCatalog.PowerSiteProperty.Template);
        Assert.Equal("lease", MaterialCatalog.SiteProperty.Template);
        Assert.Null(MaterialCatalog.Vehicles.Template);
        Assert.Null(MaterialCatalog.Qualifications.Template);
        Assert.Null(MaterialCatalog.RoadWorks.Template);
    }

    private static string GuidePage(string serviceCode) => serviceCode switch
    {
        EstablishmentService.Code => "/Establishment",
        "deregistration-simple" => "/Deregistration/Simple",
        "deregistration-ordinary" or "deregistration-authority" => "/Deregistration/Ordinary",
        "connection" => "/Connection",
        _ when serviceCode.StartsWith("connection-", StringComparison.Ordinal) => "/Connection/" + serviceCode["connection-".Length..],
        _ => throw new Xunit.Sdk.XunitException($"{serviceCode}: which page shows its list? Add it here."),
    };

    /// <summary>An enterprise registered with every optional item chosen 单独办理, so that each is offered on its page.</summary>
    /// <summary>An enterprise, established with every sub-item left for 单独办理, of the verified <paramref name="applicant"/>.</summary>
    internal static async Task<string> EnterpriseWithEveryItemLaterAsync(PortalFactory factory, TestUser applicant)
    {
        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm($"枣庄{Guid.NewGuid().ToString("N")[..4]}科技有限公司", "tech") with { SynchronousItems = [] });
        await new Reviewers(factory).CompleteAllAsync(result.Number);
        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(CaseState.Completed, c.State);
        return await factory.WithDb(db => db.Enterprises.Where(e => e.CaseId == c.Id).Select(e => e.CreditCode).SingleAsync());
    }

    /// <summary>The Word document holds the title, every point, every blank and every column the page shows.</summary>
    private static void AssertDocument(MaterialTemplate template, byte[] body)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(body), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var paragraphs = document.MainDocumentPart!.Document!.Body!
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(template.Title, paragraphs[0]);
        Assert.All(template.Paragraphs, p => Assert.Contains(p, paragraphs));
        Assert.All(template.Fields, f => Assert.Contains(f, paragraphs));
        Assert.All(template.Columns, c => Assert.Contains(c, paragraphs));
        Assert.Contains(paragraphs, p => p.Contains(template.Source));
        var tables = document.MainDocumentPart.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Equal((template.Fields.Count > 0 ? 1 : 0) + (template.Columns.Count > 0 ? 1 : 0), tables.Count);
        if (template.Columns.Count > 0)
        {
            Assert.Equal(1 + template.BlankRows, tables[^1].Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count());
        }
    }

    /// <summary>The workbook's one sheet is named after the template and its header row is the roster's columns.</summary>
    private static void AssertWorkbook(MaterialTemplate template, byte[] body)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(body), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheet = Assert.Single(workbook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>());
        Assert.Equal(template.Title, sheet.Name?.Value);
        var header = workbook.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<Row>().First();
        Assert.Equal(template.Columns, header.Elements<Cell>().Select(c => c.InnerText).ToList());
    }

    /// <summary>The example picture decodes, has its size, and is drawn on (not a blank page).</summary>
    private static void AssertPicture(byte[] body)
    {
        using var bitmap = SKBitmap.Decode(body);
        Assert.NotNull(bitmap);
        Assert.Equal(TemplateFiles.ImageWidth, bitmap.Width);
        Assert.Equal(TemplateFiles.ImageHeight, bitmap.Height);
        var inked = 0;
        for (var y = 0; y < bitmap.Height; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x += 4)
            {
                if (bitmap.GetPixel(x, y) != SKColors.White)
                {
                    inked++;
                }
            }
        }

        Assert.True(inked > 5000, $"{inked} drawn samples");
    }
}
