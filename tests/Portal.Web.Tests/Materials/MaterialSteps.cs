using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Materials;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Materials;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>The material steps the tests share: files through the real commands, and multipart posts over HTTP.</summary>
public static class MaterialSteps
{
    /// <summary>A 企业开办 application with a food-business scope (catering: floor plan and food-safety rules) and its files staged first.</summary>
    public static async Task<string> ApplyWithFilesAsync(this PortalFactory factory, TestUser applicant, string name, params IncomingFile[] files)
    {
        if (files.Length > 0)
        {
            var refused = await factory.SendAs(applicant, new StageFiles.Command { Form = Staging.Establishment, Files = files });
            Assert.Empty(refused);
        }

        var result = await factory.SubmitWithoutFilesAsync(applicant, EstablishmentSteps.ValidForm(name, "catering", "tech"));
        return result.Number;
    }

    public static IncomingFile File(string item, byte[] content, string name) => IncomingFile.FromBytes(item, name, content);

    /// <summary>The catering list's other required files (住所使用证明, 食品安全管理制度), for a case the window is to accept.</summary>
    public static IncomingFile[] RestOfFoodList =>
        [File("premises", SampleFiles.Pdf("lease"), "租赁合同.pdf"), File("food-safety-rules", SampleFiles.Pdf("rules"), "制度.pdf")];

    public static Task<CasePanel.Result?> PanelAsync(this PortalFactory factory, TestUser user, string number) =>
        factory.SendAs(user, new CasePanel.Query { Number = number });

    public static Task<List<CaseMaterial>> ItemsAsync(this PortalFactory factory, string number) =>
        factory.WithDb(async db =>
        {
            var id = await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
            return await db.CaseMaterials.AsNoTracking().Include(m => m.Files).Where(m => m.CaseId == id).OrderBy(m => m.Id).ToListAsync();
        });

    public static async Task<CaseMaterial> ItemAsync(this PortalFactory factory, string number, string code) =>
        (await factory.ItemsAsync(number)).Single(i => i.Code == code);

    public static async Task<bool> ReviewAsync(this PortalFactory factory, TestUser staff, string number, string code, bool accepted, string? reason = null)
    {
        var item = await factory.ItemAsync(number, code);
        return await factory.SendAs(staff, new Review.Command { Number = number, MaterialId = item.Id, Accepted = accepted, Reason = reason, ExpectedVersion = item.Version });
    }

    public static async Task<string> SendNoticeAsync(this PortalFactory factory, TestUser staff, string number, string? note = null) =>
        await factory.SendAs(staff, new SendNotice.Command { Number = number, Note = note, ExpectedVersion = await factory.StoredVersionAsync(number) });

    public static async Task AnswerAsync(this PortalFactory factory, TestUser applicant, string number, IReadOnlyList<IncomingFile> files, IReadOnlyDictionary<string, string>? explanations = null) =>
        await factory.SendAs(applicant, new AnswerNotice.Command
        {
            Number = number,
            Files = files,
            Explanations = explanations ?? new Dictionary<string, string>(),
            ExpectedVersion = await factory.StoredVersionAsync(number),
        });

    public static Task<int> UploadAsync(this PortalFactory factory, TestUser user, string number, string code, params IncomingFile[] files) =>
        factory.SendAs(user, new Upload.Command { Number = number, ItemCode = code, Files = files });

    /// <summary>The content the file store holds for a hash (checked against it, as every read is).</summary>
    public static Task<byte[]> StoredAsync(this PortalFactory factory, string hash) =>
        factory.Service(sp => sp.GetRequiredService<IFileStore>().ReadAsync(hash, CancellationToken.None));

    /// <summary>Posts a multipart form (fields and files) the way a browser does, with the page's antiforgery token.</summary>
    public static async Task<HttpPage> PostMultipartAsync(
        this HttpSession session, string url, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Field, string FileName, byte[] Content, string MediaType)> files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes, mediaType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            content.Add(part, field, fileName);
        }

        using var response = await session.Client.PostAsync(url, content);
        return await HttpPage.ReadAsync(url, response);
    }

    /// <summary>A GET that keeps the answer's headers and bytes (files are not pages).</summary>
    public static async Task<(HttpStatusCode Status, HttpResponseMessage Response, byte[] Body)> GetFileAsync(this HttpSession session, string url)
    {
        var response = await session.Client.GetAsync(url);
        return (response.StatusCode, response, await response.Content.ReadAsByteArrayAsync());
    }
}
