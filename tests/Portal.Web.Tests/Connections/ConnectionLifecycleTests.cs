using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Connections;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>Deadlines of the children with the fake clock and the sweep; withdrawing the parent or every child.</summary>
public sealed class ConnectionLifecycleTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Gas_request_is_due_ten_working_days_after_submission_and_the_sweep_marks_it_overdue_after_that(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);

        // Mon 23 Nov 09:00: gas only.
        var cases = await world.SubmitAsync(ConnectionSteps.Application(Utility.Gas));

        var gas = await factory.LoadCaseAsync(cases[Utility.Gas]);
        Assert.Equal(ConnectionService.ChildCode(Utility.Gas), gas.ServiceCode);
        Assert.Equal(CaseState.SiteSurvey, gas.State);
        Assert.Equal(Utility.Gas.Department().ReviewerRole(), gas.HolderRole);
        // 10 working days: Tue 24 … Mon 7 Dec, close of office.
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 7, 17), gas.StepDueAt);
        var request = await factory.RequestAsync(cases[Utility.Gas]);
        Assert.Equal("网上预审、现场踏勘后签订合同接通，燃气接通不超过10个工作日", request.Rule);
        Assert.Equal("002:19", request.Source);
        var overview = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.Equal("现场踏勘", Assert.Single(overview.Tracks).State);

        // At the deadline itself it is not late yet.
        factory.Time.SetChina(2026, 12, 4, 16);
        Assert.Equal(0, await factory.SweepAsync());
        factory.Time.SetChina(2026, 12, 7, 17);
        Assert.Equal(0, await factory.SweepAsync());
        Assert.False((await factory.LoadCaseAsync(cases[Utility.Gas])).IsOverdue);

        // Tue 8 Dec 09:00: the sweep marks it overdue (once), and the parent (no deadline of its own) is left alone.
        factory.Time.SetChina(2026, 12, 8, 9);
        Assert.Equal(1, await factory.SweepAsync());
        Assert.Equal(0, await factory.SweepAsync());

        var late = await factory.LoadCaseAsync(cases[Utility.Gas]);
        Assert.True(late.IsOverdue);
        Assert.Equal(CaseState.SiteSurvey, late.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 8, 9), late.OverdueSince);
        Assert.Equal(CaseState.SiteSurvey, Assert.Single(late.History, e => e.Action == Case.OverdueAction).ToState);
        var parent = await factory.LoadCaseAsync(cases.Parent);
        Assert.False(parent.IsOverdue);
        Assert.Equal(CaseState.ConnectionsRunning, parent.State);
        var lateView = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.Equal(DeadlineStatus.Overdue, Assert.Single(lateView.Tracks).Deadline.Status);

        // Still the gas company's work: it can carry on late.
        await world.ScheduleSurveyAsync(world.Gas, cases[Utility.Gas], new DateOnly(2026, 12, 8), new TimeOnly(14, 0));
        factory.Time.SetChina(2026, 12, 8, 15);
        await world.ActAsync(world.Gas, cases[Utility.Gas], CaseTrigger.RecordSurvey, "具备通气条件");
        Assert.Equal(CaseState.ContractSigning, (await factory.LoadCaseAsync(cases[Utility.Gas])).State);
    }

    /// <summary>The utilities' feed carries each request's overdue flag: a poller using since must learn that a request became overdue.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Request_marked_overdue_by_the_sweep_is_in_the_next_page_of_the_feed(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        factory.Settings["Portal:UtilityFeedKeys:Gas"] = "k-gas";
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitAsync(ConnectionSteps.Application(Utility.Gas));
        using var client = factory.CreateClient();
        factory.Time.SetChina(2026, 12, 7, 12);
        var read = await client.FeedAsync("gas", "k-gas");
        Assert.False(Assert.Single(read.Items).GetProperty("overdue").GetBoolean());

        factory.Time.SetChina(2026, 12, 8, 9);
        Assert.Equal(1, await factory.SweepAsync());
        factory.Time.SetChina(2026, 12, 8, 9, 5);
        var next = await client.FeedAsync("gas", "k-gas", read.Until);

        Assert.True((await factory.LoadCaseAsync(cases[Utility.Gas])).IsOverdue);
        Assert.True(
            next.Items.Count == 1 && next.Items[0].GetProperty("overdue").GetBoolean(),
            $"the sweep marked {cases[Utility.Gas]} overdue at 2026-12-08 09:00 (China), but the feed since {read.Until} answered {next.Body}");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Applicant_withdraws_the_parent_and_every_open_child_is_withdrawn(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitAsync(ConnectionSteps.Application(Utility.Power, Utility.Water, Utility.Gas));

        // Gas is connected first; power waits for the applicant's signature; water is still at the survey.
        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 11);
        await world.RunChildToConnectedAsync(Utility.Gas, cases[Utility.Gas], "具备通气条件");
        await world.ActAsync(world.Power, cases[Utility.Power], CaseTrigger.RecordSurvey, "具备接电条件");
        await world.SignAsync(world.Power, cases[Utility.Power]);
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(cases[Utility.Gas])).State);
        Assert.Equal(CaseState.ContractConfirm, (await factory.LoadCaseAsync(cases[Utility.Power])).State);
        Assert.Equal(CaseState.SiteSurvey, (await factory.LoadCaseAsync(cases[Utility.Water])).State);
        Assert.Equal(CaseState.ConnectionsRunning, (await factory.LoadCaseAsync(cases.Parent)).State);

        // Staff cannot withdraw it for the applicant.
        var byWindow = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Window, cases.Parent, CaseTrigger.Withdraw, "窗口撤回"));
        Assert.Contains("只有申请人本人或代办人可以撤回", byWindow.Reasons);
        Assert.Contains(CaseTrigger.Withdraw, (await factory.SendAs(world.Applicant, new CaseView.Query { Number = cases.Parent })).Actions);

        factory.Time.SetChina(2026, 11, 25, 10);
        await world.ActAsync(world.Applicant, cases.Parent, CaseTrigger.Withdraw, "项目暂缓建设");

        var parent = await factory.LoadCaseAsync(cases.Parent);
        Assert.Equal(CaseState.Withdrawn, parent.State);
        Assert.Equal(world.Applicant.Id, parent.History.Single(e => e.Action == nameof(CaseTrigger.Withdraw)).ActorId);
        foreach (var utility in new[] { Utility.Power, Utility.Water })
        {
            var child = await factory.LoadCaseAsync(cases[utility]);
            Assert.Equal(CaseState.Withdrawn, child.State);
            Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 10), child.ClosedAt);
            Assert.Null(child.StepDueAt);
            var withdrawal = Assert.Single(child.History, e => e.Action == nameof(CaseTrigger.Withdraw));
            Assert.Equal(CaseActor.System.UserId, withdrawal.ActorId);
            Assert.Equal("申请人撤回报装申请", withdrawal.Reason);
        }

        // What was already connected stays connected.
        var gas = await factory.LoadCaseAsync(cases[Utility.Gas]);
        Assert.Equal(CaseState.Completed, gas.State);
        Assert.DoesNotContain(gas.History, e => e.Action == nameof(CaseTrigger.Withdraw));
        var overview = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.Equal([CaseState.Withdrawn.Label(), CaseState.Withdrawn.Label(), CaseState.Completed.Label()], overview.Tracks.Select(t => t.State));
        Assert.All(overview.Tracks, t => Assert.True(t.Final));
        // Nothing is left on the utilities' desks.
        Assert.Empty((await factory.SendAs(world.Water, new Portal.Web.Features.Workbench.Queue.Query())).Rows);
        Assert.Empty((await factory.SendAs(world.Power, new Portal.Web.Features.Workbench.Queue.Query())).Rows);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Withdrawing_every_child_withdraws_the_parent_and_one_connected_child_completes_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);

        // All children withdrawn one by one: the parent is withdrawn by the system.
        var first = await world.SubmitJointAsync();
        await world.ActAsync(world.Applicant, first[Utility.Power], CaseTrigger.Withdraw, "不再需要用电");
        Assert.Equal(CaseState.ConnectionsRunning, (await factory.LoadCaseAsync(first.Parent)).State);
        await world.ActAsync(world.Applicant, first[Utility.Water], CaseTrigger.Withdraw, "不再需要用水");
        var parent = await factory.LoadCaseAsync(first.Parent);
        Assert.Equal(CaseState.Withdrawn, parent.State);
        var closing = Assert.Single(parent.History, e => e.Action == nameof(CaseTrigger.Withdraw));
        Assert.Equal(CaseActor.System.UserId, closing.ActorId);
        Assert.Equal("各专营单位的申请均已撤回", closing.Reason);

        // One connected, the other withdrawn: the parent is 办结.
        var second = await world.SubmitJointAsync();
        await world.ScheduleSurveyAsync(world.Window, second.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 11);
        await world.RunChildToConnectedAsync(Utility.Water, second[Utility.Water], "具备接水条件");
        Assert.Equal(CaseState.ConnectionsRunning, (await factory.LoadCaseAsync(second.Parent)).State);
        await world.ActAsync(world.Applicant, second[Utility.Power], CaseTrigger.Withdraw, "改用自备电源");
        var completed = await factory.LoadCaseAsync(second.Parent);
        Assert.Equal(CaseState.Completed, completed.State);
        Assert.Equal("各专营单位均已办结", Assert.Single(completed.History, e => e.Action == nameof(CaseTrigger.Complete)).Reason);
    }
}
