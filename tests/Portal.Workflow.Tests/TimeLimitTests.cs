namespace Portal.Workflow.Tests;

public class TimeLimitTests
{
    [Theory]
    [InlineData(20, TimeUnit.WorkingDays, "20个工作日")]
    [InlineData(4, TimeUnit.OfficeHours, "4个工作小时")]
    [InlineData(20, TimeUnit.OfficeMinutes, "20分钟(工作时间)")]
    [InlineData(10, TimeUnit.CalendarDays, "10日")]
    public void Time_limit_renders_as_chinese_text(int amount, TimeUnit unit, string expected)
    {
        Assert.Equal(expected, new TimeLimit(amount, unit).ToString());
    }

    [Fact]
    public void Time_limit_factories_and_value_equality_work()
    {
        Assert.Equal(new TimeLimit(3, TimeUnit.WorkingDays), TimeLimit.WorkingDays(3));
        Assert.Equal(new TimeLimit(2, TimeUnit.OfficeHours), TimeLimit.OfficeHours(2));
        Assert.Equal(new TimeLimit(30, TimeUnit.OfficeMinutes), TimeLimit.OfficeMinutes(30));
        Assert.Equal(new TimeLimit(7, TimeUnit.CalendarDays), TimeLimit.CalendarDays(7));
        Assert.NotEqual(TimeLimit.WorkingDays(3), TimeLimit.CalendarDays(3));
    }
}
