using Portal.Domain.Calendar;
using static Portal.Domain.Tests.Calendar.CalendarTestData;

namespace Portal.Domain.Tests.Calendar;

public class CalendarDayLimitTests
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.ChinaDefault;

    [Theory]
    [InlineData("2026-09-20T10:00", 10, "2026-09-30T17:00")]  // last day is a working day
    [InlineData("2026-03-02T10:00", 15, "2026-03-17T17:00")]
    [InlineData("2026-09-01T10:00", 30, "2026-10-08T17:00")]  // last day 10/1 (National Day) → 10/8
    [InlineData("2026-09-15T10:00", 10, "2026-09-28T17:00")]  // last day 9/25 (Mid-Autumn) → 9/28
    [InlineData("2026-03-04T10:00", 3, "2026-03-09T17:00")]   // last day an ordinary Saturday → Monday
    [InlineData("2026-10-01T10:00", 9, "2026-10-10T17:00")]   // last day a make-up Saturday: not extended
    [InlineData("2026-02-01T10:00", 15, "2026-02-24T17:00")]  // last day 2/16 (Spring Festival) → 2/24
    [InlineData("2025-12-17T10:00", 15, "2026-01-04T17:00")]  // last day 1/1 → make-up Sunday 1/4
    [InlineData("2026-12-17T10:00", 15, "2027-01-04T17:00")]  // 2027 without notice: 元旦 Friday 1/1 is off (statutory fallback) → Monday
    [InlineData("2026-12-19T10:00", 15, "2027-01-04T17:00")]  // 2027-01-03 Sunday → Monday
    public void Calendar_day_limits_end_at_close_of_office_and_move_off_non_working_last_days(string start, int days, string expected)
    {
        Assert.Equal(At(expected), Cn.AddCalendarDays(At(start), days));
    }

    [Fact]
    public void Zero_calendar_days_end_at_close_of_office_on_the_start_date_or_the_next_working_day()
    {
        Assert.Equal(At("2026-09-21T17:00"), Cn.AddCalendarDays(At("2026-09-21T10:00"), 0));
        Assert.Equal(At("2026-10-08T17:00"), Cn.AddCalendarDays(At("2026-10-03T10:00"), 0));
    }

    [Fact]
    public void A_negative_number_of_calendar_days_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn.AddCalendarDays(At("2026-09-21T10:00"), -1));
    }

    [Fact]
    public void A_calendar_day_limit_never_ends_before_the_Nth_day_and_always_on_a_working_day()
    {
        for (var date = Day("2024-12-25"); date <= Day("2027-01-10"); date = date.AddDays(1))
        {
            foreach (var n in new[] { 1, 3, 7, 10, 15, 30, 45 })
            {
                var deadline = Cn.AddCalendarDays(date.ToDateTime(new TimeOnly(11, 0)), n);
                var last = DateOnly.FromDateTime(deadline);

                Assert.True(last >= date.AddDays(n));
                Assert.True(Cn.IsWorkingDay(last));
                Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(deadline));
                for (var d = date.AddDays(n); d < last; d = d.AddDays(1))
                {
                    Assert.False(Cn.IsWorkingDay(d), $"{date:yyyy-MM-dd} + {n}: skipped working day {d:yyyy-MM-dd}");
                }
            }
        }
    }
}
