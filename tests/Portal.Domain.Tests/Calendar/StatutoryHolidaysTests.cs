using Portal.Domain.Calendar;
using static Portal.Domain.Tests.Calendar.CalendarTestData;

namespace Portal.Domain.Tests.Calendar;

/// <summary>
/// The fallback for a year without the State Council's notice: the statutory holidays of 《全国年节及纪念日放假办法》
/// (2024 revision) with 补假 (issue 15, ADR 0012).
/// </summary>
public class StatutoryHolidaysTests
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.ChinaDefault;

    [Theory]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    public void Qingming_is_the_published_date(int year, string expected)
    {
        Assert.Equal(Day(expected), StatutoryHolidays.Qingming(year));
    }

    /// <summary>The 寿星 formula ([Y×0.2422+4.81]−[Y/4], Y the last two digits) agrees with the astronomy for this century.</summary>
    [Fact]
    public void Qingming_agrees_with_the_published_approximation_for_2001_to_2099()
    {
        for (var year = 2001; year <= 2099; year++)
        {
            var y = year % 100;
            var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
            Assert.True(new DateOnly(year, 4, day) == StatutoryHolidays.Qingming(year), $"{year}: formula 4-{day}, computed {StatutoryHolidays.Qingming(year):yyyy-MM-dd}");
        }
    }

    [Theory]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    public void Spring_festival_is_the_first_day_of_the_lunar_year(int year, string expected)
    {
        Assert.Equal(Day(expected), StatutoryHolidays.SpringFestival(year));
    }

    [Theory]
    [InlineData(2025, "2025-01-28")] // 腊月 of 2024's lunar year has 29 days
    [InlineData(2026, "2026-02-16")]
    [InlineData(2027, "2027-02-05")]
    [InlineData(2028, "2028-01-25")]
    public void New_years_eve_is_the_day_before_the_spring_festival(int year, string expected)
    {
        Assert.Equal(Day(expected), StatutoryHolidays.NewYearsEve(year));
    }

    /// <summary>2025 has a leap 6th month (闰六月): 中秋 is still 八月十五, not the 15th of the 8th numbered month.</summary>
    [Theory]
    [InlineData(2025, "2025-05-31", "2025-10-06")]
    [InlineData(2026, "2026-06-19", "2026-09-25")]
    [InlineData(2027, "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-05-28", "2028-10-03")]
    public void Dragon_boat_and_mid_autumn_follow_the_lunar_calendar_across_leap_months(int year, string dragonBoat, string midAutumn)
    {
        Assert.Equal(Day(dragonBoat), StatutoryHolidays.DragonBoat(year));
        Assert.Equal(Day(midAutumn), StatutoryHolidays.MidAutumn(year));
    }

    /// <summary>
    /// 2027: 元旦 Fri 1/1; 春节 Fri 2/5 – Mon 2/8 with Sat 2/6 and Sun 2/7 given back on Tue 2/9 and Wed 2/10; 清明 Mon
    /// 4/5; 劳动节 Sat 5/1 and Sun 5/2 given back on Mon 5/3 and Tue 5/4; 端午 Wed 6/9; 中秋 Wed 9/15; 国庆 Fri 10/1 – Sun
    /// 10/3, its Sat and Sun given back on Mon 10/4 and Tue 10/5.
    /// </summary>
    [Fact]
    public void The_2027_fallback_lists_the_statutory_days_and_their_makeup_days_off()
    {
        var days = StatutoryHolidays.For(2027);

        Assert.Equal(
            new[]
            {
                "2027-01-01 元旦", "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节", "2027-02-09 春节补假",
                "2027-02-10 春节补假", "2027-04-05 清明节", "2027-05-01 劳动节", "2027-05-02 劳动节", "2027-05-03 劳动节补假",
                "2027-05-04 劳动节补假", "2027-06-09 端午节", "2027-09-15 中秋节", "2027-10-01 国庆节", "2027-10-02 国庆节",
                "2027-10-03 国庆节", "2027-10-04 国庆节补假", "2027-10-05 国庆节补假",
            },
            days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Name}"));
        Assert.All(days, d => Assert.Equal(DayKind.Holiday, d.Kind));
    }

    /// <summary>
    /// 2028: 元旦 Sat 1/1 → Mon 1/3; 春节 Tue 1/25 – Fri 1/28 (no weekend); 清明 Tue 4/4; 劳动节 Mon–Tue; 端午 Sun 5/28 →
    /// Mon 5/29; 国庆 Sun 10/1 – Tue 10/3 → Wed 10/4; 中秋 on 10/3 coincides with 国庆 and counts once.
    /// </summary>
    [Fact]
    public void The_2028_fallback_gives_weekend_days_back_and_counts_a_coinciding_day_once()
    {
        var days = StatutoryHolidays.For(2028);

        Assert.Equal(
            new[]
            {
                "2028-01-01 元旦", "2028-01-03 元旦补假", "2028-01-25 春节", "2028-01-26 春节", "2028-01-27 春节", "2028-01-28 春节",
                "2028-04-04 清明节", "2028-05-01 劳动节", "2028-05-02 劳动节", "2028-05-28 端午节", "2028-05-29 端午节补假",
                "2028-10-01 国庆节", "2028-10-02 国庆节", "2028-10-03 中秋节、国庆节", "2028-10-04 国庆节补假",
            },
            days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Name}"));
    }

    [Fact]
    public void Every_covered_year_has_eleven_statutory_days_less_coincidences_and_gives_back_each_weekend_day()
    {
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            var days = StatutoryHolidays.For(year);
            var statutory = days.Where(d => !d.Name.EndsWith("补假", StringComparison.Ordinal)).ToList();
            var givenBack = days.Count - statutory.Count;
            var coinciding = statutory.Count(d => d.Name.Contains('、'));
            var onWeekends = statutory.Count(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

            Assert.True(statutory.Count + coinciding == 13, $"{year}: {statutory.Count} statutory days");
            Assert.True(onWeekends == givenBack, $"{year}: {onWeekends} weekend days, {givenBack} given back");
            Assert.All(days, d => Assert.Equal(year, d.Date.Year));
            Assert.All(days.Where(d => d.Name.EndsWith("补假", StringComparison.Ordinal)),
                d => Assert.False(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date} 补假 on a weekend"));
        }
    }

    [Fact]
    public void Years_outside_the_revision_and_the_lunar_table_have_no_fallback_days()
    {
        Assert.Empty(StatutoryHolidays.For(2024));
        Assert.Empty(StatutoryHolidays.For(2101));
        Assert.True(Cn.IsWorkingDay(Day("2024-10-01"))); // before the revision: Monday–Friday, as before
    }

    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2027-02-05")]
    [InlineData("2027-02-08")]
    [InlineData("2027-02-10")]
    [InlineData("2027-04-05")]
    [InlineData("2027-05-04")]
    [InlineData("2027-06-09")]
    [InlineData("2027-09-15")]
    [InlineData("2027-10-05")]
    [InlineData("2028-01-03")]
    [InlineData("2028-05-29")]
    [InlineData("2028-10-04")]
    public void A_statutory_or_makeup_day_off_of_a_year_without_notice_is_not_a_working_day(string date)
    {
        var day = Cn.Describe(Day(date));

        Assert.False(day.IsWorkingDay);
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.False(day.YearHasData);
        Assert.False(Cn.IsWorkingDay(Day(date)));
    }

    /// <summary>The example: a 简易注销 notice accepted on Mon 2026-12-07 runs 20 working days, to Tue 2027-01-05.</summary>
    [Fact]
    public void A_twenty_working_day_notice_from_7_December_2026_ends_on_5_January_2027()
    {
        Assert.Equal(At("2027-01-05T17:00"), Cn.AddWorkingDays(At("2026-12-07T10:00"), 20));
    }

    [Fact]
    public void An_entered_day_wins_over_the_fallback_until_the_year_is_entered_and_then_only_entered_days_count()
    {
        var entered = new[] { new DayOverride(Day("2027-02-11"), DayKind.Holiday, "春节"), new DayOverride(Day("2027-02-20"), DayKind.MakeupWorkday, "春节调休上班") };
        var partial = new WorkingCalendar(entered, [2025, 2026]);
        var complete = new WorkingCalendar(entered, [2025, 2026, 2027]);

        Assert.False(partial.IsWorkingDay(Day("2027-02-05")));  // fallback 除夕 still applies
        Assert.False(partial.IsWorkingDay(Day("2027-02-11")));  // entered
        Assert.True(partial.IsWorkingDay(Day("2027-02-20")));   // entered make-up day
        Assert.True(complete.IsWorkingDay(Day("2027-02-05")));  // the notice is complete: only its days count
        Assert.True(complete.IsWorkingDay(Day("2027-01-01")) && !complete.IsProvisional(Day("2027-01-01"), Day("2027-12-31")));
    }

    [Fact]
    public void A_range_is_provisional_when_it_touches_a_year_without_notice()
    {
        Assert.False(Cn.IsProvisional(Day("2026-12-07"), Day("2026-12-31")));
        Assert.True(Cn.IsProvisional(Day("2026-12-07"), Day("2027-01-05")));
        Assert.True(Cn.IsProvisional(Day("2027-01-05"), Day("2026-12-07")));
        Assert.True(Cn.IsProvisional(Day("2028-03-01"), Day("2028-03-01")));
    }
}
