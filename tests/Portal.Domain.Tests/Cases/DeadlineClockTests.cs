using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Workflow;

namespace Portal.Domain.Tests.Cases;

public sealed class DeadlineClockTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void China_is_eight_hours_ahead_of_utc_all_year()
    {
        Assert.Equal(new DateTime(2026, 7, 1, 9, 0, 0), Clock.ToLocal(Utc(2026, 7, 1, 1)));
        Assert.Equal(new DateTime(2026, 1, 1, 9, 0, 0), Clock.ToLocal(Utc(2026, 1, 1, 1)));
        Assert.Equal(Utc(2026, 7, 1, 1), Clock.ToUtc(new DateTime(2026, 7, 1, 9, 0, 0)));
    }

    [Fact]
    public void An_instant_is_written_for_people_in_local_time_never_in_utc()
    {
        // 09:00 UTC is 17:00 in China: every note and page says 17:00.
        Assert.Equal("2026年12月7日 17:00", Clock.Format(Utc(2026, 12, 7, 9)));
        Assert.Equal("2026年12月8日", Clock.FormatDate(Utc(2026, 12, 7, 16))); // 00:00 on the 8th in China
        Assert.Equal("2026年12月7日 17:00", DeadlineClock.FormatLocal(new DateTime(2026, 12, 7, 17, 0, 0)));
    }

    [Fact]
    public void A_utc_instant_is_refused_by_the_local_formatter_instead_of_being_shown_eight_hours_off()
    {
        Assert.Throws<ArgumentException>(() => DeadlineClock.FormatLocal(Utc(2026, 12, 7, 9)));
    }

    [Fact]
    public void Twenty_working_days_from_21_September_2026_are_due_on_26_October_at_close()
    {
        var start = Clock.ToUtc(new DateTime(2026, 9, 21, 10, 0, 0));
        var deadline = Clock.Compute(start, new TimeLimit(20, TimeUnit.WorkingDays));
        Assert.Equal(Clock.ToUtc(new DateTime(2026, 10, 26, 17, 0, 0)), deadline.DueUtc);
        Assert.True(deadline.WarnUtc < deadline.DueUtc);
        Assert.True(deadline.WarnUtc > start);
    }

    [Fact]
    public void Twenty_office_minutes_from_11_55_end_after_lunch()
    {
        var start = Clock.ToUtc(new DateTime(2026, 11, 23, 11, 55, 0));
        var deadline = Clock.Compute(start, new TimeLimit(20, TimeUnit.OfficeMinutes));
        Assert.Equal(Clock.ToUtc(new DateTime(2026, 11, 23, 13, 15, 0)), deadline.DueUtc);
        Assert.Equal(20, deadline.LimitMinutes);
        Assert.Equal(Clock.ToUtc(new DateTime(2026, 11, 23, 13, 10, 0)), deadline.WarnUtc); // 15 of 20 minutes used
    }

    [Fact]
    public void The_yellow_mark_comes_at_three_quarters_of_the_limit()
    {
        var now = Utc(2026, 11, 23, 2);
        Assert.Equal(DeadlineStatus.OnTrack, DeadlineStatuses.Of(now, now.AddMinutes(1), now.AddMinutes(10)));
        Assert.Equal(DeadlineStatus.Warning, DeadlineStatuses.Of(now, now, now.AddMinutes(10)));
        Assert.Equal(DeadlineStatus.Overdue, DeadlineStatuses.Of(now, now.AddMinutes(-20), now.AddMinutes(-1)));
        Assert.Equal(DeadlineStatus.None, DeadlineStatuses.Of(now, null, null));
    }

    [Fact]
    public void Calendar_day_limits_ending_on_a_holiday_move_to_the_next_working_day()
    {
        // 10 days after 21 September 2026 is 1 October, a holiday; the next working day is 8 October.
        var start = Clock.ToUtc(new DateTime(2026, 9, 21, 10, 0, 0));
        var deadline = Clock.Compute(start, new TimeLimit(10, TimeUnit.CalendarDays));
        Assert.Equal(Clock.ToUtc(new DateTime(2026, 10, 8, 17, 0, 0)), deadline.DueUtc);
    }
}
