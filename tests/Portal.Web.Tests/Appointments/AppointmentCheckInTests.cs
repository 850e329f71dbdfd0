using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Web.Common;
using Portal.Web.Features.Appointments;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Hall;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Appointments.AppointmentWorld;

namespace Portal.Web.Tests.Appointments;

/// <summary>
/// 签到 on both databases: inside the window it issues one 预约 ticket in the category's series; outside it, or for
/// a cancelled booking, it explains why in Chinese; the ticket is called before earlier walk-ins once its slot has started.
/// </summary>
public sealed class AppointmentCheckInTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Check_in_within_the_window_issues_an_appointment_ticket_in_the_category_series(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);
        factory.Time.SetChina(2026, 11, 24, 9, 20);
        await factory.TakeAsync(); // A001, a walk-in

        // At 09:30 the window opens; the code may be typed in lower case with a dash.
        factory.Time.SetChina(2026, 11, 24, 9, 30);
        var typed = $"{code[..4].ToLowerInvariant()}-{code[4..].ToLowerInvariant()}";
        var result = await factory.CheckInAsync(typed);

        Assert.Equal("A002", result.Number);
        Assert.False(result.Again);
        var ticket = await factory.WithDb(db => db.Tickets.AsNoTracking().SingleAsync(t => t.AccessCode == result.AccessCode));
        Assert.Equal(TicketKind.Appointment, ticket.Kind);
        Assert.Equal(EstablishmentCategory, ticket.Category);
        Assert.Equal(Tuesday, ticket.LocalDate);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 10, 0), ticket.AppointmentAt);
        Assert.Equal(TicketState.Waiting, ticket.State);
        var stored = await factory.AppointmentAsync(code);
        Assert.Equal(AppointmentState.CheckedIn, stored.State);
        Assert.Equal(ticket.Id, stored.TicketId);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 9, 30), stored.CheckedInAt);
        Assert.Null(stored.ActiveKey);
        Assert.Equal(1, stored.Seat);
        var view = await factory.ViewAsync(result.AccessCode);
        Assert.Equal("预约", view.Kind);

        // Checking in again (a double click) hands out the same ticket.
        var again = await factory.CheckInAsync(code);
        Assert.True(again.Again);
        Assert.Equal(result.AccessCode, again.AccessCode);
        Assert.Equal(2, await factory.WithDb(db => db.Tickets.CountAsync()));

        // The holder's list links the ticket.
        var mine = Assert.Single(await factory.SendAs(zhang, new MyAppointments.Query()));
        Assert.Equal("已签到取号", mine.State);
        Assert.Equal("A002", mine.TicketNumber);
        Assert.Equal(result.AccessCode, mine.TicketCode);
        Assert.False(mine.CanChange);
        Assert.False(mine.CanCheckIn);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Too_early_too_late_cancelled_or_unknown_is_refused_in_chinese_without_a_ticket(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();
        var li = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);
        var cancelled = await factory.BookAsync(li, Tuesday, Ten);
        await factory.CancelAsync(li, cancelled);

        factory.Time.SetChina(2026, 11, 24, 9, 29);
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CheckInAsync(code));
        Assert.Equal(["请在预约时段开始前 30 分钟内签到。"], early.Reasons);

        factory.Time.SetChina(2026, 11, 24, 9, 45);
        var gone = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CheckInAsync(cancelled));
        Assert.Equal(["该预约已取消。"], gone.Reasons);
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.CheckInAsync("ABCD2345"));
        Assert.Equal(("Code", CheckInAppointment.Unknown), Assert.Single(unknown.Errors));
        var malformed = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.CheckInAsync("0O1I"));
        Assert.Equal(("Code", "预约码为 8 位字母和数字（如 K7QM-3XPA），请核对后重新输入。"), Assert.Single(malformed.Errors));
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.CheckInAsync("  "));
        Assert.Equal(("Code", "请输入预约码。"), Assert.Single(empty.Errors));

        factory.Time.SetChina(2026, 11, 24, 10, 15);
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var late = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CheckInAsync(code));
        Assert.Equal(["已超过预约时段开始 15 分钟，预约已失效，请取普通号。"], late.Reasons);

        Assert.Equal(0, await factory.WithDb(db => db.Tickets.CountAsync()));
        Assert.Equal(AppointmentState.Booked, (await factory.AppointmentAsync(code)).State);
        var mine = Assert.Single(await factory.SendAs(zhang, new MyAppointments.Query()));
        Assert.Equal("已失效（未按时签到）", mine.State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Day_declared_a_holiday_after_booking_refuses_check_in_and_new_bookings(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var admin = await factory.CreateUserAsync(Domain.Organisation.Roles.Admin);
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);

        await factory.SendAs(admin, new Features.Calendar.SaveDay.Command { Date = Tuesday, Kind = Domain.Calendar.DayKind.Holiday, Name = "临时闭厅" });

        var li = await factory.ApplicantAsync();
        var booking = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(li, Tuesday, NineOClock));
        Assert.Equal(["11月24日为临时闭厅，大厅不办理业务，请选择工作日。"], booking.Reasons);
        factory.Time.SetChina(2026, 11, 24, 9, 45);
        var checkIn = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CheckInAsync(code));
        Assert.Equal(["11月24日已调整为临时闭厅，大厅不办理业务，预约已失效。"], checkIn.Reasons);
        Assert.Equal(0, await factory.WithDb(db => db.Tickets.CountAsync()));
        Assert.Equal(AppointmentState.Booked, (await factory.AppointmentAsync(code)).State);

        // The window still sees the booking that day, in a slot the plan no longer offers.
        var clerk = await factory.CreateUserAsync(Domain.Organisation.Roles.Window);
        var day = await factory.SendAs(clerk, new DayAppointments.Query { Date = Tuesday });
        Assert.Equal("临时闭厅，大厅不办理业务", day.ClosedNote);
        var group = day.Groups.Single(g => g.Code == EstablishmentCategory);
        Assert.Equal(1, group.Booked);
        var slot = Assert.Single(group.Slots);
        Assert.Equal("10:00-10:30", slot.Label);
        Assert.Equal(0, slot.Capacity);
        Assert.Equal("已预约", Assert.Single(slot.People).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Checked_in_ticket_is_called_before_an_earlier_walk_in_once_its_slot_has_started(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);

        factory.Time.SetChina(2026, 11, 24, 9, 35);
        var walkIn = await factory.TakeAsync(); // A001
        factory.Time.SetChina(2026, 11, 24, 9, 40);
        var checkedIn = await factory.CheckInAsync(code); // A002
        Assert.Equal("A002", checkedIn.Number);

        // Before 10:00 the appointment waits behind the walk-in.
        factory.Time.SetChina(2026, 11, 24, 9, 50);
        Assert.Equal(["A001", "A002"], (await factory.SendAs(a01, new WindowQuery.Query())).Queue.Select(w => w.Number));
        Assert.Equal(1, (await factory.ViewAsync(checkedIn.AccessCode)).Ahead);

        // From 10:00 it is called first, although the walk-in took a number earlier.
        factory.Time.SetChina(2026, 11, 24, 10, 0);
        Assert.Equal(1, (await factory.ViewAsync(walkIn)).Ahead);
        Assert.Equal("A002", await factory.CallNextAsync(a01));
        Assert.Equal(TicketState.Called, (await factory.TicketAsync("A002")).State);
        Assert.Equal(TicketState.Waiting, (await factory.TicketAsync("A001")).State);
    }
}
