using Portal.Domain.Calendar;
using static Portal.Domain.Tests.Calendar.CalendarTestData;

namespace Portal.Domain.Tests.Calendar;

public class OfficeTimeTests
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.ChinaDefault;

    [Fact]
    public void Four_office_hours_from_half_past_ten_end_at_half_past_three_after_the_lunch_break()
    {
        Assert.Equal(At("2026-09-21T15:30"), Cn.AddOfficeHours(At("2026-09-21T10:30"), 4m));
    }

    [Fact]
    public void Two_office_hours_from_four_pm_on_30_September_2026_end_after_the_National_Day_break()
    {
        // 16:00–17:00 is one hour, 10/1–10/7 are holidays, then 10/8 09:00–10:00.
        Assert.Equal(At("2026-10-08T10:00"), Cn.AddOfficeHours(At("2026-09-30T16:00"), 2m));
    }

    [Theory]
    [InlineData("2026-09-21T11:00", 90, "2026-09-21T13:30")]   // across lunch
    [InlineData("2026-09-21T12:30", 30, "2026-09-21T13:30")]   // start during lunch
    [InlineData("2026-09-21T12:00", 30, "2026-09-21T13:30")]   // start exactly when lunch begins
    [InlineData("2026-09-21T09:00", 180, "2026-09-21T12:00")]  // ends exactly at a period end: 12:00, not 13:00
    [InlineData("2026-09-21T13:00", 240, "2026-09-21T17:00")]  // ends exactly at close: 17:00, not next morning
    [InlineData("2026-09-21T09:00", 420, "2026-09-21T17:00")]  // one full office day
    [InlineData("2026-09-21T09:00", 421, "2026-09-22T09:01")]
    [InlineData("2026-09-21T16:30", 60, "2026-09-22T09:30")]   // across the evening
    [InlineData("2026-09-21T18:00", 60, "2026-09-22T10:00")]   // start in the evening
    [InlineData("2026-09-21T07:45", 60, "2026-09-21T10:00")]   // start before 09:00
    [InlineData("2026-09-21T00:00", 1, "2026-09-21T09:01")]
    [InlineData("2026-03-06T16:30", 60, "2026-03-09T09:30")]   // across an ordinary weekend
    [InlineData("2026-03-07T10:00", 60, "2026-03-09T10:00")]   // start on a Saturday
    [InlineData("2026-09-18T16:30", 60, "2026-09-20T09:30")]   // make-up Sunday 9/20 counts
    [InlineData("2026-10-03T10:00", 30, "2026-10-08T09:30")]   // start on a holiday
    [InlineData("2026-10-09T16:00", 120, "2026-10-10T10:00")]  // make-up Saturday 10/10 counts
    [InlineData("2026-02-13T16:00", 480, "2026-02-14T17:00")]  // 1 h + 7 h on make-up Saturday 2/14 ends exactly at close
    [InlineData("2026-02-13T16:00", 540, "2026-02-24T10:00")]  // then the Spring Festival break, then 2/24
    [InlineData("2025-12-31T16:00", 120, "2026-01-04T10:00")]  // year boundary, make-up Sunday 1/4
    [InlineData("2026-12-31T16:00", 120, "2027-01-04T10:00")]  // 2027 without notice: statutory 元旦 Friday 1/1 off
    [InlineData("2026-09-21T10:30", 60 * 7 * 5, "2026-09-29T10:30")] // five office days; 9/25 (Mid-Autumn) skipped
    [InlineData("2026-09-28T10:30", 60 * 7 * 5, "2026-10-10T10:30")] // across National Day, ending on make-up Saturday
    public void Office_minutes_are_counted_only_inside_office_periods_of_working_days(string start, int minutes, string expected)
    {
        Assert.Equal(At(expected), Cn.AddOfficeMinutes(At(start), minutes));
    }

    [Theory]
    [InlineData("2026-09-21T10:17", "2026-09-21T10:17")]  // inside office time: the start itself
    [InlineData("2026-09-21T09:00", "2026-09-21T09:00")]
    [InlineData("2026-09-21T08:00", "2026-09-21T09:00")]  // before office: next period start
    [InlineData("2026-09-21T12:00", "2026-09-21T13:00")]  // periods are half-open: 12:00 is lunch
    [InlineData("2026-09-21T12:45", "2026-09-21T13:00")]
    [InlineData("2026-09-21T17:00", "2026-09-22T09:00")]
    [InlineData("2026-10-01T10:00", "2026-10-08T09:00")]
    public void Zero_office_minutes_return_the_start_inside_office_time_or_else_the_next_period_start(string start, string expected)
    {
        Assert.Equal(At(expected), Cn.AddOfficeMinutes(At(start), 0));
    }

    [Theory]
    [InlineData("1.5", 90)]
    [InlineData("0.25", 15)]
    [InlineData("0.01", 1)]     // 0.6 minute rounds to 1
    [InlineData("0.0083", 0)]   // 0.498 minute rounds to 0
    [InlineData("0.025", 2)]    // 1.5 minutes: midpoint rounds away from zero
    [InlineData("7", 420)]
    public void Office_hours_are_rounded_to_whole_minutes(string hours, int minutes)
    {
        var start = At("2026-09-21T09:00");

        Assert.Equal(Cn.AddOfficeMinutes(start, minutes), Cn.AddOfficeHours(start, decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Negative_office_time_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn.AddOfficeMinutes(At("2026-09-21T09:00"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn.AddOfficeHours(At("2026-09-21T09:00"), -0.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cn.AddOfficeHours(At("2026-09-21T09:00"), decimal.MaxValue));
    }

    [Fact]
    public void Seconds_of_the_start_are_kept()
    {
        var start = new DateTime(2026, 9, 21, 11, 59, 30);

        Assert.Equal(new DateTime(2026, 9, 21, 13, 0, 30), Cn.AddOfficeMinutes(start, 1));
    }

    [Theory]
    [InlineData("2026-09-21T10:30", "2026-09-21T15:30", 240)]
    [InlineData("2026-09-30T16:00", "2026-10-08T10:00", 120)]
    [InlineData("2026-09-21T00:00", "2026-09-22T00:00", 420)]   // a whole working day
    [InlineData("2026-10-01T00:00", "2026-10-08T00:00", 0)]     // the whole holiday
    [InlineData("2026-09-21T12:00", "2026-09-21T13:00", 0)]     // lunch
    [InlineData("2026-09-21T17:00", "2026-09-22T09:00", 0)]     // evening and night
    [InlineData("2026-09-21T15:30", "2026-09-21T10:30", 0)]     // reversed
    [InlineData("2026-09-21T10:30", "2026-09-21T10:30", 0)]     // empty
    [InlineData("2026-10-09T00:00", "2026-10-12T00:00", 840)]   // Friday + make-up Saturday
    [InlineData("2026-12-31T00:00", "2027-01-05T00:00", 840)]  // 2027 fallback: 12/31, 1/4 (1/1 元旦 off)
    public void Office_time_between_two_instants_counts_only_office_periods_of_working_days(string from, string to, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Cn.OfficeTimeBetween(At(from), At(to)));
    }

    [Fact]
    public void Office_time_between_a_start_and_the_office_minute_deadline_equals_the_minutes_added()
    {
        int[] minuteValues = [0, 1, 29, 59, 60, 61, 119, 179, 180, 181, 239, 240, 241, 419, 420, 421, 600, 840, 2000, 5000];
        var ranges = new[]
        {
            (Day("2026-09-17"), Day("2026-10-13")),  // Mid-Autumn, National Day, make-up Sunday and Saturday
            (Day("2026-02-10"), Day("2026-03-02")),  // Spring Festival 2026
            (Day("2025-12-29"), Day("2026-01-06")),  // 2025/2026 boundary
            (Day("2026-12-28"), Day("2027-01-06")),  // into 2027 (no data)
        };

        var checkedCases = 0;
        foreach (var (first, last) in ranges)
        {
            // Every 13 minutes plus 7 seconds, so starts fall before, inside, on the edge of and after periods.
            for (var start = first.ToDateTime(TimeOnly.MinValue); start < last.ToDateTime(TimeOnly.MinValue); start = start.AddSeconds(13 * 60 + 7))
            {
                foreach (var minutes in minuteValues)
                {
                    var end = Cn.AddOfficeMinutes(start, minutes);

                    Assert.True(end >= start);
                    Assert.Equal(TimeSpan.FromMinutes(minutes), Cn.OfficeTimeBetween(start, end));
                    checkedCases++;
                }
            }
        }

        Assert.True(checkedCases > 50_000);
    }

    [Fact]
    public void The_office_minute_deadline_is_the_earliest_instant_with_enough_office_time()
    {
        for (var start = At("2026-09-29T08:00"); start < At("2026-10-11T00:00"); start = start.AddMinutes(37))
        {
            foreach (var minutes in new[] { 1, 30, 180, 420, 421 })
            {
                var end = Cn.AddOfficeMinutes(start, minutes);

                Assert.True(Cn.OfficeTimeBetween(start, end.AddSeconds(-1)) < TimeSpan.FromMinutes(minutes));
            }
        }
    }

    [Fact]
    public void Custom_office_hours_are_used_for_office_time_limits()
    {
        var calendar = new WorkingCalendar(ChinaHolidays.All, [2025, 2026], OfficeHours.Parse("08:30-12:00,14:00-17:30"));

        Assert.Equal(At("2026-09-21T15:00"), calendar.AddOfficeHours(At("2026-09-21T08:00"), 4.5m));
        Assert.Equal(At("2026-09-21T17:30"), calendar.AddWorkingDays(At("2026-09-21T08:00"), 0));
        Assert.Equal(TimeSpan.FromHours(7), calendar.OfficeTimeBetween(At("2026-09-21T00:00"), At("2026-09-22T00:00")));
    }
}
