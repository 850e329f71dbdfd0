using Portal.Domain.Calendar;
using static Portal.Domain.Tests.Calendar.CalendarTestData;

namespace Portal.Domain.Tests.Calendar;

public class ChinaHolidaysTests
{
    [Fact]
    public void Every_make_up_working_day_is_a_Saturday_or_Sunday()
    {
        var makeups = ChinaHolidays.All.Where(d => d.Kind == DayKind.MakeupWorkday).ToList();

        Assert.NotEmpty(makeups);
        Assert.All(makeups, d => Assert.True(
            d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
            $"{d.Date:yyyy-MM-dd} ({d.Date.DayOfWeek}) is not a weekend day"));
    }

    [Fact]
    public void Every_listed_date_is_unique()
    {
        var duplicates = ChinaHolidays.All.GroupBy(d => d.Date).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Only_holidays_and_make_up_days_are_listed_and_every_entry_has_a_name()
    {
        Assert.All(ChinaHolidays.All, d =>
        {
            Assert.True(d.Kind is DayKind.Holiday or DayKind.MakeupWorkday);
            Assert.False(string.IsNullOrWhiteSpace(d.Name));
        });
    }

    [Fact]
    public void Make_up_days_are_named_after_their_holiday()
    {
        Assert.All(ChinaHolidays.All.Where(d => d.Kind == DayKind.MakeupWorkday),
            d => Assert.EndsWith("调休上班", d.Name));
        Assert.All(ChinaHolidays.All.Where(d => d.Kind == DayKind.Holiday),
            d => Assert.DoesNotContain("调休", d.Name));
    }

    [Fact]
    public void Each_year_list_only_holds_dates_of_that_year_and_All_is_their_union_in_order()
    {
        Assert.All(ChinaHolidays.Y2025, d => Assert.Equal(2025, d.Date.Year));
        Assert.All(ChinaHolidays.Y2026, d => Assert.Equal(2026, d.Date.Year));
        Assert.Equal(ChinaHolidays.Y2025.Count + ChinaHolidays.Y2026.Count, ChinaHolidays.All.Count);
        Assert.Equal(ChinaHolidays.All.OrderBy(d => d.Date), ChinaHolidays.All);
    }

    [Fact]
    public void The_2026_arrangement_has_33_days_off_and_6_make_up_days()
    {
        Assert.Equal(33, ChinaHolidays.Y2026.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(
            new[] { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" }.Select(Day),
            ChinaHolidays.Y2026.Where(d => d.Kind == DayKind.MakeupWorkday).Select(d => d.Date));
    }

    [Fact]
    public void The_2025_arrangement_has_28_days_off_and_5_make_up_days()
    {
        Assert.Equal(28, ChinaHolidays.Y2025.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(
            new[] { "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11" }.Select(Day),
            ChinaHolidays.Y2025.Where(d => d.Kind == DayKind.MakeupWorkday).Select(d => d.Date));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-03", "元旦")]
    [InlineData("2026-02-15", "2026-02-23", "春节")]
    [InlineData("2026-04-04", "2026-04-06", "清明节")]
    [InlineData("2026-05-01", "2026-05-05", "劳动节")]
    [InlineData("2026-06-19", "2026-06-21", "端午节")]
    [InlineData("2026-09-25", "2026-09-27", "中秋节")]
    [InlineData("2026-10-01", "2026-10-07", "国庆节")]
    [InlineData("2025-01-01", "2025-01-01", "元旦")]
    [InlineData("2025-01-28", "2025-02-04", "春节")]
    [InlineData("2025-04-04", "2025-04-06", "清明节")]
    [InlineData("2025-05-01", "2025-05-05", "劳动节")]
    [InlineData("2025-05-31", "2025-06-02", "端午节")]
    [InlineData("2025-10-01", "2025-10-08", "国庆节、中秋节")]
    public void Each_published_break_is_listed_day_by_day_with_its_name(string first, string last, string name)
    {
        var byDate = ChinaHolidays.All.ToDictionary(d => d.Date);
        for (var date = Day(first); date <= Day(last); date = date.AddDays(1))
        {
            Assert.True(byDate.TryGetValue(date, out var entry), $"{date:yyyy-MM-dd} missing");
            Assert.Equal(DayKind.Holiday, entry.Kind);
            Assert.Equal(name, entry.Name);
        }

        Assert.False(byDate.TryGetValue(Day(first).AddDays(-1), out var before) && before.Kind == DayKind.Holiday && before.Name == name);
        Assert.False(byDate.TryGetValue(Day(last).AddDays(1), out var after) && after.Kind == DayKind.Holiday && after.Name == name);
    }

    [Theory]
    [InlineData("2026-01-04", "元旦调休上班")]
    [InlineData("2026-02-14", "春节调休上班")]
    [InlineData("2026-02-28", "春节调休上班")]
    [InlineData("2026-05-09", "劳动节调休上班")]
    [InlineData("2026-09-20", "国庆节调休上班")]
    [InlineData("2026-10-10", "国庆节调休上班")]
    [InlineData("2025-01-26", "春节调休上班")]
    [InlineData("2025-02-08", "春节调休上班")]
    [InlineData("2025-04-27", "劳动节调休上班")]
    [InlineData("2025-09-28", "国庆节、中秋节调休上班")]
    [InlineData("2025-10-11", "国庆节、中秋节调休上班")]
    public void Each_published_make_up_day_is_listed_with_its_name(string date, string name)
    {
        var entry = Assert.Single(ChinaHolidays.All, d => d.Date == Day(date));
        Assert.Equal(DayKind.MakeupWorkday, entry.Kind);
        Assert.Equal(name, entry.Name);
    }
}
