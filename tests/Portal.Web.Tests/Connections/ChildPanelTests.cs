using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Shared;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>
/// The 报装 panel of a child case (one utility): classification with rule, source and notes, the technical data,
/// the joint survey time, the contract, the water design budget and fee — through ConnectionPanel.Query and on the
/// case page over HTTP, for the utility's staff and for the applicant.
/// </summary>
public sealed class ChildPanelTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Child_panels_show_each_utility_its_classification_rule_source_and_technical_data(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 25), new TimeOnly(9, 30));

        var power = await factory.SendAs(world.Power, new ConnectionPanel.Query { Number = cases[Utility.Power] });

        Assert.False(power.IsParent);
        Assert.Equal(DeadlineView.Format(new DateTime(2026, 11, 25, 9, 30, 0)), power.SurveyAt);
        var p = power.Utility!;
        Assert.Equal("“三零”服务低压接入（免审批）", p.Path);
        Assert.Equal("“三零”服务企业用户电网侧办电时间不超过7个工作日", p.Rule);
        Assert.Contains("000:177", p.Source);
        Assert.Contains(p.Notes, n => n.Contains("无需办理任何行政审批手续（000:177）"));
        Assert.Contains(("报装容量", "120千瓦"), p.Data);
        Assert.Contains(("外线工程", "有，线路长度150米"), p.Data);
        Assert.Contains(("“三零”服务", "是，无利害关系人"), p.Data);
        Assert.False(p.CanSetBudget);

        var water = await factory.SendAs(world.Water, new ConnectionPanel.Query { Number = cases[Utility.Water] });
        Assert.Equal(power.SurveyAt, water.SurveyAt);
        var w = water.Utility!;
        Assert.Equal("150米以下：承诺备案、容缺受理", w.Path);
        Assert.Equal("用水接通不超过6个工作日", w.Rule);
        Assert.Equal("002:19", w.Source);
        Assert.Contains(("外线工程", "有，管线长度80米"), w.Data);
        Assert.Contains(("接水管径", "50毫米"), w.Data);
        Assert.True(w.CanSetBudget);

        // The applicant sees the same classification on their own child cases.
        var mine = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases[Utility.Power] });
        Assert.Equal(p.Rule, mine.Utility!.Rule);
        Assert.False(mine.Utility.CanSetBudget);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Child_panel_shows_the_contract_and_the_water_fee_and_invites_a_rating_once_connected(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        var water = cases[Utility.Water];
        await factory.SendAs(world.Water, new SetDesignBudget.Command { Number = water, Budget = 10000 });
        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 14);
        await world.ActAsync(world.Water, water, CaseTrigger.RecordSurvey, "具备接水条件");
        await world.SignAsync(world.Water, water);

        var waiting = (await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = water })).Utility!;
        Assert.Equal("10,000.00元", waiting.DesignBudget);
        Assert.Equal("9,700.00元（设计预算下浮3%，竣工后按实结算）", waiting.WorksFee);
        Assert.Equal("具备接水条件", waiting.SurveyFindings);
        Assert.Equal($"HT-{water}：供水单位 供水客户经理 于 2026年11月24日 14:00 签章，待申请人确认", waiting.Contract);
        Assert.False(waiting.InviteRating);

        await world.ActAsync(world.Applicant, water, CaseTrigger.ConfirmContract);
        factory.Time.SetChina(2026, 11, 25, 10);
        await world.ActAsync(world.Water, water, CaseTrigger.Connect);

        var done = (await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = water })).Utility!;
        Assert.Equal($"HT-{water}：供水单位 供水客户经理 于 2026年11月24日 14:00 签章；申请人 张明 于 2026年11月24日 14:00 确认", done.Contract);
        Assert.Equal("2026年11月25日 10:00", done.ConnectedAt);
        Assert.True(done.InviteRating);
        Assert.False((await factory.SendAs(world.Water, new ConnectionPanel.Query { Number = water })).Utility!.CanSetBudget);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Child_case_page_opens_for_its_utility_and_the_applicant_with_the_classification_and_the_fee(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        var water = cases[Utility.Water];
        await factory.SendAs(world.Water, new SetDesignBudget.Command { Number = water, Budget = 10000 });

        using (var staff = await new HttpSession(factory).SignedInAsync(world.Water))
        {
            var own = await staff.GetAsync($"/Cases/{water}");
            Assert.True(own.Status == HttpStatusCode.OK, $"the water company's own child case page answered {(int)own.Status} {own.Status}");
            Assert.Contains("data-testid=\"classification\"", own.Body);
            Assert.Contains("150米以下：承诺备案、容缺受理", own.Text);
            Assert.Contains("用水接通不超过6个工作日", own.Text);
            Assert.Contains("handler=Budget", own.Body);
            Assert.DoesNotContain(cases[Utility.Power], own.Body);
        }

        using var applicant = await new HttpSession(factory).SignedInAsync(world.Applicant);
        var page = await applicant.GetAsync($"/Cases/{water}");
        Assert.True(page.Status == HttpStatusCode.OK, $"the applicant's child case page answered {(int)page.Status} {page.Status}");
        Assert.Equal("9,700.00元（设计预算下浮3%，竣工后按实结算）", page.TestId("works-fee"));
        Assert.DoesNotContain("handler=Budget", page.Body);
        var powerPage = await applicant.GetAsync($"/Cases/{cases[Utility.Power]}");
        Assert.True(powerPage.Status == HttpStatusCode.OK, $"the applicant's power child case page answered {(int)powerPage.Status} {powerPage.Status}");
        Assert.Contains("“三零”服务低压接入（免审批）", powerPage.Text);
        Assert.Contains($"href=\"/Cases/{cases.Parent}\"", powerPage.Body);
    }

    /// <summary>The survey form on the parent's case page over HTTP, as the window clerk uses it.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_clerk_arranges_the_joint_survey_with_the_case_page_form(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        using var session = await new HttpSession(factory).SignedInAsync(world.Window);
        var page = await session.GetAsync($"/Cases/{cases.Parent}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-testid=\"survey-form\"", page.Body);
        Assert.Equal("待安排", page.TestId("survey-at"));
        var action = $"/Cases/{cases.Parent}?handler=Survey";

        var saturday = await session.SubmitAsync(page, action, ("Survey.Date", "2026-11-28"), ("Survey.Time", "10:00"));
        Assert.Equal(HttpStatusCode.OK, saturday.Status);
        Assert.Contains("踏勘时间应在工作日的办公时间内。", saturday.Text);
        Assert.Null((await factory.RequestAsync(cases[Utility.Power])).Application.SurveyAt);

        var arranged = await session.SubmitAsync(page, action, ("Survey.Date", "2026-11-25"), ("Survey.Time", "09:30"));
        Assert.True(arranged.Status == HttpStatusCode.Redirect, arranged.ToString());
        var after = await session.GetAsync(arranged.RedirectPath!);
        Assert.Contains("已安排踏勘，各专营单位同时收到通知。", after.Text);
        Assert.Equal("2026年11月25日 09:30", after.TestId("survey-at"));
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 9, 30), (await factory.RequestAsync(cases[Utility.Water])).Application.SurveyAt);

        // The old form (its version is stale now) cannot move the survey again.
        var stale = await session.SubmitAsync(page, action, ("Survey.Date", "2026-11-26"), ("Survey.Time", "09:30"));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(Portal.Web.Common.ConflictException.RecordChanged, stale.Text);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 9, 30), (await factory.RequestAsync(cases[Utility.Water])).Application.SurveyAt);
    }
}
