using System.Net;
using AngleSharp.Dom;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Testing;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// The walk of the end-to-end materials test (e2e/Portal.E2E/MaterialsWalkTests, which runs on SQLite), over HTTP
/// through the real pages and forms, on SQLite (files on disk) and PostgreSQL (files in the database): a PDF and a
/// phone photo with a food-business 企业开办 application, one item 不合格, the 一次性告知 answered with a new file, 受理.
/// </summary>
public sealed class HttpWalkTests
{
    private const string Reason = "照片不清晰，看不清法定代表人签字";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_food_business_application_with_files_is_reviewed_answered_once_and_accepted_through_the_pages(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "李华");
        var window = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var pdf = SampleFiles.Pdf("floor plan");
        var photo = SampleFiles.Jpeg(orientation: 6);
        var newPhoto = SampleFiles.Jpeg(600, 300, orientation: 6);

        // 1. The applicant submits the form with a PDF and a photo.
        using var mine = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await mine.GetAsync("/Establishment/Apply");
        var submitted = await mine.PostMultipartAsync("/Establishment/Apply?handler=Submit",
            ApplicationFields(form.Token()!, $"枣庄{Guid.NewGuid().ToString("N")[..4]}餐饮有限公司"),
            [
                ("material:premises", "租赁合同.pdf", SampleFiles.Pdf("lease"), "application/pdf"),
                ("material:floor-plan", "经营场所平面布局图.pdf", pdf, "application/pdf"),
                ("material:food-safety-rules", "IMG_0001.jpg", photo, "image/jpeg"),
            ]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var number = submitted.RedirectPath!["/Cases/".Length..];
        var casePage = $"/Cases/{number}";

        // 2. The window opens both files from the page, passes the PDF, fails the photo and sends the notice.
        using var staff = await new HttpSession(factory).SignedInAsync(window);
        var review = await staff.GetAsync(casePage);
        var pdfSrc = review.Html.Document.QuerySelector("[data-testid=material-floor-plan] iframe[data-testid=pdf-viewer]")!.GetAttribute("src")!;
        var shownPdf = await staff.GetFileAsync(pdfSrc);
        Assert.Equal(HttpStatusCode.OK, shownPdf.Status);
        Assert.Equal(pdf, shownPdf.Body);
        var imgSrc = review.Html.Document.QuerySelector("[data-testid=material-food-safety-rules] img[data-testid=image-viewer]")!.GetAttribute("src")!;
        var shownPhoto = await staff.GetFileAsync(imgSrc);
        Assert.Equal(HttpStatusCode.OK, shownPhoto.Status);
        Assert.Equal((200, 400), SampleFiles.SizeOf(shownPhoto.Body));

        await PostFormAsync(staff, review, "review-floor-plan", ("Judge.Accepted", "true"));
        await PostFormAsync(staff, await staff.GetAsync(casePage), "review-food-safety-rules", ("Judge.Accepted", "false"), ("Judge.Reason", Reason));
        var beforeNotice = await staff.GetAsync(casePage);
        Assert.Contains($"食品安全管理制度：{Reason}", Section(beforeNotice, "notice-form").TextContent);
        await PostFormAsync(staff, beforeNotice, "notice-form");
        Assert.Equal("待补正", (await staff.GetAsync(casePage)).TestId("case-state"));
        Assert.Equal($"1. 食品安全管理制度：{Reason}", (await factory.LoadCaseAsync(number)).SupplementItems);

        // 3. The applicant answers the notice with a new photo.
        var toAnswer = await mine.GetAsync(casePage);
        var answerForm = Section(toAnswer, "answer-form");
        Assert.NotNull(answerForm.QuerySelector("[data-testid=answer-food-safety-rules] input[type=file][capture=environment]"));
        Assert.Null(answerForm.QuerySelector("[data-testid=answer-floor-plan]"));
        var answered = await mine.PostMultipartAsync(answerForm.GetAttribute("action")!, HiddenOf(answerForm),
            [("material:food-safety-rules", "IMG_0002.jpg", newPhoto, "image/jpeg")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal("待受理", (await mine.GetAsync(casePage)).TestId("case-state"));

        // 4. The window passes the new photo and accepts the case.
        await PostFormAsync(staff, await staff.GetAsync(casePage), "review-food-safety-rules", ("Judge.Accepted", "true"));
        var accepted = await staff.SubmitAsync(await staff.GetAsync(casePage), null, ("Data.Trigger", nameof(CaseTrigger.Accept)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);

        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(number)).State);
        var items = await factory.ItemsAsync(number);
        Assert.Equal(MaterialStatus.Accepted, items.Single(i => i.Code == "floor-plan").Status);
        var rules = items.Single(i => i.Code == "food-safety-rules");
        Assert.Equal(MaterialStatus.Accepted, rules.Status);
        Assert.Equal(2, rules.Files.Count);
        Assert.Equal(newPhoto, await factory.StoredAsync(Assert.Single(rules.Files, f => f.Current).Hash));
        Assert.Equal(photo, await factory.StoredAsync(Assert.Single(rules.Files, f => !f.Current).Hash));
    }

    private static List<(string, string)> ApplicationFields(string token, string name) =>
    [
        (HttpSession.TokenField, token),
        ("Data.ProposedName", name),
        ("Data.Type", "LimitedLiability"),
        ("Data.RegisteredCapital", "50"),
        ("Data.Address", "山东省枣庄市市中区文化路18号"),
        ("Data.ScopeCodes", "catering"),
        ("Data.LegalRepresentative", "李华"),
        ("Data.LegalRepresentativeIdNumber", EstablishmentSteps.LegalRepresentativeId),
        ("Data.Investors[0].Name", "李华"),
        ("Data.Investors[0].IdentityNumber", EstablishmentSteps.LegalRepresentativeId),
        ("Data.Investors[0].SharePercent", "100"),
        ("Data.ContactName", "李华"),
        ("Data.ContactPhone", "13800000001"),
        ("Data.SealDelivery", "PickUp"),
    ];

    private static IElement Section(HttpPage page, string testId)
    {
        var element = page.Html.Document.QuerySelector($"[data-testid={testId}]");
        Assert.True(element is not null, $"{page.Url} has no [data-testid={testId}]:\n{page.Text}");
        return element!;
    }

    private static List<(string Name, string Value)> HiddenOf(IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();

    /// <summary>Posts the form marked <paramref name="testId"/> as a browser would (its hidden fields and the pressed
    /// button); the page answers with a redirect back to the case.</summary>
    private static async Task PostFormAsync(HttpSession session, HttpPage page, string testId, params (string Name, string Value)[] fields)
    {
        var form = Section(page, testId);
        var answer = await session.PostAsync(form.GetAttribute("action")!, [.. HiddenOf(form), .. fields]);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"{testId} answered {(int)answer.Status}: {answer.Text}");
    }
}
