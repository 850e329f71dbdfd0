using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Web.Common;
using Portal.Web.Features.Connections;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>
/// Edges of 报装: two utilities finishing at the same moment, a feed with more changes than one page holds,
/// and changes to an application that has already ended.
/// </summary>
public sealed class ConnectionEdgeTests
{
    /// <summary>
    /// Power and water connect at the same moment (two staff, two requests): whichever finishes last must see the
    /// other as done, so the parent is 办结 either way — it must not stay 办理中 with every child final.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Last_two_children_connected_at_the_same_moment_still_complete_the_parent(Provider provider)
    {
        const int rounds = 10;
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var applications = new List<ConnectionCases>();
        for (var i = 0; i < rounds; i++)
        {
            applications.Add(await world.SubmitJointAsync());
        }

        factory.Time.SetChina(2026, 11, 23, 10);
        foreach (var cases in applications)
        {
            await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        }

        factory.Time.SetChina(2026, 11, 24, 11);
        foreach (var cases in applications)
        {
            foreach (var utility in new[] { Utility.Power, Utility.Water })
            {
                var staff = world.StaffOf(utility);
                await world.ActAsync(staff, cases[utility], CaseTrigger.RecordSurvey, "具备接入条件");
                await world.SignAsync(staff, cases[utility]);
                await world.ActAsync(world.Applicant, cases[utility], CaseTrigger.ConfirmContract);
            }
        }

        factory.Time.SetChina(2026, 11, 25, 10);
        var failures = new List<string>();
        foreach (var cases in applications)
        {
            var versions = new Dictionary<Utility, long>
            {
                [Utility.Power] = await factory.StoredVersionAsync(cases[Utility.Power]),
                [Utility.Water] = await factory.StoredVersionAsync(cases[Utility.Water]),
            };
            using var start = new SemaphoreSlim(0, 2);
            var connects = versions.Select(v => Task.Run(async () =>
            {
                await start.WaitAsync();
                return await Scenario.Outcome(() => factory.ActAsync(world.StaffOf(v.Key), cases[v.Key], CaseTrigger.Connect, v.Value));
            })).ToList();
            start.Release(2);
            failures.AddRange((await Task.WhenAll(connects)).OfType<Exception>().Select(e => $"{cases.Parent}: {e.GetType().Name}: {e.Message}"));
        }

        var stuck = new List<string>();
        foreach (var cases in applications)
        {
            var children = new[] { await factory.LoadCaseAsync(cases[Utility.Power]), await factory.LoadCaseAsync(cases[Utility.Water]) };
            var parent = await factory.LoadCaseAsync(cases.Parent);
            if (children.All(c => c.State.IsFinal()) && parent.State != CaseState.Completed)
            {
                stuck.Add($"{cases.Parent} is {parent.State} although {string.Join(" and ", children.Select(c => $"{c.Number} is {c.State}"))}");
            }
        }

        Assert.True(stuck.Count == 0, $"{stuck.Count} of {rounds} parents were left running with every child final:\n" + string.Join("\n", stuck)
            + (failures.Count == 0 ? "" : "\nrefused connections:\n" + string.Join("\n", failures)));
    }

    /// <summary>
    /// The feed answers at most 500 requests per page; a utility that follows the documented contract (pass the
    /// previous until as since) must still receive every request, not lose those beyond the first 500.
    /// </summary>
    [Fact]
    public async Task Following_until_delivers_every_request_when_more_than_one_page_changed()
    {
        const int total = 503;
        await using var factory = new PortalFactory();
        factory.Settings["Portal:UtilityFeedKeys:Telecom"] = "k-telecom";
        var world = await ConnectionWorld.CreateAsync(factory);
        var submitted = new HashSet<string>();
        for (var i = 0; i < total; i++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            var cases = await world.SubmitAsync(ConnectionSteps.Application(Utility.Telecom) with
            {
                Address = $"山东省枣庄市市中区光明路{i + 1}号",
                Telecom = new TechnicalData { TelecomBandwidthMbps = 200 },
            });
            submitted.Add(cases[Utility.Telecom]);
        }

        using var client = factory.CreateClient();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var received = new HashSet<string>();
        string? since = null;
        for (var page = 0; page < 5; page++)
        {
            var answer = await client.FeedAsync("telecom", "k-telecom", since);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            received.UnionWith(answer.Numbers);
            if (answer.Items.Count == 0)
            {
                break;
            }

            since = answer.Until;
            factory.Time.Advance(TimeSpan.FromSeconds(30));
        }

        var lost = submitted.Except(received).Order().ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {total} requests were never delivered by following until: {string.Join(", ", lost)}");
    }

    /// <summary>The case page offers the budget only on an open case; the server must not accept it on a withdrawn one either.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Design_budget_is_refused_once_the_water_request_is_withdrawn(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        await world.ActAsync(world.Applicant, cases.Parent, CaseTrigger.Withdraw, "项目取消");
        Assert.Equal(CaseState.Withdrawn, (await factory.LoadCaseAsync(cases[Utility.Water])).State);
        var before = await factory.SnapshotAsync(cases[Utility.Water]);

        var failure = await Scenario.Outcome(() => factory.SendAs(world.Water, new SetDesignBudget.Command { Number = cases[Utility.Water], Budget = 10000 }));

        var stored = await factory.RequestAsync(cases[Utility.Water]);
        Assert.True(
            failure is RuleViolationException or ForbiddenException,
            $"a design budget on the withdrawn {cases[Utility.Water]} was {(failure is null ? $"accepted (stored budget {stored.DesignBudget}, fee {stored.WorksFee})" : $"refused with {failure.GetType().Name}: {failure.Message}")}");
        Assert.Null(stored.DesignBudget);
        Assert.Equal(before.HistoryCount, (await factory.SnapshotAsync(cases[Utility.Water])).HistoryCount);
    }

    /// <summary>A withdrawn application has nothing left to survey: arranging a survey for it must be refused.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Survey_cannot_be_arranged_for_a_withdrawn_application(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        await world.ActAsync(world.Applicant, cases.Parent, CaseTrigger.Withdraw, "项目取消");

        var failure = await Scenario.Outcome(() => world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0)));

        var application = (await factory.RequestAsync(cases[Utility.Power])).Application;
        Assert.True(
            failure is RuleViolationException or ValidationFailedException or ForbiddenException,
            $"a survey for the withdrawn {cases.Parent} was {(failure is null ? $"arranged (SurveyAt {application.SurveyAt:u})" : $"refused with {failure.GetType().Name}: {failure.Message}")}");
        Assert.Null(application.SurveyAt);
    }
}
