using Portal.Domain.Hall;
using Portal.Web.Common;
using Portal.Web.Features.Appointments;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Appointments.AppointmentWorld;

namespace Portal.Web.Tests.Appointments;

/// <summary>改约 and 取消 on both databases: a change is all or nothing, a cancelled seat is free at once, and neither is possible once the slot has started.</summary>
public sealed class AppointmentChangeTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Change_cancels_the_old_booking_and_books_the_new_slot(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();
        var old = await factory.BookAsync(zhang, Tuesday, NineOClock);

        var fresh = await factory.ChangeAsync(zhang, old, Tuesday, Ten);

        Assert.NotEqual(old, fresh);
        var cancelled = await factory.AppointmentAsync(old);
        Assert.Equal(AppointmentState.Cancelled, cancelled.State);
        Assert.Null(cancelled.Seat);
        Assert.Null(cancelled.ActiveKey);
        var booked = await factory.AppointmentAsync(fresh);
        Assert.Equal(AppointmentState.Booked, booked.State);
        Assert.Equal(Ten, booked.SlotKey);
        Assert.Equal(1, booked.Seat);
        Assert.Empty(await factory.SeatsAsync(Tuesday, NineOClock));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Change_to_a_full_slot_keeps_the_old_booking_untouched(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var people = await factory.ApplicantsAsync(4);
        for (var i = 0; i < 3; i++)
        {
            await factory.BookAsync(people[i], Tuesday, Ten);
        }

        var zhang = people[3];
        var old = await factory.BookAsync(zhang, Tuesday, NineOClock);
        var before = await factory.AppointmentAsync(old);

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ChangeAsync(zhang, old, Tuesday, Ten));

        Assert.Equal([SeatBooking.Full], ex.Reasons);
        var after = await factory.AppointmentAsync(old);
        Assert.Equal(AppointmentState.Booked, after.State);
        Assert.Equal(before.Seat, after.Seat);
        Assert.Equal(before.ActiveKey, after.ActiveKey);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.CancelledAt);
        Assert.Equal(4, (await factory.AppointmentsAsync()).Count);
        Assert.Equal([1], await factory.SeatsAsync(Tuesday, NineOClock));

        // A refused change to a closed day or the same slot changes nothing either.
        var weekend = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ChangeAsync(zhang, old, new DateOnly(2026, 11, 28), Ten));
        Assert.Equal(["11月28日为休息日，大厅不办理业务，请选择工作日。"], weekend.Reasons);
        var same = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ChangeAsync(zhang, old, Tuesday, NineOClock));
        Assert.Equal(["新时段与原预约相同，请选择其他时段。"], same.Reasons);
        Assert.Equal(AppointmentState.Booked, (await factory.AppointmentAsync(old)).State);
        Assert.Equal(4, (await factory.AppointmentsAsync()).Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Cancel_frees_the_seat_for_someone_else(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var people = await factory.ApplicantsAsync(4);
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add(await factory.BookAsync(people[i], Tuesday, Ten));
        }

        await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(people[3], Tuesday, Ten));

        await factory.CancelAsync(people[1], codes[1]);

        var cancelled = await factory.AppointmentAsync(codes[1]);
        Assert.Equal(AppointmentState.Cancelled, cancelled.State);
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, cancelled.CancelledAt);
        Assert.Equal([1, 3], await factory.SeatsAsync(Tuesday, Ten));
        var latecomer = await factory.BookAsync(people[3], Tuesday, Ten);
        Assert.Equal(2, (await factory.AppointmentAsync(latecomer)).Seat);
        Assert.Equal([1, 2, 3], await factory.SeatsAsync(Tuesday, Ten));

        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CancelAsync(people[1], codes[1]));
        Assert.Equal(["该预约已取消，不能取消。"], twice.Reasons);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Neither_cancel_nor_change_once_the_slot_has_started(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);

        factory.Time.SetChina(2026, 11, 24, 9, 59);
        var lastMinute = await factory.BookAsync(await factory.ApplicantAsync(), Tuesday, Ten + 30);
        factory.Time.SetChina(2026, 11, 24, 10, 0);

        var cancel = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CancelAsync(zhang, code));
        Assert.Equal(["预约时段已开始，不能再取消或改约。"], cancel.Reasons);
        var change = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ChangeAsync(zhang, code, Tuesday, 14 * 60));
        Assert.Equal(["预约时段已开始，不能再取消或改约。"], change.Reasons);
        var stored = await factory.AppointmentAsync(code);
        Assert.Equal(AppointmentState.Booked, stored.State);
        Assert.Equal(1, stored.Seat);
        Assert.Empty(await factory.SeatsAsync(Tuesday, 14 * 60));
        Assert.Equal(AppointmentState.Booked, (await factory.AppointmentAsync(lastMinute)).State);
    }
}
