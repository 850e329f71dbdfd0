using Portal.Domain.Calendar;
using Portal.Domain.Hall;

namespace Portal.Domain.Tests.Hall;

/// <summary>
/// 预约 rules without a database: a window group's sessions cut into slots on working days only (2026 holidays
/// closed, make-up working days open, 延时 sessions on their weekdays), the check-in window to the minute, and
/// when a booking can be cancelled.
/// </summary>
public sealed class AppointmentTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault;

    private static readonly OfficeHours Regular = OfficeHours.Parse("09:00-12:00,13:00-17:00");

    private static readonly OfficeHours Evening = OfficeHours.Parse("12:00-13:00,17:00-18:30");

    private static WindowGroupSchedule Establishment(int capacity = 3, IReadOnlySet<DayOfWeek>? extendedDays = null) =>
        new("establishment", Regular, 30, capacity, Evening, extendedDays ?? new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Thursday });

    /// <summary>Monday 23 November 2026.</summary>
    private static readonly DateOnly Monday = new(2026, 11, 23);

    /// <summary>09:30 China time on Monday 23 November 2026, as UTC.</summary>
    private static readonly DateTime SlotStartUtc = new(2026, 11, 23, 1, 30, 0, DateTimeKind.Utc);

    private static Appointment Booked(int seat = 1)
    {
        var slot = Establishment().SlotsOn(Monday, Calendar).Single(s => s.Key == 9 * 60 + 30);
        return Appointment.Book("user-1", "张三", "establishment", Monday, slot, seat, SlotStartUtc, SlotStartUtc.AddMinutes(30), "K7QM3XPA", SlotStartUtc.AddDays(-3));
    }

    [Fact]
    public void Regular_sessions_are_cut_into_half_hour_slots_on_an_ordinary_weekday()
    {
        var slots = Establishment().SlotsOn(Monday, Calendar);

        Assert.Equal(14, slots.Count);
        Assert.Equal("09:00-09:30", slots[0].Label);
        Assert.Equal(540, slots[0].Key);
        Assert.Equal("11:30-12:00", slots[5].Label);
        Assert.Equal("13:00-13:30", slots[6].Label);
        Assert.Equal(780, slots[6].Key);
        Assert.Equal("16:30-17:00", slots[^1].Label);
        Assert.All(slots, s => Assert.Equal(3, s.Capacity));
        Assert.All(slots, s => Assert.False(s.Extended));
        Assert.Equal(slots.Count, slots.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void Extended_sessions_are_added_only_on_their_weekdays_in_time_order()
    {
        var tuesday = Establishment().SlotsOn(new DateOnly(2026, 11, 24), Calendar);
        var wednesday = Establishment().SlotsOn(new DateOnly(2026, 11, 25), Calendar);
        var thursday = Establishment().SlotsOn(new DateOnly(2026, 11, 26), Calendar);

        Assert.Equal(14, wednesday.Count);
        Assert.Equal(14 + 2 + 3, tuesday.Count);
        Assert.Equal(tuesday.Select(s => s.Key), thursday.Select(s => s.Key));
        Assert.Equal(tuesday.Select(s => s.Start).Order(), tuesday.Select(s => s.Start));
        Assert.Equal(
            ["12:00-12:30（延时）", "12:30-13:00（延时）", "17:00-17:30（延时）", "17:30-18:00（延时）", "18:00-18:30（延时）"],
            tuesday.Where(s => s.Extended).Select(s => s.Label));
        Assert.Equal("11:30-12:00", tuesday[5].Label);
        Assert.Equal("12:00-12:30（延时）", tuesday[6].Label);
        Assert.Equal("13:00-13:30", tuesday[8].Label);
    }

    [Fact]
    public void Extended_sessions_without_weekdays_are_offered_every_working_day()
    {
        var everyDay = new WindowGroupSchedule("general", Regular, 30, 2, Evening, null);

        Assert.Equal(19, everyDay.SlotsOn(Monday, Calendar).Count);
        Assert.Equal(5, everyDay.SlotsOn(Monday, Calendar).Count(s => s.Extended));
    }

    [Fact]
    public void A_session_that_is_not_a_whole_number_of_slots_drops_the_remainder()
    {
        var schedule = new WindowGroupSchedule("general", OfficeHours.Parse("09:00-10:45"), 30, 2);

        Assert.Equal(["09:00-09:30", "09:30-10:00", "10:00-10:30"], schedule.SlotsOn(Monday, Calendar).Select(s => s.Label));
    }

    [Fact]
    public void Capacity_zero_offers_no_slots()
    {
        Assert.Empty(Establishment(capacity: 0).SlotsOn(Monday, Calendar));
        Assert.Empty(new WindowGroupSchedule("general", Regular, 0, 2).SlotsOn(Monday, Calendar));
    }

    [Theory]
    [InlineData("2026-10-01", "国庆节")]
    [InlineData("2026-10-07", "国庆节")]
    [InlineData("2026-02-17", "春节")]
    [InlineData("2026-05-01", "劳动节")]
    public void Statutory_holidays_of_2026_are_closed(string day, string holiday)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Empty(Establishment().SlotsOn(date, Calendar));
        var described = Calendar.Describe(date);
        Assert.Equal(DayKind.Holiday, described.Kind);
        Assert.Equal(holiday, described.Name);
    }

    [Fact]
    public void Ordinary_weekend_is_closed()
    {
        Assert.Empty(Establishment().SlotsOn(new DateOnly(2026, 11, 28), Calendar));
        Assert.Empty(Establishment().SlotsOn(new DateOnly(2026, 11, 29), Calendar));
    }

    [Theory]
    [InlineData("2026-10-10", DayOfWeek.Saturday)]
    [InlineData("2026-09-20", DayOfWeek.Sunday)]
    [InlineData("2026-01-04", DayOfWeek.Sunday)]
    public void Make_up_working_days_of_2026_are_open(string day, DayOfWeek weekday)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(weekday, date.DayOfWeek);
        Assert.Equal(DayKind.MakeupWorkday, Calendar.Describe(date).Kind);

        var slots = Establishment().SlotsOn(date, Calendar);

        // Open with the regular sessions; a Saturday or Sunday is not a 延时 weekday.
        Assert.Equal(14, slots.Count);
        Assert.DoesNotContain(slots, s => s.Extended);
    }

    [Fact]
    public void Make_up_Saturday_gets_extended_sessions_when_saturday_is_an_extended_day()
    {
        var saturdays = Establishment(extendedDays: new HashSet<DayOfWeek> { DayOfWeek.Saturday });

        Assert.Equal(19, saturdays.SlotsOn(new DateOnly(2026, 10, 10), Calendar).Count);
        Assert.Empty(saturdays.SlotsOn(new DateOnly(2026, 10, 3), Calendar));
    }

    [Fact]
    public void Booking_takes_a_seat_between_one_and_the_capacity_and_holds_the_day()
    {
        var appointment = Booked(seat: 3);

        Assert.Equal(3, appointment.Seat);
        Assert.Equal(AppointmentState.Booked, appointment.State);
        Assert.Equal("已预约", appointment.StateLabel);
        Assert.Equal(570, appointment.SlotKey);
        Assert.Equal("09:30-10:00", appointment.SlotLabel);
        Assert.Equal("user-1|20261123|establishment", appointment.ActiveKey);
        Assert.Equal(Appointment.ActiveKeyOf("user-1", Monday, "establishment"), appointment.ActiveKey);
        Assert.Throws<ArgumentOutOfRangeException>(() => Booked(seat: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Booked(seat: 4));
    }

    [Fact]
    public void Check_in_opens_thirty_minutes_before_the_slot_and_closes_fifteen_minutes_after_it_starts()
    {
        var appointment = Booked();
        var opens = SlotStartUtc - Appointment.CheckInEarly;
        var closes = SlotStartUtc + Appointment.CheckInLate;

        Assert.Equal(TimeSpan.FromMinutes(30), Appointment.CheckInEarly);
        Assert.Equal(TimeSpan.FromMinutes(15), Appointment.CheckInLate);
        Assert.Equal("请在预约时段开始前 30 分钟内签到。", appointment.CheckInRefusal(opens.AddSeconds(-1)));
        Assert.Null(appointment.CheckInRefusal(opens));
        Assert.Null(appointment.CheckInRefusal(SlotStartUtc));
        Assert.Null(appointment.CheckInRefusal(closes));
        Assert.Equal("已超过预约时段开始 15 分钟，预约已失效，请取普通号。", appointment.CheckInRefusal(closes.AddSeconds(1)));
    }

    [Fact]
    public void Check_in_outside_the_window_throws_and_changes_nothing()
    {
        var appointment = Booked();

        var early = Assert.Throws<InvalidOperationException>(() => appointment.CheckIn(SlotStartUtc.AddMinutes(-31)));

        Assert.Equal("请在预约时段开始前 30 分钟内签到。", early.Message);
        Assert.Equal(AppointmentState.Booked, appointment.State);
        Assert.NotNull(appointment.ActiveKey);
        Assert.Null(appointment.CheckedInAt);
    }

    [Fact]
    public void Checked_in_booking_keeps_its_seat_frees_the_day_and_cannot_check_in_or_cancel_again()
    {
        var appointment = Booked(seat: 2);
        var at = SlotStartUtc.AddMinutes(-10);

        appointment.CheckIn(at);
        appointment.AttachTicket(42);

        Assert.Equal(AppointmentState.CheckedIn, appointment.State);
        Assert.Equal("已签到取号", appointment.StateLabel);
        Assert.Equal(at, appointment.CheckedInAt);
        Assert.Equal(42, appointment.TicketId);
        Assert.Equal(2, appointment.Seat);
        Assert.Null(appointment.ActiveKey);
        Assert.Equal("该预约已签到取号。", appointment.CheckInRefusal(at));
        Assert.Throws<InvalidOperationException>(() => appointment.CheckIn(at));
        var cancel = Assert.Throws<InvalidOperationException>(() => appointment.Cancel(at));
        Assert.Equal("该预约已签到取号，不能取消。", cancel.Message);
    }

    [Fact]
    public void Cancelling_before_the_slot_starts_frees_the_seat_and_the_day()
    {
        var appointment = Booked(seat: 2);
        var at = SlotStartUtc.AddSeconds(-1);

        appointment.Cancel(at);

        Assert.Equal(AppointmentState.Cancelled, appointment.State);
        Assert.Equal(at, appointment.CancelledAt);
        Assert.Null(appointment.Seat);
        Assert.Null(appointment.ActiveKey);
        Assert.Equal("该预约已取消。", appointment.CheckInRefusal(SlotStartUtc));
        var again = Assert.Throws<InvalidOperationException>(() => appointment.Cancel(at));
        Assert.Equal("该预约已取消，不能取消。", again.Message);
    }

    [Fact]
    public void Cancelling_once_the_slot_has_started_is_refused()
    {
        var appointment = Booked(seat: 1);

        var atStart = Assert.Throws<InvalidOperationException>(() => appointment.Cancel(SlotStartUtc));

        Assert.Equal("预约时段已开始，不能再取消或改约。", atStart.Message);
        Assert.Throws<InvalidOperationException>(() => appointment.Cancel(SlotStartUtc.AddMinutes(5)));
        Assert.Equal(AppointmentState.Booked, appointment.State);
        Assert.Equal(1, appointment.Seat);
        Assert.NotNull(appointment.ActiveKey);
    }
}
