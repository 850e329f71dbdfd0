using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>
/// Who sees what of a 联合报装: the applicant sees the parent and every child; each utility sees only its own child
/// (never the parent, never another utility's child) and acts only on it; anyone else sees nothing.
/// </summary>
public sealed class ConnectionAccessTests
{
    private const string Hidden = "未找到该办件，或该办件不属于您。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Each_utility_sees_only_its_own_child_and_the_applicant_sees_all_three(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        var powerChild = cases[Utility.Power];
        var waterChild = cases[Utility.Water];

        // The applicant: all three (the parent with its panel), in "my cases". The children's panels: see ChildPanelTests.
        foreach (var number in new[] { cases.Parent, powerChild, waterChild })
        {
            Assert.Equal(number, (await factory.SendAs(world.Applicant, new CaseView.Query { Number = number })).Number);
        }

        Assert.Equal([powerChild, waterChild], (await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent })).Tracks.Select(t => t.Number));

        Assert.Equal(
            new[] { cases.Parent, powerChild, waterChild }.Order(),
            (await factory.SendAs(world.Applicant, new MyCases.Query())).Select(r => r.Number).Order());
        // The child links back to the parent.
        var links = (await factory.SendAs(world.Applicant, new CaseView.Query { Number = waterChild })).Links;
        Assert.Contains(links, l => l.Href == $"/Cases/{cases.Parent}");

        // The water company: its own child only.
        Assert.Equal(waterChild, (await factory.SendAs(world.Water, new CaseView.Query { Number = waterChild })).Number);
        var waterOnPower = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Water, new CaseView.Query { Number = powerChild }));
        Assert.Equal(Hidden, waterOnPower.Message);
        var waterOnParent = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Water, new CaseView.Query { Number = cases.Parent }));
        Assert.Equal(Hidden, waterOnParent.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Water, new ConnectionPanel.Query { Number = powerChild }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Water, new ConnectionPanel.Query { Number = cases.Parent }));
        var waterQueue = await factory.SendAs(world.Water, new Queue.Query());
        Assert.Equal([waterChild], waterQueue.Rows.Select(r => r.Number));

        // The power company: its own child only, and it cannot act on the water child.
        Assert.Equal(powerChild, (await factory.SendAs(world.Power, new CaseView.Query { Number = powerChild })).Number);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Power, new CaseView.Query { Number = cases.Parent }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Power, new CaseView.Query { Number = waterChild }));
        Assert.Equal([powerChild], (await factory.SendAs(world.Power, new Queue.Query())).Rows.Select(r => r.Number));

        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 11);
        var before = await factory.SnapshotAsync(waterChild);
        var foreign = await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.ActAsync(world.Power, waterChild, CaseTrigger.RecordSurvey, before.Version, "供电代记供水踏勘结果"));
        Assert.Equal(Hidden, foreign.Message);
        // Not power's case to see: not found, before the fields are read.
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Power, new SetDesignBudget.Command { Number = waterChild, Budget = 10000 }));
        Assert.Equal(before, await factory.SnapshotAsync(waterChild));
        Assert.Null((await factory.RequestAsync(waterChild)).SurveyFindings);
        Assert.Null((await factory.RequestAsync(waterChild)).DesignBudget);

        // Nor may a utility close the parent or withdraw for the applicant.
        await Assert.ThrowsAsync<NotFoundException>(() => factory.ActNowAsync(world.Power, cases.Parent, CaseTrigger.Withdraw));
        var withdrawByUtility = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Power, powerChild, CaseTrigger.Withdraw, "供电撤回"));
        Assert.Contains("只有申请人本人或代办人可以执行此操作", withdrawByUtility.Reasons);

        // Its own child: yes.
        await world.ActAsync(world.Power, powerChild, CaseTrigger.RecordSurvey, "具备接电条件");
        Assert.Equal(CaseState.ContractSigning, (await factory.LoadCaseAsync(powerChild)).State);
        Assert.Equal(CaseState.SiteSurvey, (await factory.LoadCaseAsync(waterChild)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Another_applicant_sees_nothing_of_the_application_and_cannot_act_on_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        var other = await factory.CreateUserAsync(Roles.Applicant, "王强");

        foreach (var number in new[] { cases.Parent, cases[Utility.Power], cases[Utility.Water] })
        {
            var view = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(other, new CaseView.Query { Number = number }));
            Assert.Equal(Hidden, view.Message);
            var panel = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(other, new ConnectionPanel.Query { Number = number }));
            Assert.Equal(Hidden, panel.Message);
            var before = await factory.SnapshotAsync(number);
            await Assert.ThrowsAsync<NotFoundException>(() => factory.ActAsync(other, number, CaseTrigger.Withdraw, before.Version, "不要了"));
            await Assert.ThrowsAsync<NotFoundException>(() => factory.ActAsync(other, number, CaseTrigger.ConfirmContract, before.Version));
            Assert.Equal(before, await factory.SnapshotAsync(number));
        }

        Assert.Empty(await factory.SendAs(other, new MyCases.Query()));
        Assert.Equal(CaseState.ConnectionsRunning, (await factory.LoadCaseAsync(cases.Parent)).State);

        // Over HTTP the case pages are a 404 for them, and the applicant's own pages show the panel.
        using (var stranger = await new HttpSession(factory).SignedInAsync(other))
        {
            foreach (var number in new[] { cases.Parent, cases[Utility.Power] })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Cases/{number}")).Status);
            }
        }

        using var applicant = await new HttpSession(factory).SignedInAsync(world.Applicant);
        var page = await applicant.GetAsync($"/Cases/{cases.Parent}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-testid=\"utility-tracks\"", page.Body);
        Assert.Contains(cases[Utility.Power], page.Body);
        Assert.Contains(cases[Utility.Water], page.Body);
        using var water = await new HttpSession(factory).SignedInAsync(world.Water);
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/Cases/{cases.Parent}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/Cases/{cases[Utility.Power]}")).Status);
    }
}
