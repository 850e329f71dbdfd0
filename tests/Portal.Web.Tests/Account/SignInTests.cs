using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisation;
using Portal.Web.Features.Account;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Account;

/// <summary>
/// Signing in and out over HTTP on both databases: each role's home, Chinese refusals, the lockout after five
/// wrong passwords (15 minutes) and the 20-minute sliding idle timeout.
/// </summary>
public sealed class SignInTests
{
    private const string WrongPasswordText = "手机号/用户名或密码不正确";

    [Theory]
    [InlineData(Provider.Sqlite, Roles.Applicant, "/Cases")]
    [InlineData(Provider.Sqlite, Roles.Window, "/Workbench")]
    [InlineData(Provider.Sqlite, Roles.Supervisor, "/Supervision")]
    [InlineData(Provider.Sqlite, Roles.Admin, "/Admin")]
    [InlineData(Provider.PostgreSql, Roles.Applicant, "/Cases")]
    [InlineData(Provider.PostgreSql, Roles.Window, "/Workbench")]
    [InlineData(Provider.PostgreSql, Roles.Supervisor, "/Supervision")]
    [InlineData(Provider.PostgreSql, Roles.Admin, "/Admin")]
    public async Task Correct_password_signs_in_and_sends_each_role_to_its_home_page(Provider provider, string role, string home)
    {
        await using var factory = new PortalFactory(provider);
        var user = await factory.CreateUserAsync(role);
        using var session = new HttpSession(factory);

        var answer = await session.SignInAsync(user.UserName);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal(home, answer.RedirectPath);
        var landing = await session.GetAsync(home);
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Contains(user.Name, landing.Text);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Sign_in_goes_back_to_the_local_return_address_it_came_from(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        using var session = new HttpSession(factory);
        var challenge = await session.GetAsync("/Workbench");
        Assert.Equal("/Account/Login?ReturnUrl=%2FWorkbench", challenge.RedirectPath);

        var login = await session.GetAsync(challenge.RedirectPath!);
        var password = await session.SubmitAsync(login, null, ("Data.UserName", supervisor.UserName), ("Data.Password", HttpSession.DefaultPassword));
        Assert.Equal("/Account/SecondFactor?ReturnUrl=%2FWorkbench", password.RedirectPath);
        var answer = await session.PassSecondFactorAsync(supervisor.UserName, password);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Workbench", answer.RedirectPath);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Sign_in_ignores_a_return_address_on_another_site_and_goes_home(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        using var session = new HttpSession(factory);

        var login = await session.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/phish"));
        var answer = await session.PassSecondFactorAsync(
            supervisor.UserName,
            await session.SubmitAsync(login, null, ("Data.UserName", supervisor.UserName), ("Data.Password", HttpSession.DefaultPassword)));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Supervision", answer.RedirectPath);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Wrong_password_is_refused_in_chinese_without_saying_how_many_attempts_are_left(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var session = new HttpSession(factory);

        var answer = await session.SignInAsync(user.UserName, "Wrong@2026x");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([SignIn.Refused], answer.Html.Texts(".alert-error li"));
        Assert.DoesNotContain("再输错", answer.Text);
        Assert.Equal(user.UserName, answer.InputValue("Data.UserName"));
        Assert.StartsWith("/Account/Login", (await session.GetAsync("/Cases")).RedirectPath);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Unknown_user_name_gets_exactly_the_answer_of_a_wrong_password(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var session = new HttpSession(factory);

        var wrong = await session.SignInAsync(user.UserName, "Wrong@2026x");
        var missing = await session.SignInAsync("nobody-here", "Wrong@2026x");

        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.Equal([SignIn.Refused], wrong.Html.Texts(".alert-error li"));
        Assert.Equal([SignIn.Refused], missing.Html.Texts(".alert-error li"));
        Assert.Equal(Without(wrong.Html.Texts("main")[0], user.UserName), Without(missing.Html.Texts("main")[0], "nobody-here"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_correct_password_is_refused(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var session = new HttpSession(factory);

        await FailFiveTimes(session, user);
        var answer = await session.SignInAsync(user.UserName);

        // The same answer as any refused sign-in (it names the 15-minute lockout as a possibility, for everyone).
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([SignIn.Refused], answer.Html.Texts(".alert-error li"));
        Assert.Contains("锁定15分钟", answer.Text);
        Assert.StartsWith("/Account/Login", (await session.GetAsync("/Cases")).RedirectPath);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Correct_password_works_again_once_the_15_minute_lockout_has_passed(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var session = new HttpSession(factory);
        await FailFiveTimes(session, user);
        Assert.Contains("锁定", (await session.SignInAsync(user.UserName)).Text);

        factory.Time.Advance(TimeSpan.FromMinutes(16));
        var answer = await session.SignInAsync(user.UserName);

        Assert.True(answer.Status == HttpStatusCode.Redirect, $"still refused 16 minutes (portal clock) after the lockout: {answer.Text}");
        Assert.Equal("/Cases", answer.RedirectPath);
    }

    [Fact]
    public void Auth_cookie_is_http_only_and_expires_after_20_idle_minutes_with_sliding_renewal()
    {
        using var factory = new PortalFactory();

        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(20), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.Equal("portal.auth", options.Cookie.Name);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal("/Account/Login", options.LoginPath);
        Assert.Equal("/Account/AccessDenied", options.AccessDeniedPath);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Session_survives_19_idle_minutes_but_not_21(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var session = await new HttpSession(factory).SignedInAsync(user);

        factory.Time.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Cases")).Status);

        factory.Time.Advance(TimeSpan.FromMinutes(21));
        var answer = await session.GetAsync("/Cases");

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith("/Account/Login", answer.RedirectPath);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Logging_out_with_a_valid_token_ends_the_session(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var session = await new HttpSession(factory).SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Cases")).Status);

        // A token issued to the signed-in person (antiforgery tokens are bound to the user).
        var token = (await session.GetAsync("/Account/Login")).Token();
        Assert.NotNull(token);
        var answer = await session.PostAsync("/Account/Logout", (HttpSession.TokenField, token));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/", answer.RedirectPath);
        var after = await session.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/Account/Login", after.RedirectPath);
    }

    [Fact]
    public async Task Logout_button_of_the_layout_carries_an_antiforgery_token_and_ends_the_session()
    {
        await using var factory = new PortalFactory();
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var session = await new HttpSession(factory).SignedInAsync(user);
        var cases = await session.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.OK, cases.Status);
        Assert.Contains("退出", cases.Form("/Account/Logout").Html);
        Assert.True(cases.Token("/Account/Logout") is not null, "the layout's 退出 form has no __RequestVerificationToken, so the browser's post is refused with 400");

        var answer = await session.SubmitAsync(cases, "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/", answer.RedirectPath);
        Assert.StartsWith("/Account/Login", (await session.GetAsync("/Cases")).RedirectPath);
    }

    private static async Task FailFiveTimes(HttpSession session, TestUser user)
    {
        for (var i = 1; i <= 5; i++)
        {
            var answer = await session.SignInAsync(user.UserName, $"Wrong{i}@2026");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains(WrongPasswordText, answer.Text);
        }
    }

    /// <summary>The page's text with what the person typed removed (it is echoed in the form).</summary>
    private static string Without(string text, string typed) => text.Replace(typed, "", StringComparison.Ordinal);
}
