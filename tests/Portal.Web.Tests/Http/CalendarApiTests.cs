using System.Net;
using System.Text.Json;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>
/// The public calendar API over HTTP, anonymously, with the 2026 arrangement seeded from the State Council's
/// notice: exact JSON answers, Chinese errors for bad input, and a warning for years without holiday data.
/// </summary>
public sealed class CalendarApiTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task National_day_make_up_saturday_is_a_working_day_named_after_national_day()
    {
        var day = await Json("/api/calendar/day?date=2026-10-10");

        Assert.Equal("2026-10-10", day.GetProperty("date").GetString());
        Assert.True(day.GetProperty("working").GetBoolean());
        Assert.Equal("makeupworkday", day.GetProperty("kind").GetString());
        Assert.Equal("调休上班", day.GetProperty("kindLabel").GetString());
        Assert.Contains("国庆", day.GetProperty("name").GetString());
        Assert.True(day.GetProperty("yearHasData").GetBoolean());
        Assert.Equal(JsonValueKind.Null, day.GetProperty("warning").ValueKind);
    }

    [Fact]
    public async Task National_day_itself_is_a_holiday_and_not_a_working_day()
    {
        var day = await Json("/api/calendar/day?date=2026-10-01");

        Assert.False(day.GetProperty("working").GetBoolean());
        Assert.Equal("holiday", day.GetProperty("kind").GetString());
        Assert.Equal("法定节假日", day.GetProperty("kindLabel").GetString());
        Assert.Contains("国庆", day.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Saturday_before_the_spring_festival_is_a_make_up_working_day()
    {
        var day = await Json("/api/calendar/day?date=2026-02-14");

        Assert.True(day.GetProperty("working").GetBoolean());
        Assert.Equal("makeupworkday", day.GetProperty("kind").GetString());
        Assert.Contains("春节", day.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ordinary_saturday_is_a_weekend_without_a_name()
    {
        var day = await Json("/api/calendar/day?date=2026-11-21");

        Assert.False(day.GetProperty("working").GetBoolean());
        Assert.Equal("weekend", day.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, day.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task Twenty_working_days_from_21_september_skip_mid_autumn_and_national_day_and_end_26_october_at_close()
    {
        var due = await Json("/api/calendar/due?from=2026-09-21&workingDays=20");

        Assert.Equal("2026-09-21T00:00:00", due.GetProperty("from").GetString());
        Assert.Equal("2026-10-26T17:00:00", due.GetProperty("due").GetString());
        Assert.Equal("20个工作日", due.GetProperty("limit").GetString());
        Assert.Equal("Asia/Shanghai", due.GetProperty("timeZone").GetString());
        Assert.Equal(0, due.GetProperty("yearsWithoutData").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, due.GetProperty("warning").ValueKind);
    }

    [Fact]
    public async Task Four_office_hours_from_half_past_ten_skip_the_lunch_break_and_end_at_half_past_three()
    {
        var due = await Json("/api/calendar/due?from=2026-09-21T10:30&officeHours=4");

        Assert.Equal("2026-09-21T10:30:00", due.GetProperty("from").GetString());
        Assert.Equal("2026-09-21T15:30:00", due.GetProperty("due").GetString());
        Assert.Equal("4个工作小时", due.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task One_working_day_from_the_friday_before_the_spring_festival_ends_on_the_make_up_saturday()
    {
        var due = await Json("/api/calendar/due?from=2026-02-13&workingDays=1");

        Assert.Equal("2026-02-14T17:00:00", due.GetProperty("due").GetString());
    }

    [Fact]
    public async Task One_working_day_from_the_make_up_saturday_jumps_over_the_whole_spring_festival_break()
    {
        var due = await Json("/api/calendar/due?from=2026-02-14&workingDays=1");

        Assert.Equal("2026-02-24T17:00:00", due.GetProperty("due").GetString());
    }

    [Fact]
    public async Task A_range_ending_in_2027_lists_2027_as_a_year_without_data_and_warns_in_chinese()
    {
        var due = await Json("/api/calendar/due?from=2026-12-21&workingDays=20");

        Assert.Equal(new[] { 2027 }, due.GetProperty("yearsWithoutData").EnumerateArray().Select(y => y.GetInt32()).ToArray());
        var warning = due.GetProperty("warning").GetString();
        Assert.NotNull(warning);
        Assert.Contains("2027年的国务院节假日安排尚未录入", warning);
        Assert.Contains("《全国年节及纪念日放假办法》", warning);

        // Without the 2027 notice, the statutory 元旦 (Friday 1 January 2027) is a day off.
        Assert.Equal("2027-01-19T17:00:00", due.GetProperty("due").GetString());
    }

    [Fact]
    public async Task A_day_in_a_year_without_data_is_answered_by_the_statutory_fallback_with_a_warning()
    {
        var day = await Json("/api/calendar/day?date=2027-01-01");

        Assert.False(day.GetProperty("working").GetBoolean());
        Assert.Equal("holiday", day.GetProperty("kind").GetString());
        Assert.Equal("元旦", day.GetProperty("name").GetString());
        Assert.False(day.GetProperty("yearHasData").GetBoolean());
        Assert.Contains("2027年", day.GetProperty("warning").GetString());
    }

    /// <summary>Issue 15: every statutory day of 2027 and 2028, and each day given back for one on a weekend (补假).</summary>
    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2027-02-05")]
    [InlineData("2027-02-06")]
    [InlineData("2027-02-07")]
    [InlineData("2027-02-08")]
    [InlineData("2027-02-09")]
    [InlineData("2027-02-10")]
    [InlineData("2027-04-05")]
    [InlineData("2027-05-01")]
    [InlineData("2027-05-02")]
    [InlineData("2027-05-03")]
    [InlineData("2027-05-04")]
    [InlineData("2027-06-09")]
    [InlineData("2027-09-15")]
    [InlineData("2027-10-01")]
    [InlineData("2027-10-02")]
    [InlineData("2027-10-03")]
    [InlineData("2027-10-04")]
    [InlineData("2027-10-05")]
    [InlineData("2028-01-01")]
    [InlineData("2028-01-03")]
    [InlineData("2028-01-25")]
    [InlineData("2028-01-26")]
    [InlineData("2028-01-27")]
    [InlineData("2028-01-28")]
    [InlineData("2028-04-04")]
    [InlineData("2028-05-01")]
    [InlineData("2028-05-02")]
    [InlineData("2028-05-28")]
    [InlineData("2028-05-29")]
    [InlineData("2028-10-01")]
    [InlineData("2028-10-02")]
    [InlineData("2028-10-03")]
    [InlineData("2028-10-04")]
    public async Task A_statutory_day_of_2027_and_2028_is_not_a_working_day(string date)
    {
        var day = await Json($"/api/calendar/day?date={date}");

        Assert.False(day.GetProperty("working").GetBoolean());
        Assert.Equal("holiday", day.GetProperty("kind").GetString());
        Assert.False(day.GetProperty("yearHasData").GetBoolean());
        Assert.Contains("以国务院节假日安排为准", day.GetProperty("warning").GetString());
    }

    [Theory]
    [InlineData("/api/calendar/due?from=abc&workingDays=1", "起算时间")]
    [InlineData("/api/calendar/due?from=2026-09-21&workingDays=1&officeHours=2", "请只给出一种时限")]
    [InlineData("/api/calendar/due?from=2026-09-21", "请只给出一种时限")]
    [InlineData("/api/calendar/due?from=2026-09-21&workingDays=-1", "工作日数应在0到3650之间")]
    [InlineData("/api/calendar/day?date=2026-13-01", "yyyy-MM-dd")]
    [InlineData("/api/calendar/day", "请用 yyyy-MM-dd 格式给出日期")]
    public async Task Bad_input_is_answered_with_400_and_a_chinese_error(string url, string expected)
    {
        using var session = new HttpSession(factory);
        var answer = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        using var json = JsonDocument.Parse(answer.Body);
        var error = json.RootElement.GetProperty("error").GetString();
        Assert.Contains(expected, error);
        Assert.Matches("[\u4e00-\u9fff]", error);
        Assert.NotEqual(0, json.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/calendar/day?date=2026-10-10")]
    [InlineData("/api/calendar/due?from=2026-09-21&workingDays=20")]
    public async Task The_calendar_endpoints_answer_without_sign_in(string url)
    {
        using var session = new HttpSession(factory);
        var answer = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Location);
        Assert.Equal("application/json", answer.MediaType);
    }

    private async Task<JsonElement> Json(string url)
    {
        using var session = new HttpSession(factory);
        var answer = await session.GetAsync(url);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("application/json", answer.MediaType);
        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.Clone();
    }
}
