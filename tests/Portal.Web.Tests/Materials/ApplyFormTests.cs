using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Testing;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>The 企业开办 form with its upload part, over HTTP: files survive a refused form and go with the submission.</summary>
public sealed class ApplyFormTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private const string Apply = "/Establishment/Apply";

    private static List<(string, string)> Fields(string token, string name, string address) =>
    [
        (HttpSession.TokenField, token),
        ("Data.ProposedName", name),
        ("Data.Type", "LimitedLiability"),
        ("Data.RegisteredCapital", "100"),
        ("Data.Address", address),
        ("Data.ScopeCodes", "catering"),
        ("Data.LegalRepresentative", "张明"),
        ("Data.LegalRepresentativeIdNumber", EstablishmentSteps.LegalRepresentativeId),
        ("Data.Investors[0].Name", "张明"),
        ("Data.Investors[0].IdentityNumber", EstablishmentSteps.LegalRepresentativeId),
        ("Data.Investors[0].SharePercent", "100"),
        ("Data.ContactName", "张明"),
        ("Data.ContactPhone", "13800000001"),
        ("Data.SealDelivery", "PickUp"),
    ];

    [Fact]
    public async Task Files_posted_with_a_refused_form_are_kept_and_go_with_the_corrected_submission()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync(Apply);
        Assert.Equal("multipart/form-data", form.Html.Document.QuerySelector("form[data-testid=establishment-form]")?.GetAttribute("enctype"));
        Assert.NotNull(form.Html.Document.QuerySelector("input[type=file][name='material:floor-plan'][capture=environment]"));
        var name = $"枣庄{Guid.NewGuid().ToString("N")[..4]}餐饮有限公司";

        // The address is missing: the form comes back with the error, and the two files are listed as uploaded.
        var refused = await session.PostMultipartAsync(Apply + "?handler=Submit", Fields(form.Token()!, name, ""),
        [
            ("material:floor-plan", "平面图.pdf", SampleFiles.Pdf(), "application/pdf"),
            ("material:food-safety-rules", "制度.jpg", SampleFiles.Jpeg(orientation: 6), "image/jpeg"),
        ]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请填写住所", refused.Text);
        Assert.Equal(2, refused.Html.Document.QuerySelectorAll("[data-testid=staged-file]").Length);

        var submitted = await session.PostMultipartAsync(Apply + "?handler=Submit", Fields(refused.Token()!, name, "光明路8号"), []);

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var number = submitted.RedirectPath!["/Cases/".Length..];
        var items = await factory.ItemsAsync(number);
        Assert.Single(items.Single(i => i.Code == "floor-plan").Files);
        Assert.Single(items.Single(i => i.Code == "food-safety-rules").Files);
        var page = await session.GetAsync(submitted.RedirectPath!);
        Assert.Contains("已随申请提交材料文件2个", page.Text);
        Assert.Equal("待审核", page.Html.Document.QuerySelector("[data-testid=material-floor-plan] [data-testid=material-status]")?.TextContent);
        Assert.NotNull(page.Html.Document.QuerySelector("[data-testid=material-food-safety-rules] img[data-testid=image-viewer]"));
    }

    [Fact]
    public async Task A_staged_file_can_be_removed_from_the_form_and_a_draft_keeps_the_others()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync(Apply);
        var uploaded = await session.PostMultipartAsync(Apply + "?handler=Upload", [(HttpSession.TokenField, form.Token()!)],
        [
            ("material:premises", "合同.pdf", SampleFiles.Pdf("a"), "application/pdf"),
            ("material:premises", "合同第2页.pdf", SampleFiles.Pdf("b"), "application/pdf"),
        ]);
        var staged = uploaded.Html.Document.QuerySelectorAll("[data-testid=staged-file] button[name=unstage]").Select(b => b.GetAttribute("value")!).ToList();
        Assert.Equal(2, staged.Count);

        var removed = await session.PostMultipartAsync(Apply + "?handler=Unstage", [(HttpSession.TokenField, uploaded.Token()!), ("unstage", staged[0])], []);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Single(removed.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));

        // Another applicant cannot remove it.
        var other = await factory.CreateUserAsync(Roles.Applicant, "李华");
        using var stranger = await new HttpSession(factory).SignedInAsync(other);
        var strangerForm = await stranger.GetAsync(Apply);
        var refused = await stranger.PostMultipartAsync(Apply + "?handler=Unstage", [(HttpSession.TokenField, strangerForm.Token()!), ("unstage", staged[1])], []);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);

        var again = await session.GetAsync(Apply);
        var left = Assert.Single(again.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));
        Assert.Contains("合同第2页.pdf", left.TextContent);
    }

    [Fact]
    public async Task The_case_page_lets_the_applicant_add_a_file_and_the_window_judge_it_over_http()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var number = await factory.ApplyWithFilesAsync(applicant, $"枣庄{Guid.NewGuid().ToString("N")[..4]}餐饮有限公司");
        using var mine = await new HttpSession(factory).SignedInAsync(applicant);
        var page = await mine.GetAsync($"/Cases/{number}");
        var upload = page.Form($"/Cases/{number}/Materials?handler=Upload");
        var token = Portal.Testing.PortalHtml.TokenOf(upload)!;

        var added = await mine.PostMultipartAsync($"/Cases/{number}/Materials?handler=Upload",
            [(HttpSession.TokenField, token), ("ReturnTo", "case"), ("Add.ItemCode", "premises")],
            [("material:premises", "租赁合同.png", SampleFiles.Png(), "image/png")]);
        Assert.Equal($"/Cases/{number}#materials", added.RedirectPath);

        using var staff = await new HttpSession(factory).SignedInAsync(window);
        var staffPage = await staff.GetAsync($"/Cases/{number}");
        var review = staffPage.Html.Document.QuerySelector("[data-testid=review-premises]")!;
        var fields = review.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var judged = await staff.PostAsync($"/Cases/{number}/Materials?handler=Review", [.. fields, ("Judge.Accepted", "false"), ("Judge.Reason", "合同未盖章")]);
        Assert.Equal(HttpStatusCode.Redirect, judged.Status);

        var item = await factory.ItemAsync(number, "premises");
        Assert.Equal(MaterialStatus.Rejected, item.Status);
        Assert.Equal("合同未盖章", item.ReviewReason);

        // Judged without a reason: refused in Chinese on the materials page, nothing changed.
        var again = await staff.GetAsync($"/Cases/{number}");
        var form2 = again.Html.Document.QuerySelector("[data-testid=review-premises]")!;
        var fields2 = form2.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var noReason = await staff.PostAsync($"/Cases/{number}/Materials?handler=Review", [.. fields2, ("Judge.Accepted", "false"), ("Judge.Reason", "")]);
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("请写明不合格的理由", noReason.Text);
        Assert.Equal(item.Version, (await factory.ItemAsync(number, "premises")).Version);
    }
}
