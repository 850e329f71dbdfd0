using Portal.Domain.Calendar;
using Portal.Workflow;

namespace Portal.Domain.Tests.Calendar;

/// <summary>
/// "当日申请、次日接电" (004:123) is the next natural day, not the next working day: due at 24:00 of the day after the
/// application, whatever that day is (docs/decisions/0019-promises-by-place.md).
/// </summary>
public sealed class NaturalDayTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    private static DateTime Local(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0);

    [Theory]
    [InlineData(2026, 11, 23, 10, 2026, 11, 25)] // Monday → Tuesday 24:00
    [InlineData(2026, 11, 27, 16, 2026, 11, 29)] // Friday → Saturday 24:00, not Monday
    [InlineData(2026, 9, 30, 9, 2026, 10, 2)] // before 国庆: 10月1日 24:00, a holiday
    [InlineData(2026, 11, 23, 23, 2026, 11, 25)] // late in the evening: still the next day
    public void Next_day_is_due_at_the_end_of_the_next_natural_day(int y, int m, int d, int h, int dy, int dm, int dd)
    {
        Assert.Equal(Local(dy, dm, dd), Clock.DueLocal(Local(y, m, d, h), TimeLimit.NaturalDays(1)));
    }

    [Fact]
    public void Stored_deadline_is_midnight_in_China_and_warns_at_three_quarters_of_the_span()
    {
        var start = Clock.ToUtc(Local(2026, 11, 23, 12));

        var deadline = Clock.Compute(start, TimeLimit.NaturalDays(1));

        Assert.Equal(Clock.ToUtc(Local(2026, 11, 25)), deadline.DueUtc);
        Assert.Equal(Clock.ToUtc(Local(2026, 11, 24, 15)), deadline.WarnUtc); // 75% of the 36 hours from Monday 12:00
    }

    [Theory]
    [InlineData(1, "次日")]
    [InlineData(3, "3个自然日")]
    public void Natural_day_limits_read_back_from_their_text(int days, string text)
    {
        Assert.Equal(text, TimeLimit.NaturalDays(days).ToString());
        Assert.True(LimitText.TryParse(text, out var limit));
        Assert.Equal(TimeLimit.NaturalDays(days), limit);
        Assert.True(LimitText.IsNaturalDays(text));
        Assert.True(LimitText.IsCalendarFree(text));
        Assert.False(LimitText.IsCalendarFree("3日"));
        Assert.True(LimitText.TryParse("3日", out var calendarDays));
        Assert.Equal(TimeLimit.CalendarDays(3), calendarDays);
    }
}
