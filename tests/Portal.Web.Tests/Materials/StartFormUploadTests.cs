using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Testing;
using Portal.Web.Tests.Connections;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// Uploads per list item in the 注销 start form and the 报装 form, over HTTP through the real pages, on SQLite (files on
/// disk) and PostgreSQL (files in the database): the files go with the submission, survive a refused form, never go with
/// someone else's; every upload item has its row from the start, so a missing one can be marked 不合格 and answered.
/// </summary>
public sealed class StartFormUploadTests
{
    private static List<(string, string)> SimpleFields(string token, TestEnterprise enterprise) =>
    [
        (HttpSession.TokenField, token),
        ("Route", "Simple"),
        .. Portal.Domain.Deregistration.SimpleDeregistrationRules.Conditions.Select(c => ("Data.Conditions", c.Code)),
        ("Data.CommitmentAccepted", "true"),
        ("Data.SignedName", enterprise.LegalRepresentative),
    ];

    private static List<(string, string)> OrdinaryFields(string token, string head, DateOnly formedOn) =>
    [
        (HttpSession.TokenField, token),
        ("Route", "Ordinary"),
        ("Data.DissolutionReason", "股东会决议解散"),
        ("Data.LiquidationHead", head),
        ("Data.LiquidationGroup", "张明、李华"),
        ("Data.FormedOn", formedOn.ToString("yyyy-MM-dd")),
    ];

