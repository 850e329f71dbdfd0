using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Web.Features.Promises;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Promises;

/// <summary>
/// 企业开办 promises by place (issue 15): 泰安's 一般性企业 2 hours (003:9) is enforced on the applications the portal
/// counts as 一般性 and the case says which promise applies and why; every profile's promise covers the whole process
/// from submission, so 受理 is inside it.
/// </summary>
public sealed class EstablishmentPromiseTests
{
    private static async Task<PortalFactory> WithProfileAsync(string code)
    {
        var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        await factory.SendAs(admin, new SwitchProfile.Command { Profile = code });
        return factory;
    }

    [Fact]
    public async Task A_general_enterprise_in_Taian_is_due_two_office_hours_after_submission_and_its_case_says_why()
    {
        await using var factory = await WithProfileAsync("taian");
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("泰安青禾信息技术有限公司", "software", "tech"));

        Assert.True(result.AutoAccepted);
        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 11), c.StepDueAt); // Mon 09:00 + 2 office hours
        Assert.Equal("2个工作小时", c.StepLimitText);
        var note = Assert.Single(c.History, e => e.ActionLabel == "适用承诺时限");
        Assert.Equal($"一般性企业开办（{EstablishmentPromises.GeneralRule}）：自提交起2个工作小时内办结（全流程，窗口受理在内）（003:9）。", note.Reason);
    }

    [Fact]
    public async Task An_enterprise_needing_a_permit_in_Taian_is_not_general_and_is_due_four_office_hours_after_submission()
    {
        await using var factory = await WithProfileAsync("taian");
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("泰安青禾餐饮管理有限公司", "catering"));
        Assert.False(result.AutoAccepted);
        factory.Time.SetChina(2026, 11, 23, 11, 30);
        await factory.ActNowAsync(window, result.Number, CaseTrigger.Accept);

        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 14), c.StepDueAt); // 09:00 + 4 office hours, lunch excluded: accepted inside it
        Assert.Equal("4个工作小时", c.StepLimitText);
        Assert.Contains("本申请不属于一般性企业（经营范围含须取得许可的项目），一般性企业为2个工作小时。", Assert.Single(c.History, e => e.ActionLabel == "适用承诺时限").Reason);
    }

    [Fact]
    public async Task The_Taian_guide_shows_which_applications_count_as_general()
    {
        await using var factory = await WithProfileAsync("taian");

        var guide = await factory.SendAs(null, new Portal.Web.Features.Establishment.Guide.Query());

        Assert.Equal("2个工作小时", guide.GeneralLimit);
        Assert.Equal("003:9", guide.GeneralSource);
        Assert.True(guide.WholeProcess);
        Assert.Equal(EstablishmentPromises.GeneralRule, guide.GeneralRule);
    }

    [Fact]
    public async Task Yicheng_half_day_counts_from_submission_and_the_acceptance_is_inside_it()
    {
        await using var factory = await WithProfileAsync("yicheng");
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);

        var submitted = await factory.LoadCaseAsync(number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 13, 30), submitted.StepDueAt); // 受理 inside 0.5个工作日 (3 h 30 min)
        factory.Time.SetChina(2026, 11, 23, 11);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);

        var accepted = await factory.LoadCaseAsync(number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 13, 30), accepted.StepDueAt);
        var guide = await factory.SendAs(null, new Portal.Web.Features.Establishment.Guide.Query());
        Assert.Equal("0.5个工作日", guide.TotalLimit);
        Assert.Equal("002:9", guide.TotalSource);
        Assert.Null(guide.GeneralLimit); // 002:9 makes no such distinction
        Assert.Equal("2026年11月23日 15:30", guide.DueIfNow); // if submitted now: 11:00-12:00, then 13:00-15:30
    }
}
