using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>
/// Who may see and do what, over real HTTP with real cookies: sign-in redirects, 403 and 404 pages in Chinese,
/// antiforgery on every post, and the optimistic-concurrency check of the case actions (double submission).
/// </summary>
public sealed class SecurityTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private const string ConflictText = "已被其他工作人员处理";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Health_check_answers_ok_without_sign_in(Provider provider)
    {
        await using var own = new PortalFactory(provider);
        using var session = new HttpSession(own);

        var health = await session.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("application/json", health.MediaType);
        Assert.Equal("Healthy", System.Text.Json.JsonDocument.Parse(health.Body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Anonymous_visitor_asking_for_the_workbench_is_sent_to_sign_in_with_a_return_address()
    {
        using var session = new HttpSession(factory);

        var answer = await session.GetAsync("/Workbench");

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Account/Login?ReturnUrl=%2FWorkbench", answer.RedirectPath);
    }

    [Fact]
    public async Task Unknown_address_is_a_chinese_404_page_without_technical_details()
    {
        using var session = new HttpSession(factory);

        var answer = await session.GetAsync("/nope");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("text/html", answer.MediaType);
        Assert.Contains("未找到", answer.Text);
        Assert.Contains("您要找的页面或办件不存在", answer.Text);
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Portal.Web", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_address_is_404_for_a_signed_in_person_too()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var answer = await session.GetAsync("/Cases/Nope/Deeper");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("未找到", answer.Text);
    }

    [Theory]
    [InlineData("/Workbench")]
    [InlineData("/Admin")]
    [InlineData("/Supervision")]
    public async Task Applicant_asking_for_a_staff_page_is_refused_with_403(string url)
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var first = await session.GetAsync(url);
        if (first.IsRedirect)
        {
            Assert.StartsWith("/Account/AccessDenied", first.RedirectPath);
        }

        var answer = await session.GetFollowingAsync(url, maxRedirects: 1);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("无权访问", answer.Text);
    }

    [Fact]
    public async Task Applicant_asking_for_another_applicants_case_gets_404()
    {
        var owner = await factory.CreateUserAsync(Roles.Applicant);
        var other = await factory.CreateUserAsync(Roles.Applicant);
        var number = await factory.SubmitCaseAsync(owner, "别人的企业设立登记");
        using var session = await new HttpSession(factory).SignedInAsync(other);

        var answer = await session.GetAsync($"/Cases/{number}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("未找到", answer.Text);
        Assert.DoesNotContain("别人的企业设立登记", answer.Text);
        Assert.DoesNotContain(number, answer.Text);
    }

    [Fact]
    public async Task Applicant_sees_their_own_case()
    {
        var owner = await factory.CreateUserAsync(Roles.Applicant);
        var number = await factory.SubmitCaseAsync(owner, "自己的企业设立登记");
        using var session = await new HttpSession(factory).SignedInAsync(owner);

        var answer = await session.GetAsync($"/Cases/{number}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(number, answer.TestId("case-number"));
        Assert.Contains("自己的企业设立登记", answer.Text);
    }

    [Fact]
    public async Task Window_staff_see_any_applicants_case()
    {
        var owner = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(owner);
        using var session = await new HttpSession(factory).SignedInAsync(window);

        var answer = await session.GetAsync($"/Cases/{number}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(number, answer.TestId("case-number"));
        Assert.Equal(CaseState.Submitted.Label(), answer.TestId("case-state"));
        Assert.Contains($"value=\"{CaseTrigger.Accept}\"", answer.Body);
    }

    [Fact]
    public async Task Sign_in_post_without_antiforgery_token_is_refused_with_400_and_signs_nobody_in()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var session = new HttpSession(factory);
        await session.GetAsync("/Account/Login");

        var answer = await session.PostAsync("/Account/Login", ("Data.UserName", applicant.UserName), ("Data.Password", HttpSession.DefaultPassword));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("请求有误", answer.Text);
        var after = await session.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/Account/Login", after.RedirectPath);
    }

    [Fact]
    public async Task Case_action_post_without_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var (number, session) = await WindowOnSubmittedCase();
        using var _ = session;
        var before = await factory.LoadCaseAsync(number);

        var answer = await session.PostAsync($"/Cases/{number}", ("Data.Trigger", nameof(CaseTrigger.Accept)), ("Data.ExpectedVersion", before.Version.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var after = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Submitted, after.State);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.History);
    }

    [Fact]
    public async Task Window_accepting_through_the_case_form_is_redirected_back_to_the_case_which_is_now_in_progress()
    {
        var (number, session) = await WindowOnSubmittedCase();
        using var _ = session;
        var page = await session.GetAsync($"/Cases/{number}");
        Assert.NotNull(page.Token());
        Assert.Equal((await factory.LoadCaseAsync(number)).Version.ToString(), page.InputValue("Data.ExpectedVersion"));

        var answer = await session.SubmitAsync(page, null, ("Data.Trigger", nameof(CaseTrigger.Accept)));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal($"/Cases/{number}", answer.RedirectPath);
        var saved = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.InProgress, saved.State);
        Assert.Single(saved.History, e => e.Action == nameof(CaseTrigger.Accept));
        var shown = await session.GetAsync(answer.RedirectPath!);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal("办理中", shown.TestId("case-state"));
        Assert.Contains("已受理。", shown.Text);
    }

    [Fact]
    public async Task Posting_the_same_action_form_twice_shows_the_chinese_conflict_message_and_acts_once()
    {
        var (number, session) = await WindowOnSubmittedCase();
        using var _ = session;
        var page = await session.GetAsync($"/Cases/{number}");
        var first = await session.SubmitAsync(page, null, ("Data.Trigger", nameof(CaseTrigger.Accept)));
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var second = await session.SubmitAsync(page, null, ("Data.Trigger", nameof(CaseTrigger.Accept)));

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(ConflictText, second.Text);
        Assert.Equal("办理中", second.TestId("case-state"));
        var saved = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.InProgress, saved.State);
        Assert.Single(saved.History, e => e.Action == nameof(CaseTrigger.Accept));
        Assert.Equal(2, saved.History.Count);
    }

    [Fact]
    public async Task After_a_conflict_the_redisplayed_form_carries_the_current_version_so_a_retry_goes_through()
    {
        var (number, session) = await WindowOnSubmittedCase();
        using var _ = session;
        var page = await session.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.Redirect, (await session.SubmitAsync(page, null, ("Data.Trigger", nameof(CaseTrigger.Accept)))).Status);
        var conflict = await session.SubmitAsync(page, null, ("Data.Trigger", nameof(CaseTrigger.Accept)));
        Assert.Contains(ConflictText, conflict.Text);

        // The message says the page now shows the latest state: its form must carry the latest version.
        var current = await factory.LoadCaseAsync(number);
        Assert.Equal(current.Version.ToString(), conflict.InputValue("Data.ExpectedVersion"));
        var retry = await session.SubmitAsync(conflict, null, ("Data.Trigger", nameof(CaseTrigger.RequestSupplement)), ("Data.Reason", "营业执照副本"));

        Assert.Equal(HttpStatusCode.Redirect, retry.Status);
        Assert.Equal(CaseState.AwaitingSupplement, (await factory.LoadCaseAsync(number)).State);
    }

    [Fact]
    public async Task Window_posting_approve_rejection_on_a_submitted_case_sees_the_chinese_refusal_and_nothing_changes()
    {
        var (number, session) = await WindowOnSubmittedCase();
        using var _ = session;
        var before = await factory.LoadCaseAsync(number);
        var page = await session.GetAsync($"/Cases/{number}");
        Assert.DoesNotContain($"value=\"{CaseTrigger.ApproveRejection}\"", page.Body);

        var answer = await session.SubmitAsync(page, null, ("Data.Trigger", nameof(CaseTrigger.ApproveRejection)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("请修改以下问题后再提交", answer.Text);
        Assert.Contains("不能执行「批准不予受理」", answer.Text);
        Assert.Equal(CaseState.Submitted.Label(), answer.TestId("case-state"));
        var after = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Submitted, after.State);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(after.History);
    }

    private async Task<(string Number, HttpSession Session)> WindowOnSubmittedCase()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        var session = await new HttpSession(factory).SignedInAsync(window);
        return (number, session);
    }
}
