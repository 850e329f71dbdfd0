using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Concurrency;

/// <summary>The deadline sweep marks overdue cases once, even with several portal instances on one database.</summary>
public sealed class DeadlineSweepTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Sweep_marks_a_case_overdue_once_and_leaves_cases_not_yet_due_alone(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        // Submitted Mon 09:00: acceptance is due within 1 working day, i.e. Tue 17:00.
        var late = await factory.SubmitCaseAsync(applicant, "逾期办件");
        factory.Time.SetChina(2026, 11, 24, 10);
        var notYetDue = await factory.SubmitCaseAsync(applicant, "未到期办件"); // due Wed 17:00
        var lateBefore = await factory.LoadCaseAsync(late);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 17), lateBefore.StepDueAt);
        var untouched = await factory.SnapshotAsync(notYetDue);

        factory.Time.SetChina(2026, 11, 24, 17);
        var sweeper = factory.Services.GetRequiredService<DeadlineSweeper>();
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None)); // exactly at the deadline: not late yet

        factory.Time.SetChina(2026, 11, 25, 9);
        Assert.Equal(1, await sweeper.SweepOnceAsync(CancellationToken.None));

        var c = await factory.LoadCaseAsync(late);
        Assert.True(c.IsOverdue);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 9), c.OverdueSince);
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(lateBefore.StepDueAt, c.StepDueAt);
        Assert.Equal(lateBefore.Version + 1, c.Version);
        var overdue = Assert.Single(c.History, e => e.Action == "Overdue");
        Assert.Equal(CaseActor.System.UserId, overdue.ActorId);
        Assert.Equal(CaseState.Submitted, overdue.FromState);
        Assert.Equal(CaseState.Submitted, overdue.ToState);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 9), overdue.At);
        Assert.Equal(lateBefore.History.Count + 1, c.History.Count);

        factory.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));
        var again = await factory.LoadCaseAsync(late);
        Assert.Single(again.History, e => e.Action == "Overdue");
        Assert.Equal(c.Version, again.Version);
        Assert.Equal(c.OverdueSince, again.OverdueSince);

        Assert.Equal(untouched, await factory.SnapshotAsync(notYetDue));
        Assert.False(untouched.IsOverdue);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_portal_instances_sweeping_at_once_mark_each_case_exactly_once(Provider provider)
    {
        const int cases = 20;
        await using var first = new PortalFactory(provider);
        var applicant = await first.CreateUserAsync(Roles.Applicant);
        var numbers = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            numbers.Add(await first.SubmitCaseAsync(applicant, $"办件 {i}"));
        }

        await using var second = new PortalFactory(provider, first.ConnectionString);
        _ = second.Services;
        first.Time.SetChina(2026, 11, 26, 9);
        second.Time.Set(first.Time.GetUtcNow());
        var sweepers = new[] { first, second }.Select(f => f.Services.GetRequiredService<DeadlineSweeper>()).ToList();

        using var start = new SemaphoreSlim(0, sweepers.Count);
        var runs = sweepers.Select(s => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await s.SweepOnceAsync(CancellationToken.None);
        })).ToList();
        start.Release(sweepers.Count);
        var counts = await Task.WhenAll(runs);

        Assert.Equal(cases, counts.Sum());
        var perCase = await first.WithDb(db => db.CaseEvents.AsNoTracking()
            .Where(e => e.Action == "Overdue")
            .GroupBy(e => e.Case.Number)
            .Select(g => new { Number = g.Key, Count = g.Count() })
            .ToListAsync());
        Assert.Equal(numbers.Order(StringComparer.Ordinal), perCase.Select(p => p.Number).Order(StringComparer.Ordinal));
        Assert.All(perCase, p => Assert.Equal(1, p.Count));
        Assert.Equal(cases, await first.WithDb(db => db.Cases.CountAsync(c => c.IsOverdue)));

        // Neither instance finds anything left to mark.
        Assert.Equal(0, await sweepers[0].SweepOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweepers[1].SweepOnceAsync(CancellationToken.None));
    }
}
