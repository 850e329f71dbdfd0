using Portal.Domain.Hall;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>
/// Appointments in the queue (stored directly: booking is a later part of the feature). Once its slot has begun an
/// appointment is called before walk-ins, and the walk-in's ticket page must count it among those ahead.
/// </summary>
public sealed class HallAppointmentTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Appointment_whose_slot_has_begun_is_called_before_a_walk_in_and_counted_ahead_of_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        var walkIn = await factory.TakeAsync(); // A001 at 09:00
        await factory.WithDb(async db =>
        {
            db.Tickets.Add(Ticket.Issue(
                HallCategories.Find("establishment")!, TicketKind.Appointment, PriorityReason.None, new DateOnly(2026, 11, 23), 50,
                Scenario.ChinaUtc(2026, 11, 20, 10), "appointment-code", Scenario.ChinaUtc(2026, 11, 23, 9, 30)));
            return await db.SaveChangesAsync();
        });

        // 09:10: the slot has not begun, the walk-in is first.
        factory.Time.SetChina(2026, 11, 23, 9, 10);
        Assert.Equal(["A001", "A050"], (await factory.SendAs(a01, new WindowQuery.Query())).Queue.Select(w => w.Number));
        Assert.Equal(0, (await factory.ViewAsync(walkIn)).Ahead);

        // 09:40: the slot has begun; the window would call the appointment first, so the walk-in has one ahead.
        factory.Time.SetChina(2026, 11, 23, 9, 40);
        Assert.Equal(["A050", "A001"], (await factory.SendAs(a01, new WindowQuery.Query())).Queue.Select(w => w.Number));
        Assert.Equal(1, (await factory.ViewAsync(walkIn)).Ahead);
        Assert.Equal("A050", await factory.CallNextAsync(a01));
    }
}
