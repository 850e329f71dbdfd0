using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Hall;
using Portal.Web.Tests.Materials;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Ratings;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hostile;

/// <summary>
/// The 13 causes of the 22 server errors that probing found (issue 16 part 5), one test each: every one now answers
/// a clear Chinese error — a page with the form again, a Chinese 404/403/status page, or problem details with a
/// Chinese title for JSON — and a post against someone else's record answers 404/403 without showing the record.
/// </summary>
public sealed class ServerErrorCauseTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private const string PowerKey = "k-power-hostile";

    // 1. Anonymous POST /Notices/{unknown} with empty fields.
    [Fact]
    public async Task Cause_01_anonymous_post_to_an_unknown_notice_with_empty_fields_is_a_chinese_not_found_page()
    {
        using var session = new HttpSession(factory);
        var token = await TokenAsync(session, "/Hall");

        var answer = await session.PostAsync("/Notices/JYZX-20991231-999999", (HttpSession.TokenField, token), ("Data.Name", ""), ("Data.Contact", ""), ("Data.Content", ""));

        AssertChinesePage(answer, HttpStatusCode.NotFound, "未找到");
    }

    // 2. Anonymous POST /Ratings/View/{code} with a bogus level.
    [Fact]
    public async Task Cause_02_anonymous_post_to_a_rating_page_with_a_bogus_level_shows_the_page_again_in_chinese()
    {
        var world = await RatingWorld.CreateAsync(factory);
        var ticket = await world.DoneTicketAsync();
        var code = await factory.SendAs(null, RatingWorld.VisitRating(ticket, RatingLevel.VeryDissatisfied, "等候时间太长，没有人引导。"));
        var before = await world.FollowUpOfAsync(code);
        using var session = new HttpSession(factory);
        var token = await TokenAsync(session, "/Hall");

        var answer = await session.PostAsync($"/Ratings/View/{code}", (HttpSession.TokenField, token), ("Answer.Satisfaction", "Bogus"), ("Answer.Remark", "\u0001"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Contains("“Bogus”不是有效的对整改结果的评价", answer.Text);
        var after = await world.FollowUpOfAsync(code);
        Assert.Equal((before.State, before.Version), (after.State, after.Version));
    }

    // 3. A post with invalid fields against another person's case.
    [Fact]
    public async Task Cause_03_post_with_invalid_fields_against_another_persons_case_is_not_found_and_shows_nothing_of_it()
    {
        var owner = await factory.CreateUserAsync(Roles.Applicant, "欧阳案主");
        var number = await factory.SubmitCaseAsync(owner, "枣庄案主私有企业设立登记");
        var before = await factory.SnapshotAsync(number);
        using var stranger = await SignedInAsync(Roles.Applicant);
        var token = await TokenAsync(stranger, "/Establishment/Apply");

        var answer = await stranger.PostAsync($"/Cases/{number}", (HttpSession.TokenField, token), ("Data.Trigger", "Withdraw"), ("Data.Reason", new string('长', 2001)), ("Data.ExpectedVersion", "0"));

        AssertChinesePage(answer, HttpStatusCode.NotFound, "未找到该办件，或该办件不属于您。");
        Assert.DoesNotContain("欧阳案主", answer.Text);
        Assert.DoesNotContain("枣庄案主私有企业", answer.Text);
        Assert.DoesNotContain("2000字", answer.Text);
        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    // 4. A post with invalid fields against a sub-item of another person's case.
    [Fact]
    public async Task Cause_04_post_with_invalid_fields_against_a_sub_item_of_another_persons_case_is_not_found()
    {
        var owner = await factory.CreateUserAsync(Roles.Applicant, "上官案主");
        var result = await factory.SubmitAsync(owner, EstablishmentSteps.ValidForm("枣庄上官科技有限公司", "tech"));
        var item = (await factory.SubItemsAsync(result.Number)).First();
        using var stranger = await SignedInAsync(Roles.Applicant);
        var token = await TokenAsync(stranger, "/Establishment/Apply");

        // 退回 without its reason (refused by the validator) and an item number that cannot be read.
        var noReason = await stranger.PostAsync($"/Cases/{result.Number}?handler=Item", (HttpSession.TokenField, token), ("Item.ItemId", item.Id.ToString()), ("Item.Trigger", "Return"), ("Item.Reason", ""), ("Item.ExpectedVersion", "0"));
        var unreadable = await stranger.PostAsync($"/Cases/{result.Number}?handler=Item", (HttpSession.TokenField, token), ("Item.ItemId", "abc"), ("Item.Trigger", "Start"));

        AssertChinesePage(noReason, HttpStatusCode.NotFound, "未找到");
        AssertChinesePage(unreadable, HttpStatusCode.NotFound, "未找到");
        Assert.DoesNotContain("上官", noReason.Text + unreadable.Text);
        Assert.Equal(item.Version, (await factory.SubItemsAsync(result.Number)).Single(i => i.Id == item.Id).Version);
    }

    // 5. A post with invalid fields rating another person's case.
    [Fact]
    public async Task Cause_05_post_with_invalid_fields_rating_another_persons_case_is_not_found()
    {
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.AcceptedCaseAsync();
        using var stranger = await SignedInAsync(Roles.Applicant);
        var token = await TokenAsync(stranger, "/Establishment/Apply");

        var answer = await stranger.PostAsync($"/Ratings/Case/{number}/Acceptance", (HttpSession.TokenField, token), ("Data.Scores[overall]", "Bogus"), ("Data.Comment", new string('评', 600)));

        AssertChinesePage(answer, HttpStatusCode.NotFound, "未找到");
        Assert.DoesNotContain(RatingWorld.RaterName, answer.Text);
        Assert.Equal(0, await factory.WithDb(db => db.Ratings.CountAsync(r => r.CaseNumber == number)));
        // Through the pipeline too: the ownership check comes before the (failing) validation.
        var direct = await Assert.ThrowsAsync<Portal.Web.Common.NotFoundException>(() => factory.SendAs(world.OtherApplicant, RatingWorld.CaseRating(number, RatingSubject.Acceptance, RatingLevel.Satisfied) with { Comment = new string('评', 600) }));
        Assert.Equal(GiveCaseRatingAccess.NotYours, direct.Message);
    }

    // 6. A post with invalid fields against another person's enterprise.
    [Fact]
    public async Task Cause_06_post_with_invalid_fields_against_another_persons_enterprise_is_refused_without_the_enterprise()
    {
        var representative = await factory.CreateUserAsync(Roles.Applicant, "诸葛法人");
        var enterprise = await factory.RegisterEnterpriseAsync(representative, representative, "枣庄诸葛私有科技有限公司");
        using var stranger = await SignedInAsync(Roles.Applicant);
        var token = await TokenAsync(stranger, "/Establishment/Apply");

        var start = await stranger.PostAsync($"/Enterprises/{enterprise.CreditCode}?handler=Start", (HttpSession.TokenField, token), ("item", "bogus"));
        var deregister = await stranger.PostAsync($"/Deregistration/Start/{enterprise.CreditCode}", (HttpSession.TokenField, token), ("Data.Route", "Simple"), ("Data.SignedName", ""));

        AssertChinesePage(start, HttpStatusCode.NotFound, "未找到该企业，或该企业不属于您。");
        AssertChinesePage(deregister, HttpStatusCode.Forbidden, "只有企业的法定代表人本人");
        Assert.DoesNotContain("诸葛", start.Text + deregister.Text);
        Assert.Equal(0, await factory.WithDb(db => db.Cases.CountAsync(c => c.SubjectCode == enterprise.CreditCode)));
    }

    // 7. 代位注销 sent twice.
    [Fact]
    public async Task Cause_07_subrogated_deregistration_sent_twice_answers_the_second_in_chinese_and_stores_one_case()
    {
        var representative = await factory.CreateUserAsync(Roles.Applicant, "代位法人");
        var enterprise = await factory.RegisterEnterpriseAsync(representative, representative, "枣庄代位测试科技有限公司");
        using var supervisor = await SignedInAsync(Roles.Supervisor);
        var form = await supervisor.GetAsync($"/Deregistration/Start/{enterprise.CreditCode}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        (string, string)[] fields = [(HttpSession.TokenField, form.Token($"/Deregistration/Start/{enterprise.CreditCode}?handler=Authority")!), ("Authority.Route", "Subrogated"), ("Authority.Reason", "依据人民法院判决书代位注销")];
        (string, string, byte[], string)[] basis = [("material:authority-basis", "判决书.pdf", SampleFiles.Pdf("Judgment"), "application/pdf")];

        var first = await supervisor.PostMultipartAsync($"/Deregistration/Start/{enterprise.CreditCode}?handler=Authority", fields, basis);
        var second = await supervisor.PostMultipartAsync($"/Deregistration/Start/{enterprise.CreditCode}?handler=Authority", fields, basis);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        AssertChinesePage(second, HttpStatusCode.UnprocessableEntity, "该企业已于2026年11月23日注销。");
        Assert.Equal(1, await factory.WithDb(db => db.Cases.CountAsync(c => c.SubjectCode == enterprise.CreditCode)));
    }

    // 8. /api/calendar/due with workingDays=99999999999.
    [Fact]
    public async Task Cause_08_due_date_with_a_working_day_count_beyond_any_integer_is_problem_details_in_chinese()
    {
        var problem = await ProblemAsync("/api/calendar/due?from=2026-11-23&workingDays=99999999999", HttpStatusCode.BadRequest);

        Assert.Contains("workingDays", problem.Detail);
        Assert.Contains("无效", problem.Detail);
    }

    // 9. /api/calendar/due with officeHours=1e20 or NaN.
    [Theory]
    [InlineData("1e20")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    public async Task Cause_09_due_date_with_office_hours_that_are_no_number_is_problem_details_in_chinese(string hours)
    {
        var problem = await ProblemAsync($"/api/calendar/due?from=2026-11-23&officeHours={hours}", HttpStatusCode.BadRequest);

        Assert.Contains("officeHours", problem.Detail);
    }

    // 10. /api/calendar/due with from=9999-12-31.
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task Cause_10_due_date_from_the_ends_of_the_calendar_is_problem_details_in_chinese(string from)
    {
        var problem = await ProblemAsync($"/api/calendar/due?from={from}&workingDays=5", HttpStatusCode.BadRequest);

        Assert.Contains("起算时间应在2000年至2100年之间", problem.Detail);
        var day = await ProblemAsync($"/api/calendar/day?date={from}", HttpStatusCode.BadRequest);
        Assert.Contains("日期应在2000年至2100年之间", day.Detail);
    }

    // 11. /api/utilities/power/requests with limit=2147483648.
    [Fact]
    public async Task Cause_11_feed_with_a_limit_beyond_any_integer_is_problem_details_in_chinese()
    {
        using var feed = FeedFactory();

        var problem = await ProblemAsync(feed, "/api/utilities/power/requests?limit=2147483648", HttpStatusCode.BadRequest);

        Assert.Contains("limit", problem.Detail);
    }

    // 12. /api/utilities/power/requests with since=notadate or since=0001-01-01.
    [Fact]
    public async Task Cause_12_feed_since_no_date_is_refused_in_chinese_and_since_year_one_reads_from_the_beginning()
    {
        using var feed = FeedFactory();

        var problem = await ProblemAsync(feed, "/api/utilities/power/requests?since=notadate", HttpStatusCode.BadRequest);
        Assert.Contains("since", problem.Detail);

        using var client = feed.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", PowerKey);
        using var fromStart = await client.GetAsync("/api/utilities/power/requests?since=0001-01-01");
        Assert.Equal(HttpStatusCode.OK, fromStart.StatusCode);
        using var json = JsonDocument.Parse(await fromStart.Content.ReadAsStringAsync());
        Assert.Equal("power", json.RootElement.GetProperty("utility").GetString());

        var future = await ProblemAsync(feed, "/api/utilities/power/requests?since=9999-12-31", HttpStatusCode.BadRequest);
        Assert.Contains("since 参数超出范围", future.Error);
    }

    // 13. /Appointments/Today?Date=0001-01-01 or 9999-12-31.
    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task Cause_13_appointments_of_a_day_at_the_ends_of_the_calendar_is_a_chinese_page(string date)
    {
        using var window = await SignedInAsync(Roles.Window);

        var answer = await window.GetAsync($"/Appointments/Today?Date={date}");

        AssertChinesePage(answer, HttpStatusCode.BadRequest, "日期应在2000年至2100年之间");
    }

    private async Task<HttpSession> SignedInAsync(string role)
    {
        var session = new HttpSession(factory);
        await session.SignedInAsync(await factory.CreateUserAsync(role));
        return session;
    }

    private static async Task<string> TokenAsync(HttpSession session, string url)
    {
        var page = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Forms.Select(PortalHtml.TokenOf).First(t => t is not null)!;
    }

    private static void AssertChinesePage(HttpPage answer, HttpStatusCode status, string text)
    {
        Assert.True(answer.Status == status, answer.ToString());
        Assert.Equal("text/html", answer.MediaType);
        Assert.Contains(text, answer.Text);
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("系统繁忙", answer.Text, StringComparison.Ordinal);
    }

    private PortalFactory FeedFactory()
    {
        var feed = new PortalFactory(Provider.Sqlite);
        feed.Settings["Portal:UtilityFeedKeys:Power"] = PowerKey;
        return feed;
    }

    private Task<Problem> ProblemAsync(string url, HttpStatusCode status) => ProblemAsync(factory, url, status);

    private static async Task<Problem> ProblemAsync(PortalFactory portal, string url, HttpStatusCode status)
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", PowerKey);
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var title = root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        var detail = root.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        var error = root.GetProperty("error").GetString() ?? "";
        Assert.False(ChineseText.HasEnglishSentence(title), title);
        Assert.DoesNotContain("系统繁忙", title + error);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", string.IsNullOrEmpty(title) ? error : title);
        return new Problem(title, detail.Length > 0 ? detail : error, error);
    }

    private sealed record Problem(string Title, string Detail, string Error);
}

/// <summary>Whether a text reads as English (a sentence of Latin words) rather than Chinese with a parameter name.</summary>
internal static class ChineseText
{
    public static bool HasEnglishSentence(string text) => System.Text.RegularExpressions.Regex.IsMatch(text, "[A-Za-z]{3,} [A-Za-z]{3,}");
}
