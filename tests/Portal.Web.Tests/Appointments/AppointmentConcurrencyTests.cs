using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Web.Common;
using Portal.Web.Features.Appointments;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Appointments.AppointmentWorld;

namespace Portal.Web.Tests.Appointments;

/// <summary>
/// Bookings and check-ins racing each other, on SQLite and PostgreSQL: the seat index keeps a slot at its
/// capacity whatever the timing, one person's racing bookings leave one, and racing check-ins issue one ticket.
/// </summary>
public sealed class AppointmentConcurrencyTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Twenty_people_booking_a_slot_of_three_at_once_get_exactly_three_seats(Provider provider)
    {
        const int people = 20;
        await using var factory = NewFactory(provider);
        var users = await factory.ApplicantsAsync(people);

        var outcomes = await Task.WhenAll(users.Select(u => Task.Run(async () =>
        {
            try
            {
                return (Code: (string?)await factory.BookAsync(u, Tuesday, Ten), Refusal: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Code: null, Refusal: ex);
            }
        })));

        var booked = outcomes.Where(o => o.Code is not null).Select(o => o.Code!).ToList();
        Assert.Equal(3, booked.Count);
        Assert.Equal(people - 3, outcomes.Count(o => o.Refusal is not null));
        Assert.All(outcomes.Select(o => o.Refusal).OfType<Exception>(), e =>
        {
            var refusal = Assert.IsType<RuleViolationException>(e);
            Assert.Equal([SeatBooking.Full], refusal.Reasons);
        });
        var stored = await factory.AppointmentsAsync();
        Assert.Equal(3, stored.Count);
        Assert.Equal([1, 2, 3], stored.Select(a => a.Seat!.Value).Order());
        Assert.Equal(booked.Order(), stored.Select(a => a.Code).Order());
        Assert.Equal(3, stored.Select(a => a.UserId).Distinct().Count());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task One_person_booking_two_slots_of_a_day_at_once_keeps_one(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();
        _ = await factory.SendAs(zhang, new MyAppointments.Query()); // start the host once before racing

        var slots = new[] { NineOClock, HalfPastNine, Ten, Ten + 30 };
        var outcomes = await Task.WhenAll(slots.Select(s => Task.Run(() => Scenario.Outcome(() => factory.BookAsync(zhang, Tuesday, s)))));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<Exception>(), e =>
        {
            var refusal = Assert.IsType<RuleViolationException>(e);
            Assert.StartsWith("您已预约11月24日企业开办", refusal.Reasons.Single());
        });
        var stored = Assert.Single(await factory.AppointmentsAsync());
        Assert.Equal(AppointmentState.Booked, stored.State);
        Assert.Equal(1, stored.Seat);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_kiosks_checking_in_one_booking_at_once_issue_one_ticket(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);
        factory.Time.SetChina(2026, 11, 24, 9, 45);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => factory.CheckInAsync(code))));

        var ticket = await factory.WithDb(db => db.Tickets.AsNoTracking().SingleAsync());
        Assert.All(results, r => Assert.Equal(ticket.AccessCode, r.AccessCode));
        Assert.All(results, r => Assert.Equal("A001", r.Number));
        Assert.Single(results, r => !r.Again);
        Assert.Equal(TicketKind.Appointment, ticket.Kind);
        var stored = await factory.AppointmentAsync(code);
        Assert.Equal(AppointmentState.CheckedIn, stored.State);
        Assert.Equal(ticket.Id, stored.TicketId);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Check_ins_and_kiosk_numbers_at_once_get_distinct_consecutive_numbers(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var users = await factory.ApplicantsAsync(3);
        var codes = new List<string>();
        foreach (var user in users)
        {
            codes.Add(await factory.BookAsync(user, Tuesday, Ten));
        }

        factory.Time.SetChina(2026, 11, 24, 9, 50);
        var checkIns = codes.Select(c => Task.Run(async () => (await factory.CheckInAsync(c)).Number));
        var walkIns = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            (await factory.SendAs(null, new TicketView.Query { Code = await factory.SendAs(null, new TakeTicket.Command { Category = EstablishmentCategory }) })).Number));

        var numbers = await Task.WhenAll(checkIns.Concat(walkIns));

        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"A{i:D3}"), numbers.Order());
        var tickets = await factory.WithDb(db => db.Tickets.AsNoTracking().ToListAsync());
        Assert.Equal(3, tickets.Count(t => t.Kind == TicketKind.Appointment));
        Assert.All((await factory.AppointmentsAsync()).Select(a => a.TicketId), id => Assert.Contains(tickets, t => t.Id == id && t.Kind == TicketKind.Appointment));
    }
}
