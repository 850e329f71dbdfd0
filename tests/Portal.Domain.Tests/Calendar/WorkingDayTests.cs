using Portal.Domain.Calendar;
using static Portal.Domain.Tests.Calendar.CalendarTestData;

namespace Portal.Domain.Tests.Calendar;

public class WorkingDayTests
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.ChinaDefault;

    [Fact]
    public void The_China_default_calendar_has_data_for_2025_and_2026_only()
    {
        Assert.Equal([2025, 2026], Cn.YearsWithData);
        Assert.True(Cn.HasDataFor(2025));
        Assert.True(Cn.HasDataFor(2026));
        Assert.False(Cn.HasDataFor(2024));
        Assert.False(Cn.HasDataFor(2027));
        Assert.Same(OfficeHours.Default, Cn.OfficeHours);
        Assert.Same(Cn, WorkingCalendar.ChinaDefault);
    }

    [Fact]
    public void A_make_up_Saturday_is_described_as_a_named_working_day()
    {
        var day = Cn.Describe(Day("2026-10-10"));

        Assert.Equal(new CalendarDay(Day("2026-10-10"), DayKind.MakeupWorkday, "国庆节调休上班", true, true), day);
    }

    [Fact]
    public void A_holiday_Monday_is_described_as_a_named_day_off()
    {
        var day = Cn.Describe(Day("2026-10-05"));

        Assert.Equal(new CalendarDay(Day("2026-10-05"), DayKind.Holiday, "国庆节", false, true), day);
    }

    [Fact]
    public void Ordinary_weekdays_and_weekends_are_described_without_a_name()
    {
        Assert.Equal(new CalendarDay(Day("2026-03-04"), DayKind.Workday, null, true, true), Cn.Describe(Day("2026-03-04")));
        Assert.Equal(new CalendarDay(Day("2026-03-07"), DayKind.Weekend, null, false, true), Cn.Describe(Day("2026-03-07")));
    }

    [Fact]
    public void A_day_in_a_year_without_data_is_described_by_the_statutory_fallback()
    {
        // 2027-10-01 is a Friday; the year's notice is not entered, so the statutory 国庆节 (10/1–10/3) applies.
        Assert.Equal(new CalendarDay(Day("2027-10-01"), DayKind.Holiday, "国庆节", false, false), Cn.Describe(Day("2027-10-01")));
        Assert.Equal(new CalendarDay(Day("2027-10-02"), DayKind.Holiday, "国庆节", false, false), Cn.Describe(Day("2027-10-02")));
        Assert.Equal(new CalendarDay(Day("2027-10-06"), DayKind.Workday, null, true, false), Cn.Describe(Day("2027-10-06")));
    }

    [Theory]
    [InlineData("2026-10-10", true)]   // make-up Saturday
    [InlineData("2026-09-20", true)]   // make-up Sunday
    [InlineData("2026-01-04", true)]   // make-up Sunday after New Year
    [InlineData("2026-02-14", true)]   // make-up Saturday before Spring Festival
    [InlineData("2026-02-23", false)]  // holiday Monday (Spring Festival)
    [InlineData("2026-10-05", false)]  // holiday Monday (National Day)
    [InlineData("2025-06-02", false)]  // holiday Monday (Dragon Boat)
    [InlineData("2026-09-25", false)]  // holiday Friday (Mid-Autumn)
    [InlineData("2026-10-11", false)]  // ordinary Sunday
    [InlineData("2026-09-21", true)]   // ordinary Monday
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2027-01-01", false)]  // no notice for 2027: statutory 元旦 (Friday) is off
    [InlineData("2027-01-02", false)]  // no data for 2027: Saturday off
    [InlineData("2024-10-01", true)]   // no data for 2024: Tuesday works
    public void Working_days_follow_the_published_arrangement_and_fall_back_to_the_statutory_holidays(string date, bool working)
    {
        Assert.Equal(working, Cn.IsWorkingDay(Day(date)));
        Assert.Equal(working, Cn.Describe(Day(date)).IsWorkingDay);
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-08")]
    [InlineData("2026-10-09", "2026-10-10")]  // make-up Saturday is next
    [InlineData("2026-10-10", "2026-10-12")]
    [InlineData("2026-02-13", "2026-02-14")]
    [InlineData("2026-02-14", "2026-02-24")]
    [InlineData("2025-12-31", "2026-01-04")]
    [InlineData("2026-12-31", "2027-01-04")]  // 2027 fallback: 元旦 Friday off
    [InlineData("2026-09-21", "2026-09-22")]
    public void Next_working_day_is_strictly_after_the_date(string date, string expected)
    {
        Assert.Equal(Day(expected), Cn.NextWorkingDay(Day(date)));
    }

    [Fact]
    public void Twenty_working_days_from_21_September_2026_end_on_26_October_at_close_of_office()
    {
        // 9/25–9/27 and 10/1–10/7 off; Saturday 10/10 is a make-up working day.
        Assert.Equal(At("2026-10-26T17:00"), Cn.AddWorkingDays(At("2026-09-21T10:30"), 20));
    }

    [Theory]
    [InlineData("2026-09-21T08:00", 1, "2026-09-22T17:00")]
    [InlineData("2026-09-21T23:59", 1, "2026-09-22T17:00")]  // the time of day of the start does not matter
    [InlineData("2026-10-09T10:00", 1, "2026-10-10T17:00")]  // a make-up Saturday counts
    [InlineData("2026-10-09T10:00", 2, "2026-10-12T17:00")]
    [InlineData("2026-09-18T10:00", 1, "2026-09-20T17:00")]  // a make-up Sunday counts
    [InlineData("2026-10-02T10:00", 1, "2026-10-08T17:00")]  // start on a holiday
    [InlineData("2026-09-30T16:00", 1, "2026-10-08T17:00")]
    [InlineData("2026-02-20T10:00", 1, "2026-02-24T17:00")]  // holiday Monday 2/23 does not count
    [InlineData("2026-02-13T10:00", 1, "2026-02-14T17:00")]  // across Spring Festival 2026
    [InlineData("2026-02-13T10:00", 2, "2026-02-24T17:00")]
    [InlineData("2026-02-13T10:00", 5, "2026-02-27T17:00")]
    [InlineData("2026-02-13T10:00", 6, "2026-02-28T17:00")]  // make-up Saturday 2/28
    [InlineData("2026-02-13T10:00", 7, "2026-03-02T17:00")]
    [InlineData("2025-01-24T10:00", 1, "2025-01-26T17:00")]  // across Spring Festival 2025
    [InlineData("2025-01-24T10:00", 2, "2025-01-27T17:00")]
    [InlineData("2025-01-24T10:00", 3, "2025-02-05T17:00")]
    [InlineData("2025-12-30T10:00", 1, "2025-12-31T17:00")]  // across the 2025/2026 year boundary
    [InlineData("2025-12-30T10:00", 2, "2026-01-04T17:00")]
    [InlineData("2025-12-30T10:00", 3, "2026-01-05T17:00")]
    [InlineData("2026-12-30T10:00", 2, "2027-01-04T17:00")]  // into 2027: statutory fallback, 元旦 1/1 off
    [InlineData("2026-12-30T10:00", 3, "2027-01-05T17:00")]
    [InlineData("2026-12-31T10:00", 10, "2027-01-15T17:00")]
    public void Working_day_limits_end_at_close_of_office_on_the_Nth_working_day_after_the_start_date(string start, int days, string expected)
    {
        Assert.Equal(At(expected), Cn.AddWorkingDays(At(start), days));
    }

    [Fact]
    public void Zero_working_days_from_a_working_day_ends_at_close_of_office_that_day()
    {
        Assert.Equal(At("2026-09-21T17:00"), Cn.AddWorkingDays(At("2026-09-21T10:00"), 0));
        Assert.Equal(At("2026-10-10T17:00"), Cn.AddWorkingDays(At("2026-10-10T10:00"), 0));
    }

    [Fact]
    public void Zero_working_days_from_a_holiday_ends_at_close_of_office_on_the_next_working_day()
    {
        Assert.Equal(At("2026-10-08T17:00"), Cn.AddWorkingDays(At("2026-10-01T10:00"), 0));
        Assert.Equal(At("2026-09-28T17:00"), Cn.AddWorkingDays(At("2026-09-26T10:00"), 0));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn.AddWorkingDays(At("2026-09-21T10:00"), -1));
    }

    [Fact]
    public void A_UTC_start_is_rejected_because_the_calendar_only_handles_local_times()
    {
        var utc = new DateTime(2026, 9, 21, 2, 0, 0, DateTimeKind.Utc);

        var ex = Assert.Throws<ArgumentException>(() => Cn.AddWorkingDays(utc, 1));
        Assert.Contains("本地时间", ex.Message);
        Assert.Throws<ArgumentException>(() => Cn.AddOfficeMinutes(utc, 1));
        Assert.Throws<ArgumentException>(() => Cn.AddCalendarDays(utc, 1));
        Assert.Throws<ArgumentException>(() => Cn.OfficeTimeBetween(utc, utc.AddHours(1)));
    }

    [Fact]
    public void Results_keep_the_kind_of_the_start_and_are_never_converted()
    {
        var local = new DateTime(2026, 9, 21, 10, 30, 0, DateTimeKind.Local);

        var deadline = Cn.AddWorkingDays(local, 20);
        Assert.Equal(DateTimeKind.Local, deadline.Kind);
        Assert.Equal(new DateTime(2026, 10, 26, 17, 0, 0), deadline);

        var hours = Cn.AddOfficeHours(local, 4m);
        Assert.Equal(DateTimeKind.Local, hours.Kind);
        Assert.Equal(new DateTime(2026, 9, 21, 15, 30, 0), hours);

        Assert.Equal(DateTimeKind.Unspecified, Cn.AddWorkingDays(At("2026-09-21T10:30"), 1).Kind);
    }

    [Theory]
    [InlineData("2026-09-21", "2026-10-26", 20)]
    [InlineData("2026-09-21", "2026-09-21", 0)]
    [InlineData("2026-09-21", "2026-09-22", 1)]
    [InlineData("2026-10-26", "2026-09-21", 0)]   // reversed range is empty
    [InlineData("2026-09-30", "2026-10-08", 1)]
    [InlineData("2026-10-01", "2026-10-07", 0)]   // whole National Day break
    [InlineData("2026-10-09", "2026-10-11", 1)]   // only the make-up Saturday
    [InlineData("2026-02-13", "2026-02-24", 2)]   // make-up Saturday 2/14 and Tuesday 2/24
    [InlineData("2025-12-31", "2026-01-05", 2)]   // make-up Sunday 1/4 and Monday 1/5
    [InlineData("2026-12-31", "2027-01-08", 5)]   // 2027 fallback: 1/1 off, 1/4–1/8
    public void Working_days_between_count_the_end_day_but_not_the_start_day(string from, string to, int expected)
    {
        Assert.Equal(expected, Cn.WorkingDaysBetween(Day(from), Day(to)));
    }

    [Fact]
    public void Working_days_in_2026_total_248()
    {
        // 261 weekdays − 19 holidays falling on weekdays + 6 make-up weekend days.
        var weekdays = 0;
        for (var d = Day("2026-01-01"); d.Year == 2026; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                weekdays++;
            }
        }

        var weekdayHolidays = ChinaHolidays.Y2026.Count(d =>
            d.Kind == DayKind.Holiday && d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var makeups = ChinaHolidays.Y2026.Count(d => d.Kind == DayKind.MakeupWorkday);

        var expected = weekdays - weekdayHolidays + makeups;
        Assert.Equal(expected, Cn.WorkingDaysBetween(Day("2025-12-31"), Day("2026-12-31")));
        Assert.Equal(248, expected);
    }

    [Fact]
    public void Adding_working_days_and_counting_them_back_agree_for_every_start_date_from_2025_to_2027()
    {
        for (var date = Day("2024-12-20"); date <= Day("2027-02-01"); date = date.AddDays(1))
        {
            foreach (var n in new[] { 1, 2, 3, 5, 7, 10, 15, 20, 30, 60 })
            {
                var deadline = Cn.AddWorkingDays(date.ToDateTime(new TimeOnly(10, 0)), n);
                var end = DateOnly.FromDateTime(deadline);

                Assert.True(Cn.IsWorkingDay(end), $"{date:yyyy-MM-dd} + {n} landed on non-working {end:yyyy-MM-dd}");
                Assert.Equal(n, Cn.WorkingDaysBetween(date, end));
                Assert.Equal(n - 1, Cn.WorkingDaysBetween(date, end.AddDays(-1)));
                Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(deadline));
            }
        }
    }

    [Fact]
    public void Years_without_data_reports_2027_for_a_range_reaching_into_2027()
    {
        Assert.Equal([2027], Cn.YearsWithoutData(At("2026-12-01T09:00"), At("2027-01-15T17:00")));
    }

    [Fact]
    public void Years_without_data_is_empty_inside_loaded_years_and_lists_every_missing_year_in_order()
    {
        Assert.Empty(Cn.YearsWithoutData(At("2025-01-01T00:00"), At("2026-12-31T23:59")));
        Assert.Equal([2024, 2027, 2028], Cn.YearsWithoutData(At("2024-12-01T09:00"), At("2028-01-02T09:00")));
        Assert.Equal([2027], Cn.YearsWithoutData(At("2027-01-15T17:00"), At("2026-12-01T09:00")));
    }

    [Fact]
    public void A_calendar_rejects_an_override_that_is_neither_a_holiday_nor_a_make_up_day()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new WorkingCalendar([new DayOverride(Day("2026-03-04"), DayKind.Workday, "x")], [2026]));
        Assert.Contains("2026-03-04", ex.Message);
    }

    [Fact]
    public void A_calendar_rejects_a_make_up_day_on_a_weekday()
    {
        Assert.Throws<ArgumentException>(() =>
            new WorkingCalendar([new DayOverride(Day("2026-03-04"), DayKind.MakeupWorkday, "x调休上班")], [2026]));
    }

    [Fact]
    public void A_calendar_rejects_a_date_listed_twice()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [
                new DayOverride(Day("2026-10-01"), DayKind.Holiday, "国庆节"),
                new DayOverride(Day("2026-10-01"), DayKind.Holiday, "国庆节"),
            ],
            [2026]));
    }

    [Fact]
    public void A_custom_calendar_applies_its_own_overrides_and_office_hours()
    {
        var calendar = new WorkingCalendar(
            [new DayOverride(Day("2027-01-01"), DayKind.Holiday, "元旦")],
            [2027, 2027],
            OfficeHours.Parse("08:30-12:00,14:00-17:30"));

        Assert.Equal([2027], calendar.YearsWithData);
        Assert.False(calendar.IsWorkingDay(Day("2027-01-01")));
        Assert.Equal(At("2027-01-04T17:30"), calendar.AddWorkingDays(At("2026-12-31T09:00"), 1));
        Assert.Equal([2026], calendar.YearsWithoutData(At("2026-12-31T09:00"), At("2027-01-04T17:30")));
    }
}
