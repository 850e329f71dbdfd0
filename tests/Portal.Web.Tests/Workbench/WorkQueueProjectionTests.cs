using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Calendar;
using Portal.Web.Features.Cases;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Connections;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>
/// The work queue (WorkItems) stays what the cases and their tracks say, whatever happens to them: random walks over
/// every flow (企业开办 with and without parallel tracks, 简易注销, 普通注销, 联合报装) by every kind of person, with the
/// clock moving, the deadline sweep marking overdue steps, hand-overs and a holiday notice that recomputes stored
/// deadlines — after each batch of steps the stored rows equal a from-scratch recomputation from Cases and SubItems.
/// </summary>
public sealed class WorkQueueProjectionTests
{
    private const int Steps = 200;

    /// <summary>A 2027 notice unlike the statutory fallback (1/4–1/8 off), so that entering it moves stored deadlines.</summary>
    private const string Notice2027 = """
        # 测试用节假日安排
        2027-01-01 至 2027-01-03 放假 元旦
        2027-01-04 至 2027-01-08 放假 测试停办
        """;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task After_random_walks_of_every_flow_the_queue_equals_a_recomputation_from_the_cases(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        factory.Time.SetChina(2026, 12, 14, 9);
        var random = new Random(18);

        var deregistration = await DeregistrationWorld.CreateAsync(factory);
        var connection = await ConnectionWorld.CreateAsync(factory);
        var representative = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant, "赵立"));
        var admin = await factory.CreateUserAsync(Roles.Admin, "系统管理员");
        var people = new List<TestUser> { deregistration.Representative, deregistration.Window, deregistration.Market, deregistration.Supervisor, connection.Applicant, connection.Power, connection.Water, connection.Gas, representative };
        foreach (var department in new[] { Department.Tax, Department.Police, Department.HumanResources, Department.Medical, Department.HousingFund, Department.Bank })
        {
            people.Add(await factory.CreateUserAsync(department.ReviewerRole(), $"{department.Label()}审批员"));
        }

        var cases = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            cases.Add(await factory.SubmitCaseAsync(representative, $"枣庄游走{i}商贸有限公司 设立登记"));
            var form = EstablishmentSteps.ValidForm($"枣庄游走{i}科技有限公司", "tech", "software");
            cases.Add((await factory.SubmitAsync(representative, i % 2 == 0 ? form : form with { SynchronousItems = ["tax", "seal"] })).Number);
        }

        cases.Add(await deregistration.StartSimpleAsync());
        var second = await factory.RegisterEnterpriseAsync(deregistration.Representative, deregistration.Representative, name: "枣庄游走注销科技有限公司");
        cases.Add(await factory.SendAs(deregistration.Representative, DeregistrationSteps.OrdinaryCommand(second, new DateOnly(2026, 12, 1))));
        var joint = await connection.SubmitJointAsync();
        cases.Add(joint.Parent);
        cases.AddRange(joint.Children.Values);
        await AssertQueueIsExactAsync(factory);

        var fired = 0;
        var tracksMoved = 0;
        var handedOver = 0;
        for (var step = 1; step <= Steps; step++)
        {
            var dice = random.Next(100);
            if (dice < 6)
            {
                factory.Time.Advance(TimeSpan.FromHours(random.Next(1, 60)));
                await factory.SweepAsync();
            }
            else if (dice < 10)
            {
                handedOver += await HandOverAsync(factory, deregistration.Supervisor, cases[random.Next(cases.Count)], people[random.Next(people.Count)]) ? 1 : 0;
            }
            else if (dice < 14)
            {
                cases.Add(await factory.SubmitCaseAsync(representative, $"枣庄游走新{step}商贸有限公司 设立登记"));
            }
            else
            {
                // The first person (in random order) the case page offers an action to takes one of them.
                var number = cases[random.Next(cases.Count)];
                foreach (var person in people.OrderBy(_ => random.Next()))
                {
                    var (caseAction, trackAction, offered) = await ActRandomlyAsync(factory, random, person, number);
                    fired += caseAction ? 1 : 0;
                    tracksMoved += trackAction ? 1 : 0;
                    if (offered)
                    {
                        break;
                    }
                }
            }

            if (step == Steps / 2)
            {
                // A holiday notice that moves stored deadlines, and the recomputation an administrator runs after it.
                await factory.SendAs(admin, new SaveYear.Command { Year = 2027, Source = "测试用节假日安排", Days = Notice2027 });
                await factory.SendAs(admin, new RecomputeDeadlines.Command());
            }

            if (step % 10 == 0)
            {
                await AssertQueueIsExactAsync(factory);
            }
        }

        // The walk did walk: cases and tracks moved, owners changed, and the queue still holds work.
        Assert.True(fired >= 40, $"only {fired} case actions were taken");
        Assert.True(tracksMoved >= 10, $"only {tracksMoved} track actions were taken");
        Assert.True(handedOver >= 1, "no hand-over happened");
        await AssertQueueIsExactAsync(factory);

        // The migration's backfill writes the same rows from scratch.
        var stored = await RowsAsync(factory);
        await factory.WithDb(async db =>
        {
            await db.WorkItems.ExecuteDeleteAsync();
            return await db.Database.ExecuteSqlRawAsync(ProviderSql.BackfillWorkQueue(ProviderSql.Of(db.Database)));
        });
        Assert.Equal(stored, await RowsAsync(factory));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_load_seeder_writes_the_queue_of_the_open_cases_it_builds_and_none_for_archived_copies(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        using (var scope = factory.Services.CreateScope())
        {
            var size = LoadSize.Parse(["cases=90", "open=60", "staff=40", "enterprises=90", "ratings=50", "applicants=10", "archive=45"]);
            await LoadData.SeedAsync(scope.ServiceProvider, size, TextWriter.Null);
        }

        var (cases, open) = await factory.WithDb(async db => (await db.Cases.CountAsync(), await db.Cases.CountAsync(c => c.ClosedAt == null)));
        Assert.Equal((135, 60), (cases, open));
        var rows = await RowsAsync(factory);
        Assert.True(rows.Count >= 30, $"{rows.Count} queue rows for 60 open cases");
        await AssertQueueIsExactAsync(factory);
    }

    /// <summary>Takes one of the actions the case page offers this person (a case action or one of a track's), if any.</summary>
    private static async Task<(bool Case, bool Track, bool Offered)> ActRandomlyAsync(PortalFactory factory, Random random, TestUser person, string number)
    {
        CaseView.Result view;
        try
        {
            view = await factory.SendAs(person, new CaseView.Query { Number = number });
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return (false, false, false); // not theirs to see
        }

        var choices = view.Actions.Select(a => (Trigger: (CaseTrigger?)a, Track: (CaseView.Track?)null, ItemTrigger: (SubItemTrigger?)null))
            .Concat(view.Tracks.SelectMany(t => t.Actions.Select(a => (Trigger: (CaseTrigger?)null, Track: (CaseView.Track?)t, ItemTrigger: (SubItemTrigger?)a))))
            .ToList();
        if (choices.Count == 0)
        {
            return (false, false, false);
        }

        var choice = choices[random.Next(choices.Count)];
        try
        {
            if (choice.Trigger is { } trigger)
            {
                await factory.SendAs(person, new Act.Command { Number = number, Trigger = trigger, ExpectedVersion = view.Version, Reason = "随机游走：材料需补充说明" });
                return (true, false, true);
            }

            await factory.SendAs(person, new SubItemAct.Command { Number = number, ItemId = choice.Track!.Id, Trigger = choice.ItemTrigger!.Value, ExpectedVersion = choice.Track.Version, Reason = "随机游走：退回说明" });
            return (false, true, true);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return (false, false, true); // refused (a form field the action needs, a rule of the service): nothing changed
        }
    }

    private static async Task<bool> HandOverAsync(PortalFactory factory, TestUser supervisor, string number, TestUser to)
    {
        try
        {
            var version = await factory.StoredVersionAsync(number);
            await factory.SendAs(supervisor, new HandOver.Command { Number = number, ToUserId = to.Id, Reason = "随机游走：工作交接", ExpectedVersion = version });
            return true;
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    /// <summary>The stored queue equals the rows recomputed from every case and track as stored.</summary>
    private static async Task AssertQueueIsExactAsync(PortalFactory factory)
    {
        var expected = await factory.WithDb(async db =>
        {
            var cases = await db.Cases.AsNoTracking().ToListAsync();
            var tracks = await db.SubItems.AsNoTracking()
                .Where(s => s.State == SubItemState.Waiting || s.State == SubItemState.InProgress)
                .Select(s => new { s.CaseId, s.HolderRole })
                .ToListAsync();
            var rows = new List<string>();
            foreach (var c in cases)
            {
                var holders = tracks.Where(t => t.CaseId == c.Id).Select(t => t.HolderRole).Append(c.HolderRole)
                    .Where(h => h.Length > 0 && h != Roles.Applicant)
                    .Distinct();
                rows.AddRange(holders.Select(h => Row(c.Id, h, c.StepDueAt ?? WorkItem.NoDeadline, c.StepWarnAt, c.PausedAt is not null, c.ServiceCode, c.State, c.OwnerId)));
            }

            return rows.Order(StringComparer.Ordinal).ToList();
        });
        Assert.Equal(expected, await RowsAsync(factory));
    }

    private static Task<List<string>> RowsAsync(PortalFactory factory) =>
        factory.WithDb(async db => (await db.WorkItems.AsNoTracking().ToListAsync())
            .Select(w => Row(w.CaseId, w.Holder, w.DueAt, w.WarnAt, w.Paused, w.ServiceCode, w.State, w.OwnerId))
            .Order(StringComparer.Ordinal)
            .ToList());

    private static string Row(long caseId, string holder, DateTime due, DateTime? warn, bool paused, string service, CaseState state, string? owner) =>
        $"{caseId}|{holder}|{due:O}|{warn:O}|{paused}|{service}|{state}|{owner}";
}
