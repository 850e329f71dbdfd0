using Portal.Domain.Calendar;
using Portal.Workflow;

namespace Portal.Domain.Tests.Calendar;

/// <summary>A step's stored limit text reads back as the limit it was written from.</summary>
public class LimitTextTests
{
    [Theory]
    [InlineData(20, TimeUnit.WorkingDays)]
    [InlineData(1, TimeUnit.WorkingDays)]
    [InlineData(4, TimeUnit.OfficeHours)]
    [InlineData(20, TimeUnit.OfficeMinutes)]
    [InlineData(45, TimeUnit.CalendarDays)]
    [InlineData(1, TimeUnit.HalfWorkingDays)]
    [InlineData(3, TimeUnit.HalfWorkingDays)]
    public void Stored_text_reads_back_as_its_limit(int amount, TimeUnit unit)
    {
        var limit = new TimeLimit(amount, unit);

        Assert.True(LimitText.TryParse(limit.ToString(), out var read));
        Assert.Equal(limit, read);
    }

    [Fact]
    public void Half_a_working_day_is_written_as_0_5_working_days()
    {
        Assert.Equal("0.5个工作日", new TimeLimit(1, TimeUnit.HalfWorkingDays).ToString());
        Assert.Equal("1.5个工作日", new TimeLimit(3, TimeUnit.HalfWorkingDays).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("本环节不计时")]
    [InlineData("-3日")]
    [InlineData("0.25个工作日")]
    [InlineData("4 个工作小时")]
    public void Anything_else_is_not_a_limit(string? text)
    {
        Assert.False(LimitText.TryParse(text, out _));
    }

    [Fact]
    public void Only_natural_day_periods_are_natural_days()
    {
        Assert.True(LimitText.IsNaturalDays("45日"));
        Assert.False(LimitText.IsNaturalDays("20个工作日"));
        Assert.False(LimitText.IsNaturalDays(null));
    }
}
