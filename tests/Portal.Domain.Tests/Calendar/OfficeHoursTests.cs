using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

public class OfficeHoursTests
{
    private static OfficePeriod P(int h1, int m1, int h2, int m2) => new(new TimeOnly(h1, m1), new TimeOnly(h2, m2));

    [Fact]
    public void Default_office_hours_are_nine_to_twelve_and_one_to_five()
    {
        var hours = OfficeHours.Default;

        Assert.Equal([P(9, 0, 12, 0), P(13, 0, 17, 0)], hours.Periods);
        Assert.Equal(new TimeOnly(17, 0), hours.Close);
        Assert.Equal(TimeSpan.FromHours(7), hours.PerDay);
        Assert.Equal("09:00-12:00,13:00-17:00", hours.ToString());
    }

    [Theory]
    [InlineData("09:00-12:00,13:00-17:00", "09:00-12:00,13:00-17:00")]
    [InlineData(" 8:30 - 12:00 ; 14:00-17:30 ", "08:30-12:00,14:00-17:30")]
    [InlineData("09:00-17:00", "09:00-17:00")]
    [InlineData("09:00-12:00,12:00-17:00", "09:00-12:00,12:00-17:00")]  // touching periods do not overlap
    public void Office_hours_parse_and_format_round_trip(string text, string formatted)
    {
        var hours = OfficeHours.Parse(text);

        Assert.Equal(formatted, hours.ToString());
        Assert.Equal(formatted, OfficeHours.Parse(hours.ToString()).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("9点到12点")]
    [InlineData("09:00")]
    [InlineData("09:00-12:00-13:00")]
    [InlineData("25:00-26:00")]
    public void Malformed_office_hours_text_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => OfficeHours.Parse(text));
    }

    [Theory]
    [InlineData("12:00-09:00")]              // start after end
    [InlineData("09:00-09:00")]              // empty period
    [InlineData("13:00-17:00,09:00-12:00")]  // out of order
    [InlineData("09:00-13:00,12:00-17:00")]  // overlapping
    public void Invalid_office_periods_are_rejected(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => OfficeHours.Parse(text));
        Assert.Contains("办公时段", ex.Message);
    }

    [Fact]
    public void Office_hours_need_at_least_one_period()
    {
        Assert.Throws<ArgumentException>(() => new OfficeHours([]));
    }

    [Fact]
    public void Office_hours_cannot_be_changed_through_the_period_list()
    {
        var source = new List<OfficePeriod> { P(9, 0, 12, 0) };
        var hours = new OfficeHours(source);
        source.Add(P(13, 0, 17, 0));

        Assert.Single(hours.Periods);
        Assert.IsNotType<OfficePeriod[]>(hours.Periods);
    }
}
