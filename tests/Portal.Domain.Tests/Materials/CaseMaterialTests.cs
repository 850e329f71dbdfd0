using Portal.Domain.Cases;
using Portal.Domain.Materials;

namespace Portal.Domain.Tests.Materials;

/// <summary>One list item of a case: uploads, explanations, the per-item review, the notice and 容缺.</summary>
public sealed class CaseMaterialTests
{
    private static readonly CaseActor Window = new("w1", "王窗口", new HashSet<string> { "Window" });
    private static readonly CaseActor Applicant = new("a1", "张明", new HashSet<string> { "Applicant" });
    private static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    private static MaterialFile File(string hash = "a") =>
        new("floor-plan", new StoredContent(hash.PadRight(64, '0'), 1000, FileKind.Pdf), "平面图.pdf", Applicant, Now);

    private static CaseMaterial FloorPlan() => new(1, MaterialCatalog.FloorPlan);

    [Fact]
    public void An_item_waits_for_review_once_a_file_is_attached_and_the_reviewer_judges_it()
    {
        var item = FloorPlan();
        Assert.Equal(MaterialStatus.Missing, item.Status);

        item.Attach(File());
        Assert.Equal(MaterialStatus.Submitted, item.Status);

        item.Review(accepted: false, "未标注面积", Window, Now);
        Assert.Equal(MaterialStatus.Rejected, item.Status);
        Assert.Equal("未标注面积", item.ReviewReason);
        Assert.Equal("王窗口", item.ReviewedByName);
    }

    [Fact]
    public void Not_acceptable_without_a_reason_and_not_acceptable_as_good_when_nothing_was_handed_in()
    {
        var item = FloorPlan();

        Assert.Contains("尚未提交", Assert.Throws<InvalidOperationException>(() => item.Review(accepted: true, null, Window, Now)).Message);
        Assert.Contains("理由", Assert.Throws<InvalidOperationException>(() => item.Review(accepted: false, " ", Window, Now)).Message);

        // A missing item may be judged 不合格 so that the notice lists it.
        item.Review(accepted: false, "未上传", Window, Now);
        Assert.Equal(MaterialStatus.Rejected, item.Status);
    }

    [Fact]
    public void A_file_answering_a_rejected_item_replaces_the_judged_files_which_are_kept()
    {
        var item = FloorPlan();
        item.Attach(File("a"));
        item.Review(accepted: false, "看不清", Window, Now);
        item.ListInNotice(1);

        item.Attach(File("b"));

        Assert.Equal(MaterialStatus.Submitted, item.Status);
        Assert.Equal(2, item.Files.Count);
        var current = Assert.Single(item.CurrentFiles);
        Assert.StartsWith("b", current.Hash);
    }

    [Fact]
    public void An_accepted_item_takes_no_more_files_and_an_item_takes_at_most_ten()
    {
        var item = FloorPlan();
        for (var i = 0; i < MaterialLimits.MaxFilesPerItem; i++)
        {
            item.Attach(File(i.ToString("x")));
        }

        Assert.Contains("最多上传10个文件", Assert.Throws<InvalidOperationException>(() => item.Attach(File("f"))).Message);
        item.Review(accepted: true, null, Window, Now);
        Assert.Contains("已审核合格", Assert.Throws<InvalidOperationException>(() => item.Attach(File("e"))).Message);
    }

    [Fact]
    public void An_explanation_answers_an_item_that_allows_one_and_not_an_item_that_needs_a_file()
    {
        var item = FloorPlan();
        item.Explain("原件已在窗口核验");
        Assert.Equal(MaterialStatus.Submitted, item.Status);

        var needsFile = new CaseMaterial(1, MaterialCatalog.FloorPlan with { AllowsExplanation = false });
        Assert.Contains("须上传文件", Assert.Throws<InvalidOperationException>(() => needsFile.Explain("没有")).Message);
    }

    [Fact]
    public void A_tolerable_missing_item_is_deferred_and_keeps_the_commitment_open_until_accepted()
    {
        var item = FloorPlan();
        item.Defer();
        Assert.Equal(MaterialStatus.Deferred, item.Status);
        Assert.True(item.KeepsCommitmentOpen);
        Assert.Contains("尚未补齐", Assert.Throws<InvalidOperationException>(() => item.Review(accepted: true, null, Window, Now)).Message);

        item.Attach(File());
        Assert.Equal(MaterialStatus.Submitted, item.Status);
        Assert.True(item.KeepsCommitmentOpen);

        item.Review(accepted: true, null, Window, Now);
        Assert.False(item.KeepsCommitmentOpen);
    }

    [Fact]
    public void An_item_that_may_not_be_missing_cannot_be_deferred()
    {
        var premises = new CaseMaterial(1, MaterialCatalog.Premises);

        Assert.Contains("不可容缺", Assert.Throws<InvalidOperationException>(premises.Defer).Message);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", FileKind.Pdf, "passwd.pdf")]
    [InlineData("C:\\Users\\张明\\Desktop\\租赁合同.pdf", FileKind.Pdf, "租赁合同.pdf")]
    [InlineData("photo.pdf", FileKind.Jpeg, "photo.jpg")]
    [InlineData("\u202Egnp.exe", FileKind.Png, "gnp.png")]
    [InlineData("", FileKind.Pdf, "材料.pdf")]
    [InlineData("...", FileKind.Ofd, "材料.ofd")]
    public void An_uploaded_name_is_display_text_only_last_segment_no_controls_real_extension(string uploaded, FileKind kind, string shown)
    {
        Assert.Equal(shown, MaterialFile.DisplayNameOf(uploaded, kind));
    }

    [Fact]
    public void A_long_name_is_shortened_keeping_the_extension()
    {
        var name = MaterialFile.DisplayNameOf(new string('长', 300) + ".pdf", FileKind.Pdf);

        Assert.Equal(MaterialLimits.MaxDisplayNameLength, name.Length);
        Assert.EndsWith(".pdf", name);
    }
}
