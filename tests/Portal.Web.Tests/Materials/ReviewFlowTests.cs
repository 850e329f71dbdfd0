using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Testing;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// Uploads with the application, the per-item review, the 一次性告知 built from the items marked 不合格, the answer and
/// 受理 — through the real commands, on SQLite (files on disk) and PostgreSQL (files in the database).
/// </summary>
public sealed class ReviewFlowTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Files_uploaded_with_the_form_belong_to_the_case_stored_whole_under_their_hash(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var pdf = SampleFiles.Pdf("floor plan");
        var photo = SampleFiles.Jpeg(orientation: 6);

        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司",
            MaterialSteps.File("floor-plan", pdf, "平面布局图.pdf"),
            MaterialSteps.File("food-safety-rules", photo, "IMG_0001.jpg"));

        var items = await factory.ItemsAsync(number);
        Assert.Equal(["premises", "floor-plan", "food-safety-rules"], items.Select(i => i.Code));
        var plan = items.Single(i => i.Code == "floor-plan");
        Assert.Equal(MaterialStatus.Submitted, plan.Status);
        var file = Assert.Single(plan.Files);
        Assert.Equal(FileKind.Pdf, file.Kind);
        Assert.Equal("平面布局图.pdf", file.DisplayName);
        Assert.Equal(ContentHashOf(pdf), file.Hash);
        Assert.Equal(pdf.Length, file.Size);
        Assert.Equal(pdf, await factory.StoredAsync(file.Hash));
        Assert.Null(file.StagingKey);
        Assert.Equal(MaterialStatus.Missing, items.Single(i => i.Code == "premises").Status);

        var picture = Assert.Single(items.Single(i => i.Code == "food-safety-rules").Files);
        Assert.Equal(FileKind.Jpeg, picture.Kind);
        Assert.NotNull(picture.PreviewHash);

        // Nothing stays staged once the application is submitted.
        Assert.Equal(0, await factory.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MaterialFiles, f => f.CaseId == null)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_notice_lists_every_item_marked_not_acceptable_once_and_the_answered_case_is_accepted(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司",
            MaterialSteps.File("premises", SampleFiles.Pdf("lease"), "租赁合同.pdf"),
            MaterialSteps.File("floor-plan", SampleFiles.Jpeg(), "平面图.jpg"),
            MaterialSteps.File("food-safety-rules", SampleFiles.Pdf("rules"), "制度.pdf"));

        await factory.ReviewAsync(window, number, "premises", accepted: true);
        await factory.ReviewAsync(window, number, "floor-plan", accepted: false, "未标注各功能区面积");
        await factory.ReviewAsync(window, number, "food-safety-rules", accepted: false, "缺少法定代表人签字");

        // 受理 is refused while items are 不合格; a free-text notice naming only one of them is refused too.
        var accept = await Scenario.Outcome(() => factory.ActNowAsync(window, number, CaseTrigger.Accept));
        Assert.Contains("经营场所平面布局图", Assert.IsType<RuleViolationException>(accept).Message);
        var partial = await Scenario.Outcome(() => factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "请补交经营场所平面布局图"));
        Assert.Contains("一次性告知须列明全部审核为不合格的材料", Assert.IsType<RuleViolationException>(partial).Message);
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);

        var text = await factory.SendNoticeAsync(window, number, "补正后请保持电话畅通");

        Assert.Equal("1. 经营场所平面布局图：未标注各功能区面积\n2. 食品安全管理制度：缺少法定代表人签字\n其他：补正后请保持电话畅通", text);
        var paused = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.AwaitingSupplement, paused.State);
        Assert.Equal(text, paused.SupplementItems);
        Assert.Equal(1, paused.SupplementCount);
        Assert.Null(paused.StepDueAt);

        // The applicant's plain 提交补正 is refused until every listed item is answered; the page offers no such button.
        var bare = await Scenario.Outcome(() => factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement));
        Assert.Contains("请先补正“经营场所平面布局图”", Assert.IsType<RuleViolationException>(bare).Message);
        Assert.DoesNotContain(CaseTrigger.SubmitSupplement, (await factory.SendAs(applicant, new CaseView.Query { Number = number })).Actions);
        var panel = await factory.PanelAsync(applicant, number);
        Assert.Equal(["floor-plan", "food-safety-rules"], panel!.ToAnswer.Select(i => i.Code));

        // A second notice is the 一次性告知 exception: refused for the window.
        var again = await Scenario.Outcome(() => factory.SendNoticeAsync(window, number));
        Assert.NotNull(again);

        var newPlan = SampleFiles.Pdf("floor plan with areas");
        await factory.AnswerAsync(applicant, number,
            [MaterialSteps.File("floor-plan", newPlan, "平面图-面积.pdf")],
            new Dictionary<string, string> { ["food-safety-rules"] = "已签字的原件于窗口核验时出示" });

        var resumed = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Submitted, resumed.State);
        Assert.NotNull(resumed.StepDueAt);
        var history = await factory.HistoryAsync(number);
        Assert.Equal("已补正：经营场所平面布局图、食品安全管理制度", history.Last().Reason);
        var plan = await factory.ItemAsync(number, "floor-plan");
        Assert.Equal(MaterialStatus.Submitted, plan.Status);
        Assert.Equal(2, plan.Files.Count);
        Assert.Equal(ContentHashOf(newPlan), Assert.Single(plan.Files, f => f.Current).Hash);

        await factory.ReviewAsync(window, number, "floor-plan", accepted: true);
        await factory.ReviewAsync(window, number, "food-safety-rules", accepted: true);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);

        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Items_supplied_after_a_tolerance_acceptance_close_the_commitment_once_a_reviewer_accepts_them(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司",
            MaterialSteps.File("premises", SampleFiles.Pdf("lease"), "租赁合同.pdf"));
        await factory.ReviewAsync(window, number, "premises", accepted: true);

        await factory.SendAs(window, new Act.Command
        {
            Number = number,
            Trigger = CaseTrigger.AcceptWithMissing,
            Reason = "经营场所平面布局图、食品安全管理制度",
            CommitmentDate = new DateOnly(2026, 11, 30),
            ExpectedVersion = await factory.StoredVersionAsync(number),
        });

        var items = await factory.ItemsAsync(number);
        Assert.All(items.Where(i => i.Code != "premises"), i => Assert.Equal(MaterialStatus.Deferred, i.Status));
        var panel = await factory.PanelAsync(applicant, number);
        Assert.True(panel!.MayUpload);

        await factory.UploadAsync(applicant, number, "floor-plan", MaterialSteps.File("floor-plan", SampleFiles.Png(), "plan.png"));
        await factory.UploadAsync(applicant, number, "food-safety-rules", MaterialSteps.File("food-safety-rules", SampleFiles.Pdf(), "rules.pdf"));
        Assert.False(await factory.ReviewAsync(window, number, "floor-plan", accepted: true));
        Assert.Null((await factory.LoadCaseAsync(number)).ToleranceSuppliedAt);

        var closed = await factory.ReviewAsync(window, number, "food-safety-rules", accepted: true);

        Assert.True(closed);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), c.ToleranceSuppliedAt);
        var note = Assert.Single(c.History, e => e.ActionLabel.StartsWith("容缺材料已补齐", StringComparison.Ordinal));
        Assert.Equal("王窗口", note.ActorName);
        Assert.Contains("经营场所平面布局图", note.Reason);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_commitment_written_as_free_text_is_supplied_online_under_one_item(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.SubmitCaseAsync(applicant, "枣庄示例科技有限公司 设立登记");
        await factory.SendAs(window, new Act.Command
        {
            Number = number,
            Trigger = CaseTrigger.AcceptWithMissing,
            Reason = "股东会决议原件",
            CommitmentDate = new DateOnly(2026, 11, 30),
            ExpectedVersion = await factory.StoredVersionAsync(number),
        });

        await factory.UploadAsync(applicant, number, MaterialCatalog.ToleranceCode, MaterialSteps.File(MaterialCatalog.ToleranceCode, SampleFiles.Pdf(), "决议.pdf"));
        var closed = await factory.ReviewAsync(window, number, MaterialCatalog.ToleranceCode, accepted: true);

        Assert.True(closed);
        Assert.Equal("容缺材料：股东会决议原件", (await factory.ItemAsync(number, MaterialCatalog.ToleranceCode)).Name);
        Assert.NotNull((await factory.LoadCaseAsync(number)).ToleranceSuppliedAt);
    }

    [Fact]
    public async Task A_free_text_notice_is_answered_with_files_under_one_item()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.SubmitCaseAsync(applicant, "枣庄示例科技有限公司 设立登记");
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "1. 住所使用证明\n2. 股东会决议");

        var panel = await factory.PanelAsync(applicant, number);
        Assert.True(panel!.FreeTextNotice);
        await factory.AnswerAsync(applicant, number, [MaterialSteps.File(MaterialCatalog.SupplementCode, SampleFiles.Pdf(), "补正.pdf")]);

        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
        var item = await factory.ItemAsync(number, MaterialCatalog.SupplementCode);
        Assert.Equal(MaterialStatus.Submitted, item.Status);
        Assert.Single(item.Files);
    }

    [Fact]
    public async Task The_applicant_side_cannot_judge_and_a_reviewer_cannot_judge_a_case_they_do_not_hold()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司",
            MaterialSteps.File("floor-plan", SampleFiles.Pdf(), "平面图.pdf"));

        Assert.IsType<ForbiddenException>(await Scenario.Outcome(() => factory.ReviewAsync(applicant, number, "floor-plan", accepted: true)));
        Assert.IsType<NotFoundException>(await Scenario.Outcome(() => factory.ReviewAsync(tax, number, "floor-plan", accepted: true)));
        Assert.Equal(MaterialStatus.Submitted, (await factory.ItemAsync(number, "floor-plan")).Status);
    }

    private static string ContentHashOf(byte[] content) => Portal.Infrastructure.Materials.ContentHash.Of(content);
}
