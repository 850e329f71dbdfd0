using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Web.Common;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>
/// Several windows calling at the same moment never get the same ticket (one conditional UPDATE), and several
/// kiosks taking a number at once get distinct, consecutive numbers; on SQLite and PostgreSQL.
/// </summary>
public sealed class HallConcurrencyTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Windows_calling_at_once_never_call_the_same_ticket(Provider provider)
    {
        const int windowCount = 4;
        const int ticketCount = 10;
        await using var factory = new PortalFactory(provider);
        var windows = new List<TestUser>();
        for (var i = 1; i <= windowCount; i++)
        {
            windows.Add(await factory.CreateWindowAsync($"A{i:D2}"));
        }

        for (var i = 0; i < ticketCount; i++)
        {
            await factory.TakeAsync(i % 2 == 0 ? "establishment" : "general");
            factory.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var calls = new List<(string Window, string Number)>();
        var refusals = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var outcomes = await Task.WhenAll(windows.Select(w => Task.Run(async () =>
            {
                try
                {
                    return (w, Number: (string?)await factory.CallNextAsync(w), Refusal: (string?)null);
                }
                catch (RuleViolationException ex)
                {
                    return (w, Number: null, Refusal: ex.Reasons.Single());
                }
            })));

            var numbers = outcomes.Where(o => o.Number is not null).Select(o => o.Number!).ToList();
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            calls.AddRange(outcomes.Where(o => o.Number is not null).Select(o => (WindowOf(o.w), o.Number!)));
            refusals.AddRange(outcomes.Where(o => o.Refusal is not null).Select(o => o.Refusal!));

            foreach (var o in outcomes.Where(o => o.Number is not null))
            {
                await factory.ActAsync(o.w, WindowAct.Action.NoShow);
            }
        }

        // 10 tickets over 4 rounds of 4 windows: every ticket called exactly once, the rest told the queue is empty.
        Assert.Equal(ticketCount, calls.Count);
        Assert.Equal(ticketCount, calls.Select(c => c.Number).Distinct().Count());
        Assert.Equal(4 * windowCount - ticketCount, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("当前没有等候的号码。", r));

        var stored = await factory.WithDb(db => db.Tickets.AsNoTracking().ToListAsync());
        Assert.All(stored, t => Assert.Equal(TicketState.NoShow, t.State));
        foreach (var (window, number) in calls)
        {
            Assert.Equal(window, stored.Single(t => t.Number == number).WindowNumber);
        }

        string WindowOf(TestUser clerk) => $"A{windows.IndexOf(clerk) + 1:D2}";
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task One_ticket_and_many_windows_calling_at_once_gives_it_to_exactly_one(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var windows = new List<TestUser>();
        for (var i = 1; i <= 5; i++)
        {
            windows.Add(await factory.CreateWindowAsync($"B{i:D2}"));
        }

        await factory.TakeAsync();

        var outcomes = await Task.WhenAll(windows.Select(w => Task.Run(() => Scenario.Outcome(() => factory.CallNextAsync(w)))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<Exception>(), e =>
        {
            var refusal = Assert.IsType<RuleViolationException>(e);
            Assert.Equal(["当前没有等候的号码。"], refusal.Reasons);
        });
        var ticket = await factory.WithDb(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.Equal(TicketState.Called, ticket.State);
        Assert.Equal(1, ticket.Version);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Kiosks_taking_numbers_at_once_get_distinct_consecutive_numbers(Provider provider)
    {
        const int kiosks = 6;
        await using var factory = new PortalFactory(provider);
        _ = await factory.SendAs(null, new Board.Query()); // start the host (and migrate) once, before the kiosks race

        var codes = await Task.WhenAll(Enumerable.Range(0, kiosks).Select(_ => Task.Run(() => factory.TakeAsync())));

        Assert.Equal(kiosks, codes.Distinct().Count());
        var numbers = new List<string>();
        foreach (var code in codes)
        {
            numbers.Add(await factory.NumberOfAsync(code));
        }

        Assert.Equal(Enumerable.Range(1, kiosks).Select(i => $"A{i:D3}"), numbers.Order());
    }
}