    private static List<(string, string)> ConnectionFields(string token, string? batch = null) =>
    [
        (HttpSession.TokenField, token),
        ("Data.Customer", "Enterprise"),
        ("Data.EnterpriseName", ConnectionSteps.EnterpriseName),
        ("Data.Address", "枣庄市市中区光明路1号"),
        ("Data.Purpose", "生产、办公"),
        ("Data.Utilities", "Power"),
        ("Data.Utilities", "Gas"),
        ("Data.Power.CapacityKw", "120"),
        ("Data.Power.Voltage", "Low"),
        ("Data.Power.ExternalWorks", "true"),
        ("Data.Power.LineLengthM", "150"),
        ("Data.Power.SanLing", "true"),
        ("Data.Power.NoInterestedParty", "true"),
        ("Data.Gas.GasCubicMetresPerMonth", "500"),
        .. batch is null ? [] : new[] { ("Data.UploadBatch", batch) },
    ];

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_simple_and_an_ordinary_deregistration_filed_with_files_have_them_on_the_case_and_a_refused_form_keeps_them(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var second = await factory.RegisterEnterpriseAsync(world.Representative, world.Representative, name: "枣庄青禾商贸有限公司");
        using var session = await new HttpSession(factory).SignedInAsync(world.Representative);

        // 简易注销: the permit to cancel with the licence, a photo from the phone.
        var simpleUrl = $"/Deregistration/Start/{world.Enterprise.CreditCode}";
        var simpleForm = await session.GetAsync(simpleUrl + "?route=Simple");
        Assert.Equal("multipart/form-data", simpleForm.Html.Document.QuerySelector("form[data-testid=deregistration-form]")?.GetAttribute("enctype"));
        Assert.NotNull(simpleForm.Html.Document.QuerySelector("input[type=file][name='material:permits-held'][capture=environment]"));
        Assert.NotNull(simpleForm.Html.Document.QuerySelector("[data-testid=apply-lookup-licence]"));
        var photo = SampleFiles.Jpeg(orientation: 6);
        var simple = await session.PostMultipartAsync(simpleUrl, SimpleFields(simpleForm.Token()!, world.Enterprise),
            [("material:permits-held", "食品经营许可证.jpg", photo, "image/jpeg")]);
        Assert.True(simple.Status == HttpStatusCode.Redirect, simple.Text);
        var simpleNumber = simple.RedirectPath!["/Cases/".Length..];
        var permit = await factory.ItemAsync(simpleNumber, "permits-held");
        Assert.Equal(MaterialStatus.Submitted, permit.Status);
        Assert.Equal(photo, await factory.StoredAsync(Assert.Single(permit.Files).Hash));

        // 普通注销: the 清算组 paper sent with a form refused for a missing field comes back listed, and goes with the corrected one.
        var ordinaryUrl = $"/Deregistration/Start/{second.CreditCode}";
        var ordinaryForm = await session.GetAsync(ordinaryUrl + "?route=Ordinary");
        Assert.NotNull(ordinaryForm.Html.Document.QuerySelector("input[type=file][name='material:liquidation-group'][capture=environment]"));
        var pdf = SampleFiles.Pdf("liquidation group");
        var refused = await session.PostMultipartAsync(ordinaryUrl, OrdinaryFields(ordinaryForm.Token()!, "", FormedOn(factory)),
            [("material:liquidation-group", "清算组决议.pdf", pdf, "application/pdf")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请填写清算组负责人", refused.Text);
        Assert.Contains("清算组决议.pdf", Assert.Single(refused.Html.Document.QuerySelectorAll("[data-testid=apply-material-liquidation-group] [data-testid=staged-file]")).TextContent);

        var ordinary = await session.PostMultipartAsync(ordinaryUrl, OrdinaryFields(refused.Token()!, "张明", FormedOn(factory)), []);
        Assert.True(ordinary.Status == HttpStatusCode.Redirect, ordinary.Text);
        var ordinaryNumber = ordinary.RedirectPath!["/Cases/".Length..];
        var items = await factory.ItemsAsync(ordinaryNumber);
        Assert.Equal(pdf, await factory.StoredAsync(Assert.Single(items.Single(i => i.Code == "liquidation-group").Files).Hash));

        // Every upload item has its row from the start: the permit nobody sent is 未提交, and the case page lists it.
        Assert.Equal(MaterialStatus.Missing, items.Single(i => i.Code == "permits-held").Status);
        var page = await session.GetAsync(ordinary.RedirectPath!);
        Assert.Equal("未提交", page.Html.Document.QuerySelector("[data-testid=material-permits-held] [data-testid=material-status]")?.TextContent);
        Assert.Equal("待审核", page.Html.Document.QuerySelector("[data-testid=material-liquidation-group] [data-testid=material-status]")?.TextContent);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_joint_connection_filed_with_a_file_gives_each_utility_that_lists_it_its_own_copy(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "李华");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync("/Connection/Apply");
        Assert.Equal("multipart/form-data", form.Html.Document.QuerySelector("form[data-testid=connection-form]")?.GetAttribute("enctype"));
        Assert.NotNull(form.Html.Document.QuerySelector("input[type=file][name='material:site-property'][capture=environment]"));
        Assert.Equal("Power", form.Html.Document.QuerySelector("[data-testid=apply-material-road-works]")?.GetAttribute("data-utilities"));
        var lease = SampleFiles.Pdf("lease");

        var submitted = await session.PostMultipartAsync("/Connection/Apply", ConnectionFields(form.Token()!),
            [("material:site-property", "租赁合同.pdf", lease, "application/pdf")]);

        Assert.True(submitted.Status == HttpStatusCode.Redirect, submitted.Text);
        var cases = await factory.ConnectionCasesAsync(submitted.RedirectPath!["/Cases/".Length..]);
        var power = await factory.ItemsAsync(cases[Utility.Power]);
        var gas = await factory.ItemsAsync(cases[Utility.Gas]);
        var powerCopy = Assert.Single(power.Single(i => i.Code == "site-property").Files);
        var gasCopy = Assert.Single(gas.Single(i => i.Code == "site-property").Files);
        Assert.NotEqual(powerCopy.Id, gasCopy.Id);
        Assert.Equal(lease, await factory.StoredAsync(gasCopy.Hash));
        Assert.Equal(powerCopy.Hash, gasCopy.Hash);
        Assert.Equal(MaterialStatus.Missing, power.Single(i => i.Code == "road-works").Status);
        Assert.DoesNotContain(gas, i => i.Code == "road-works");

        // The parent (open to no utility) keeps no upload items of its own; its page says where they are.
        Assert.Empty(await factory.ItemsAsync(cases.Parent));
        Assert.NotNull((await session.GetAsync(submitted.RedirectPath!)).Html.Document.QuerySelector("[data-testid=materials-note]"));
        var gasPage = await session.GetAsync($"/Cases/{cases[Utility.Gas]}");
        Assert.Equal("待审核", gasPage.Html.Document.QuerySelector("[data-testid=material-site-property] [data-testid=material-status]")?.TextContent);
    }

    [Fact]
    public async Task A_connection_form_refused_keeps_its_files_and_another_applicant_can_neither_attach_nor_remove_them()
    {
        await using var factory = new PortalFactory();
        var owner = await factory.CreateUserAsync(Roles.Applicant, "李华");
        var other = await factory.CreateUserAsync(Roles.Applicant, "王五");
        using var mine = await new HttpSession(factory).SignedInAsync(owner);
        var form = await mine.GetAsync("/Connection/Apply");

        // Refused (no address): the file is kept and listed.
        var fields = ConnectionFields(form.Token()!).Where(f => f.Item1 != "Data.Address").ToList();
        var refused = await mine.PostMultipartAsync("/Connection/Apply", fields, [("material:site-property", "产权证明.png", SampleFiles.Png(), "image/png")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请填写用能地址", refused.Text);
        var staged = Assert.Single(refused.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));
        var fileId = staged.QuerySelector("button[name=unstage]")!.GetAttribute("value")!;

        // Another applicant files their own form — whatever batch they send, it does not carry the owner's file.
        using var stranger = await new HttpSession(factory).SignedInAsync(other);
        var theirs = await stranger.GetAsync("/Connection/Apply");
        Assert.Empty(theirs.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostMultipartAsync("/Connection/Apply?handler=Unstage", [(HttpSession.TokenField, theirs.Token()!), ("unstage", fileId)], [])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetFileAsync($"/Materials/Files/{fileId}")).Status);
        var submitted = await stranger.PostMultipartAsync("/Connection/Apply", ConnectionFields(theirs.Token()!, Guid.NewGuid().ToString("N")), []);
        Assert.True(submitted.Status == HttpStatusCode.Redirect, submitted.Text);
        var cases = await factory.ConnectionCasesAsync(submitted.RedirectPath!["/Cases/".Length..]);
        Assert.Empty((await factory.ItemsAsync(cases[Utility.Power])).SelectMany(i => i.Files));
        Assert.True(await factory.WithDb(db => db.MaterialFiles.AnyAsync(f => f.Id == long.Parse(fileId) && f.CaseId == null)));

        // The owner's corrected form takes it.
        var again = await mine.PostMultipartAsync("/Connection/Apply", ConnectionFields(refused.Token()!), []);
        var own = await factory.ConnectionCasesAsync(again.RedirectPath!["/Cases/".Length..]);
        Assert.Single((await factory.ItemAsync(own[Utility.Power], "site-property")).Files);
    }

    [Fact]
    public async Task A_window_clerk_filing_a_deregistration_for_a_visitor_attaches_the_scans_of_this_filing_only()
    {
        await using var factory = new PortalFactory();
        var world = await DeregistrationWorld.CreateAsync(factory);
        using var clerk = await new HttpSession(factory).SignedInAsync(world.Window);
        var url = $"/Deregistration/Start/{world.Enterprise.CreditCode}";
        var form = await clerk.GetAsync(url + "?route=Ordinary");
        var batch = form.InputValue("Data.UploadBatch");
        Assert.False(string.IsNullOrEmpty(batch));
        Assert.NotEqual(batch, (await clerk.GetAsync(url + "?route=Ordinary")).InputValue("Data.UploadBatch"));

        var scan = SampleFiles.Pdf("scan");
        var uploaded = await clerk.PostMultipartAsync(url + "?handler=Upload", [(HttpSession.TokenField, form.Token()!), ("Route", "Ordinary"), ("Data.UploadBatch", batch!)],
            [("material:liquidation-group", "扫描件.pdf", scan, "application/pdf")]);
        Assert.Single(uploaded.Html.Document.QuerySelectorAll("[data-testid=staged-file]"));
        Assert.Equal("Ordinary", uploaded.InputValue("Route"));

        var submitted = await clerk.PostMultipartAsync(url, [.. OrdinaryFields(uploaded.Token()!, "张明", FormedOn(factory)), ("Data.UploadBatch", batch!)], []);

        Assert.True(submitted.Status == HttpStatusCode.Redirect, submitted.Text);
        var item = await factory.ItemAsync(submitted.RedirectPath!["/Cases/".Length..], "liquidation-group");
        Assert.Equal(scan, await factory.StoredAsync(Assert.Single(item.Files).Hash));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_window_marks_a_missing_item_not_acceptable_the_notice_lists_it_and_the_applicant_answers_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await factory.SendAs(world.Representative, DeregistrationSteps.OrdinaryCommand(world.Enterprise, FormedOn(factory)));
        var casePage = $"/Cases/{number}";
        Assert.Equal(MaterialStatus.Missing, (await factory.ItemAsync(number, "liquidation-group")).Status);

        using var staff = await new HttpSession(factory).SignedInAsync(world.Window);
        await PostFormAsync(staff, await staff.GetAsync(casePage), "review-liquidation-group", ("Judge.Accepted", "false"), ("Judge.Reason", "未提交清算组决议"));
        await PostFormAsync(staff, await staff.GetAsync(casePage), "notice-form");
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.AwaitingSupplement, c.State);
        Assert.Equal("1. 清算组成员名单及成立清算组的决议：未提交清算组决议", c.SupplementItems);

        using var mine = await new HttpSession(factory).SignedInAsync(world.Representative);
        var answerForm = Section(await mine.GetAsync(casePage), "answer-form");
        Assert.NotNull(answerForm.QuerySelector("[data-testid=answer-liquidation-group] input[type=file][capture=environment]"));
        var pdf = SampleFiles.Pdf("resolution");
        var answered = await mine.PostMultipartAsync(answerForm.GetAttribute("action")!, HiddenOf(answerForm),
            [("material:liquidation-group", "清算组决议.pdf", pdf, "application/pdf")]);

        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
        var item = await factory.ItemAsync(number, "liquidation-group");
        Assert.Equal(MaterialStatus.Submitted, item.Status);
        Assert.Equal(pdf, await factory.StoredAsync(Assert.Single(item.Files).Hash));
    }

    [Fact]
    public async Task A_case_filed_before_items_had_rows_lets_the_window_mark_a_missing_item_by_its_code()
    {
        await using var factory = new PortalFactory();
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await factory.SendAs(world.Representative, DeregistrationSteps.OrdinaryCommand(world.Enterprise, FormedOn(factory)));
        await factory.WithDb(async db =>
        {
            var id = await db.Cases.Where(x => x.Number == number).Select(x => x.Id).SingleAsync();
            return await db.CaseMaterials.Where(m => m.CaseId == id).ExecuteDeleteAsync();
        });

        using var staff = await new HttpSession(factory).SignedInAsync(world.Window);
        var page = await staff.GetAsync($"/Cases/{number}");
        Assert.Equal("liquidation-group", Section(page, "review-liquidation-group").QuerySelector("input[name='Judge.ItemCode']")?.GetAttribute("value"));
        await PostFormAsync(staff, page, "review-liquidation-group", ("Judge.Accepted", "false"), ("Judge.Reason", "未提交清算组决议"));

        var item = await factory.ItemAsync(number, "liquidation-group");
        Assert.Equal(MaterialStatus.Rejected, item.Status);
        Assert.Equal("未提交清算组决议", item.ReviewReason);
    }

    /// <summary>A liquidation group formed three days before the portal's today.</summary>
    private static DateOnly FormedOn(PortalFactory factory) => DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime).AddDays(-3);

    private static IElement Section(HttpPage page, string testId)
    {
        var element = page.Html.Document.QuerySelector($"[data-testid={testId}]");
        Assert.True(element is not null, $"{page.Url} has no [data-testid={testId}]:\n{page.Text}");
        return element!;
    }

    private static List<(string Name, string Value)> HiddenOf(IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();

    private static async Task PostFormAsync(HttpSession session, HttpPage page, string testId, params (string Name, string Value)[] fields)
    {
        var form = Section(page, testId);
        var answer = await session.PostAsync(form.GetAttribute("action")!, [.. HiddenOf(form), .. fields]);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"{testId} answered {(int)answer.Status}: {answer.Text}");
    }
}
