using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Materials;
using Portal.Web.Features.Security;
using Portal.Web.Tests.Forms;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Materials;
using Portal.Web.Tests.Security;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Pipeline;

/// <summary>
/// The answers of the places that once translated failures by hand, now through <c>PortalErrors</c> and its adapters
/// (docs/decisions/0011-house.md): a material's file link (the Chinese status page, not a bare 404 or a text/plain 500),
/// an upload over the limit (the status page with 413, before the body is read, nothing stored) and an administrator's
/// password reset refused by Identity (the message beside the password form's field). Chinese only, the right status.
/// </summary>
public sealed class OneTranslationAnswersTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task A_file_that_is_not_there_is_the_chinese_not_found_page_with_its_reason()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var answer = await session.GetAsync("/Materials/Files/987654321");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("text/html", answer.MediaType);
        Assert.Equal("未找到", answer.Html.Texts("main h1").Single());
        Assert.Contains("未找到该文件。", answer.Html.Texts("main p"));
        AssertChineseOnly(answer);
    }

    [Fact]
    public async Task A_file_whose_stored_copy_cannot_be_read_is_refused_with_its_reason_not_a_plain_text_500()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var number = await factory.ApplyWithFilesAsync(applicant, $"枣庄{Guid.NewGuid().ToString("N")[..4]}餐饮有限公司",
            MaterialSteps.File("floor-plan", Portal.Testing.SampleFiles.Pdf(), "平面图.pdf"));
        var file = Assert.Single((await factory.ItemAsync(number, "floor-plan")).Files);
        // The stored copy is gone (the same answer as a damaged one: the store refuses to read it).
        await factory.WithDb(db => db.MaterialFiles.Where(f => f.Id == file.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Hash, new string('0', 64))));
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        foreach (var url in new[] { $"/Materials/Files/{file.Id}", $"/Materials/Files/{file.Id}/inline" })
        {
            var answer = await session.GetAsync(url);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Equal("text/html", answer.MediaType);
            Assert.Equal("暂时不能办理", answer.Html.Texts("main h1").Single());
            Assert.Contains("文件不存在或已被清理。", answer.Html.Texts("main p"));
            AssertChineseOnly(answer);
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_the_chinese_status_page_with_413_and_stores_nothing()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync("/Establishment/Apply");

        var answer = await session.PostMultipartAsync("/Establishment/Apply?handler=Upload",
            [(HttpSession.TokenField, form.Token()!)],
            [("material:premises", "巨大.pdf", Portal.Testing.SampleFiles.PdfOfSize(61L * 1024 * 1024), "application/pdf")]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("上传的内容过大", answer.Html.Texts("main h1").Single());
        Assert.Equal(MaterialSetup.TooLarge.Message, answer.Html.Texts("main p").First());
        Assert.Contains("本次提交的内容均未保存", MaterialSetup.TooLarge.Message);
        Assert.Contains("60 MB", MaterialSetup.TooLarge.Message);
        Assert.Equal("上传的内容过大 - 政务服务中心网上办事大厅", answer.Html.Document.Title);
        AssertChineseOnly(answer);
        Assert.Equal(0, await factory.WithDb(db => db.MaterialFiles.CountAsync(f => f.UploadedById == applicant.Id)));
    }

    [Fact]
    public async Task An_administrators_reset_that_identity_refuses_is_shown_beside_the_password_field()
    {
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        // Strong on its own (the form's validator passes it), guessable for this person (Identity's check refuses it).
        var password = $"Wf#{applicant.UserName}";
        Assert.Empty(PasswordPolicy.Check(password, []));
        using var browser = await new HttpSession(factory).SignedInAsync(admin);
        var page = await browser.GetAsync($"/Admin/Account?id={applicant.Id}");

        var answer = await browser.SubmitAsync(page, SessionTests.Handler(page, "Password"), ("Password.NewPassword", password), ("Password.ConfirmPassword", password));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([PasswordPolicy.TooGuessable], FormFields.ErrorsBeside(answer, "Password.NewPassword"));
        Assert.Contains(PasswordPolicy.TooGuessable, FormFields.Errors(answer));
        Assert.Equal(password, answer.InputValue("Password.NewPassword") ?? password);
        AssertChineseOnly(answer, "main .alert-error");
    }

    [Fact]
    public async Task An_administrators_reset_of_their_own_account_is_refused_on_the_form()
    {
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var other = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(admin);
        // The own account's page has no password form; the post is made as the form on another account's page is.
        var page = await browser.GetAsync($"/Admin/Account?id={other.Id}");
        var action = SessionTests.Handler(page, "Password").Replace(other.Id, admin.Id, StringComparison.Ordinal);

        var answer = await browser.PostAsync(action, (HttpSession.TokenField, page.Token(SessionTests.Handler(page, "Password"))!),
            ("Password.NewPassword", "Lanse#Haibin77"), ("Password.ConfirmPassword", "Lanse#Haibin77"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([AccountAdmin.NotOnYourself], FormFields.Errors(answer));
        AssertChineseOnly(answer, "main .alert-error");
    }

    /// <summary>No English in what the answer says (the page's main part, or the given part of it); sizes keep their unit (60 MB).</summary>
    private static void AssertChineseOnly(HttpPage answer, string selector = "main")
    {
        var text = string.Join("\n", answer.Html.Texts(selector));
        Assert.NotEmpty(text);
        Assert.False(FormFields.HasLatinWord(text.Replace(" MB", "", StringComparison.Ordinal).Replace(" KB", "", StringComparison.Ordinal)), text);
    }
}
