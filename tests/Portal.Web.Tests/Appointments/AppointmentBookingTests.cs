using Portal.Domain.Hall;
using Portal.Web.Common;
using Portal.Web.Features.Appointments;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Appointments.AppointmentWorld;

namespace Portal.Web.Tests.Appointments;

/// <summary>
/// 预约 through MediatR on both databases: a booking takes the lowest free seat, capacity is never exceeded, one
/// active booking per person, category and day, and every refused booking (full, closed day, past, beyond the
/// horizon, unknown slot) is explained in Chinese and stores nothing.
/// </summary>
public sealed class AppointmentBookingTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Booking_stores_the_slot_with_the_lowest_free_seat_and_a_readable_code(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync("张三");
        var li = await factory.ApplicantAsync("李四");

        var first = await factory.BookAsync(zhang, Tuesday, HalfPastNine);
        var second = await factory.BookAsync(li, Tuesday, HalfPastNine);

        Assert.Matches($"^[{AppointmentCodes.Alphabet}]{{8}}$", first);
        Assert.NotEqual(first, second);
        var stored = await factory.AppointmentAsync(first);
        Assert.Equal(zhang.Id, stored.UserId);
        Assert.Equal("张三", stored.UserName);
        Assert.Equal(EstablishmentCategory, stored.Category);
        Assert.Equal(Tuesday, stored.LocalDate);
        Assert.Equal(HalfPastNine, stored.SlotKey);
        Assert.Equal("09:30-10:00", stored.SlotLabel);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 9, 30), stored.StartsAt);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 10, 0), stored.EndsAt);
        Assert.Equal(AppointmentState.Booked, stored.State);
        Assert.Equal(1, stored.Seat);
        Assert.Equal(Appointment.ActiveKeyOf(zhang.Id, Tuesday, EstablishmentCategory), stored.ActiveKey);
        Assert.Equal(2, (await factory.AppointmentAsync(second)).Seat);

        // The holder sees it, with the check-in window, among their bookings.
        var mine = Assert.Single(await factory.SendAs(zhang, new MyAppointments.Query()));
        Assert.Equal(first, mine.Code);
        Assert.Equal("已预约", mine.State);
        Assert.Equal("11月24日 09:00 至 09:45", mine.CheckInWindow);
        Assert.True(mine.CanChange);
        Assert.False(mine.CanCheckIn);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Full_slot_is_refused_with_yue_man_and_stores_nothing(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var people = await factory.ApplicantsAsync(4);
        for (var i = 0; i < 3; i++)
        {
            await factory.BookAsync(people[i], Tuesday, Ten);
        }

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(people[3], Tuesday, Ten));

        Assert.Equal([SeatBooking.Full], ex.Reasons);
        Assert.Equal("该时段已约满，请选择其他时段", ex.Reasons.Single());
        Assert.Equal([1, 2, 3], await factory.SeatsAsync(Tuesday, Ten));
        Assert.Equal(3, (await factory.AppointmentsAsync()).Count);

        // The booking page says 约满 for that slot and still offers the next one.
        var form = await factory.SendAs(people[3], new BookingForm.Query { Category = EstablishmentCategory, Date = Tuesday });
        var ten = form.Slots.Single(s => s.Key == Ten);
        Assert.Equal(BookingForm.SlotStatus.Full, ten.Status);
        Assert.Equal(0, ten.Left);
        var half = form.Slots.Single(s => s.Key == Ten + 30);
        Assert.Equal(BookingForm.SlotStatus.Bookable, half.Status);
        Assert.Equal(3, half.Left);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task One_active_booking_per_person_category_and_day(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, NineOClock);

        var second = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, Tuesday, Ten));

        Assert.Equal(["您已预约11月24日企业开办 09:00-09:30，同一业务每人每天只能预约一个时段；如需调整时间请改约。"], second.Reasons);
        Assert.Empty(await factory.SeatsAsync(Tuesday, Ten));

        // Another category the same day, or the same category another day, is fine.
        var general = await factory.BookAsync(zhang, Tuesday, Ten, GeneralCategory);
        var wednesday = await factory.BookAsync(zhang, Tuesday.AddDays(1), Ten);
        Assert.Equal(3, (await factory.AppointmentsAsync()).Count);
        Assert.Equal(GeneralCategory, (await factory.AppointmentAsync(general)).Category);
        Assert.Equal(Tuesday.AddDays(1), (await factory.AppointmentAsync(wednesday)).LocalDate);

        // Once cancelled, the day is free again.
        await factory.CancelAsync(zhang, code);
        var again = await factory.BookAsync(zhang, Tuesday, Ten);
        Assert.Equal(AppointmentState.Booked, (await factory.AppointmentAsync(again)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task National_day_and_an_ordinary_weekend_are_refused_and_shown_closed_but_a_make_up_saturday_is_open(Provider provider)
    {
        await using var factory = NewFactory(provider);
        factory.Time.SetChina(2026, 9, 28, 10);
        var zhang = await factory.ApplicantAsync();

        var holiday = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, new DateOnly(2026, 10, 1), Ten));
        Assert.Equal(["10月1日为国庆节，大厅不办理业务，请选择工作日。"], holiday.Reasons);
        var sunday = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, new DateOnly(2026, 10, 11), Ten));
        Assert.Equal(["10月11日为休息日，大厅不办理业务，请选择工作日。"], sunday.Reasons);
        Assert.Empty(await factory.AppointmentsAsync());

        var form = await factory.SendAs(zhang, new BookingForm.Query { Category = EstablishmentCategory });
        Assert.Equal(new DateOnly(2026, 9, 28), form.Days[0].Date);
        Assert.Equal(15, form.Days.Count);
        var national = form.Days.Single(d => d.Date == new DateOnly(2026, 10, 1));
        Assert.False(national.Open);
        Assert.Equal("国庆节", national.Name);
        Assert.Equal("10月1日（周四）", national.Label);
        Assert.All(form.Days.Where(d => d.Date >= new DateOnly(2026, 10, 1) && d.Date <= new DateOnly(2026, 10, 7)), d => Assert.False(d.Open));
        var makeUp = form.Days.Single(d => d.Date == new DateOnly(2026, 10, 10));
        Assert.True(makeUp.Open);
        Assert.Equal("国庆节调休上班", makeUp.Name);
        Assert.Null(makeUp.Note);
        Assert.Equal("休息日", form.Days.Single(d => d.Date == new DateOnly(2026, 10, 11)).Name);
        Assert.Equal(14 * 3, makeUp.Left);

        var code = await factory.BookAsync(zhang, new DateOnly(2026, 10, 10), Ten);
        Assert.Equal(new DateOnly(2026, 10, 10), (await factory.AppointmentAsync(code)).LocalDate);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Started_and_past_slots_are_refused_and_marked(Provider provider)
    {
        await using var factory = NewFactory(provider);
        factory.Time.SetChina(2026, 11, 23, 9, 40);
        var zhang = await factory.ApplicantAsync();

        var started = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, new DateOnly(2026, 11, 23), HalfPastNine));
        Assert.Equal([SeatBooking.Started], started.Reasons);
        var yesterday = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, new DateOnly(2026, 11, 20), Ten));
        Assert.Equal([SeatBooking.Started], yesterday.Reasons);
        Assert.Empty(await factory.AppointmentsAsync());

        var form = await factory.SendAs(zhang, new BookingForm.Query { Category = EstablishmentCategory, Date = new DateOnly(2026, 11, 23) });
        Assert.Equal(BookingForm.SlotStatus.Started, form.Slots.Single(s => s.Key == NineOClock).Status);
        Assert.Equal(BookingForm.SlotStatus.Started, form.Slots.Single(s => s.Key == HalfPastNine).Status);
        Assert.Equal(BookingForm.SlotStatus.Bookable, form.Slots.Single(s => s.Key == Ten).Status);

        // A slot later today can still be booked.
        var code = await factory.BookAsync(zhang, new DateOnly(2026, 11, 23), Ten);
        Assert.Equal(Ten, (await factory.AppointmentAsync(code)).SlotKey);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Beyond_the_booking_horizon_or_an_unknown_slot_is_refused(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();

        // 14 days from Monday 23 November: Monday 7 December is the last day.
        var far = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, new DateOnly(2026, 12, 8), Ten));
        Assert.Equal(["最多可预约 14 天内的时段（截至12月7日），请重新选择日期。"], far.Reasons);
        var offGrid = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, Tuesday, 9 * 60 + 15));
        Assert.Equal([SeatBooking.UnknownSlot], offGrid.Reasons);
        var lunch = await Assert.ThrowsAsync<RuleViolationException>(() => factory.BookAsync(zhang, Tuesday.AddDays(1), 12 * 60));
        Assert.Equal([SeatBooking.UnknownSlot], lunch.Reasons);
        var badKey = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.BookAsync(zhang, Tuesday, 24 * 60));
        Assert.Contains(SeatBooking.UnknownSlot, badKey.Message);
        var badCategory = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.BookAsync(zhang, Tuesday, Ten, "passport"));
        Assert.Contains("请选择可预约的业务类别。", badCategory.Message);
        Assert.Empty(await factory.AppointmentsAsync());

        var last = await factory.BookAsync(zhang, new DateOnly(2026, 12, 7), Ten);
        Assert.Equal(new DateOnly(2026, 12, 7), (await factory.AppointmentAsync(last)).LocalDate);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Extended_slot_is_bookable_on_tuesday_and_marked_yan_shi(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync();

        var form = await factory.SendAs(zhang, new BookingForm.Query { Category = EstablishmentCategory, Date = Tuesday });
        var evening = form.Slots.Single(s => s.Key == 17 * 60 + 30);
        Assert.True(evening.Extended);
        Assert.Equal("17:30-18:00（延时）", evening.Label);
        Assert.Equal(19, form.Slots.Count);
        Assert.Equal("延时服务 12:00-13:00,17:00-18:30（周二、周四）", form.Categories.Single(c => c.Code == EstablishmentCategory).ExtendedNote);

        var code = await factory.BookAsync(zhang, Tuesday, 17 * 60 + 30);

        var stored = await factory.AppointmentAsync(code);
        Assert.True(stored.Extended);
        Assert.Equal("17:30-18:00（延时）", stored.SlotLabel);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 18, 0), stored.EndsAt);
    }
}
