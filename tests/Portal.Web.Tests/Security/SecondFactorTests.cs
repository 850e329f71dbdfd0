using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Features.Account;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>
/// Staff and administrators sign in with a second factor (Identity's authenticator codes; the codes are computed here
/// with Otp.NET from the key, as a phone computes them): without one bound they reach no staff page until they bind
/// one; binding shows a QR code and the key and then recovery codes once; a recovery code replaces a code once.
/// </summary>
public sealed class SecondFactorTests
{
    [Theory]
    [InlineData(Provider.Sqlite, Roles.Window, "/Workbench")]
    [InlineData(Provider.Sqlite, Roles.Admin, "/Admin")]
    [InlineData(Provider.PostgreSql, Roles.Supervisor, "/Supervision")]
    public async Task Staff_with_an_authenticator_are_not_signed_in_by_the_password_alone(Provider provider, string role, string home)
    {
        await using var factory = new PortalFactory(provider);
        var staff = await factory.CreateUserAsync(role);
        using var browser = new HttpSession(factory);

        var password = await browser.SubmitAsync("/Account/Login", ("Data.UserName", staff.UserName), ("Data.Password", HttpSession.DefaultPassword));

        Assert.Equal("/Account/SecondFactor", password.RedirectPath);
        Assert.StartsWith("/Account/Login", (await browser.GetAsync(home)).RedirectPath);
        var step = await browser.GetAsync("/Account/SecondFactor");
        Assert.Contains("动态验证码", step.Text);

        var wrong = await browser.SubmitAsync(step, null, ("Data.Code", Authenticator.WrongCode(factory.AuthenticatorKeys[staff.UserName])));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(SecondFactorSignIn.Refused, wrong.Text);
        Assert.StartsWith("/Account/Login", (await browser.GetAsync(home)).RedirectPath);

        var right = await browser.SubmitAsync(step, null, ("Data.Code", Authenticator.Code(factory.AuthenticatorKeys[staff.UserName])));
        Assert.Equal(home, right.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(home)).Status);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Staff_without_an_authenticator_reach_no_staff_page_before_binding_one(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var clerk = await factory.CreateUserAsync(Roles.Window, secondFactor: false);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var number = await factory.SubmitCaseAsync(applicant);
        using var browser = new HttpSession(factory);

        var password = await browser.SubmitAsync("/Account/Login", ("Data.UserName", clerk.UserName), ("Data.Password", HttpSession.DefaultPassword));

        Assert.Equal("/Account/Authenticator?ReturnUrl=%2FWorkbench", password.RedirectPath);
        foreach (var page in new[] { "/Workbench", "/Hall/Window", $"/Cases/{number}", "/Appointments/Today", "/" })
        {
            var answer = await browser.GetAsync(page);
            Assert.True(answer.RedirectPath?.StartsWith("/Account/Authenticator?ReturnUrl=", StringComparison.Ordinal) == true, $"{page}: {answer}");
        }

        // A staff action posted anyway (with a valid antiforgery token of this person) is refused: the roles are held back.
        var enrol = await browser.GetAsync("/Account/Authenticator");
        Assert.Contains("工作人员和管理员须使用“密码＋动态验证码”", enrol.Text);
        var call = await browser.PostAsync("/Hall/Window", (HttpSession.TokenField, enrol.Token()!), ("Data.Do", "CallNext"));
        Assert.Equal(HttpStatusCode.Forbidden, call.Status);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Binding_an_authenticator_shows_its_qr_code_and_key_then_the_recovery_codes_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var other = await factory.CreateUserAsync(Roles.Supervisor, secondFactor: false);
        using var second = new HttpSession(factory);
        var next = await second.SubmitAsync("/Account/Login", ("Data.UserName", other.UserName), ("Data.Password", HttpSession.DefaultPassword));
        var page = await second.GetAsync(next.RedirectPath!);
        Assert.Contains("<svg", page.Html.ByTestId("authenticator-qr")!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Html.ByTestId("authenticator-qr")!.InnerHtml.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var key = Authenticator.Normalize(page.TestId("authenticator-key")!);
        Assert.Matches("^[A-Z2-7]{32}$", key);

        var wrong = await second.SubmitAsync(page, null, ("Data.Code", Authenticator.WrongCode(key)));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("验证码不正确", wrong.Text);
        Assert.False(await factory.WithDb(db => db.Users.Where(u => u.Id == other.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var bound = await second.SubmitAsync(page, null, ("Data.Code", Authenticator.Code(key)));
        Assert.Equal("/Account/RecoveryCodes?ReturnUrl=%2FSupervision", bound.RedirectPath);
        var codes = await second.GetAsync(bound.RedirectPath!);
        var shown = codes.Html.Texts("[data-testid=recovery-codes] li");
        Assert.Equal(10, shown.Distinct().Count());
        Assert.Equal("/Supervision", codes.Html.HrefOfTestId("continue"));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Supervision")).Status);

        // Shown once: asked again, the page has nothing to show.
        Assert.Equal("/Account/Security", (await second.GetAsync(bound.RedirectPath!)).RedirectPath);
        Assert.True(await factory.WithDb(db => db.Users.Where(u => u.Id == other.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task A_recovery_code_replaces_the_authenticator_once()
    {
        await using var factory = new PortalFactory();
        var clerk = await factory.CreateUserAsync(Roles.Window, secondFactor: false);
        using var first = new HttpSession(factory);
        var next = await first.SubmitAsync("/Account/Login", ("Data.UserName", clerk.UserName), ("Data.Password", HttpSession.DefaultPassword));
        var page = await first.GetAsync(next.RedirectPath!);
        var key = Authenticator.Normalize(page.TestId("authenticator-key")!);
        var bound = await first.SubmitAsync(page, null, ("Data.Code", Authenticator.Code(key)));
        var codes = (await first.GetAsync(bound.RedirectPath!)).Html.Texts("[data-testid=recovery-codes] li");
        var code = codes[3];

        using var second = new HttpSession(factory);
        var step = await second.SubmitAsync("/Account/Login", ("Data.UserName", clerk.UserName), ("Data.Password", HttpSession.DefaultPassword));
        var signedIn = await second.SubmitAsync(await second.GetAsync(step.RedirectPath!), null, ("Data.Code", code));
        Assert.Equal("/Workbench", signedIn.RedirectPath);
        Assert.Equal("9个", (await second.GetAsync("/Account/Security")).Html.TestId("recovery-codes-left"));

        using var third = new HttpSession(factory);
        step = await third.SubmitAsync("/Account/Login", ("Data.UserName", clerk.UserName), ("Data.Password", HttpSession.DefaultPassword));
        var again = await third.SubmitAsync(await third.GetAsync(step.RedirectPath!), null, ("Data.Code", code));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(SecondFactorSignIn.Refused, again.Text);
    }

    [Fact]
    public async Task Applicants_sign_in_with_the_password_alone_unless_they_bind_an_authenticator()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = new HttpSession(factory);

        Assert.Equal("/Cases", (await browser.SignInAsync(applicant.UserName)).RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).Status);
        Assert.Contains("未开启", (await browser.GetAsync("/Account/Security")).Html.TestId("second-factor-status"));
    }

    [Fact]
    public async Task Staff_cannot_switch_the_second_factor_off_but_can_replace_the_authenticator()
    {
        await using var factory = new PortalFactory();
        var clerk = await factory.CreateUserAsync(Roles.Window);
        using var browser = await new HttpSession(factory).SignedInAsync(clerk);
        var security = await browser.GetAsync("/Account/Security");
        Assert.DoesNotContain("关闭二次验证", security.Text);
        var refused = await browser.PostAsync(SessionTests.Handler(security, "RenewCodes").Replace("RenewCodes", "Disable", StringComparison.Ordinal), (HttpSession.TokenField, security.Token(SessionTests.Handler(security, "RenewCodes"))!));
        Assert.Contains("工作人员和管理员必须使用二次验证，不能关闭", refused.Text);

        var reset = await browser.SubmitAsync(security, SessionTests.Handler(security, "ResetAuthenticator"));

        Assert.StartsWith("/Account/Authenticator", reset.RedirectPath);
        Assert.False(await factory.WithDb(db => db.Users.Where(u => u.Id == clerk.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.StartsWith("/Account/Authenticator", (await browser.GetAsync("/Workbench")).RedirectPath);
        var page = await browser.GetAsync(reset.RedirectPath!);
        var key = Authenticator.Normalize(page.TestId("authenticator-key")!);
        Assert.NotEqual(factory.AuthenticatorKeys[clerk.UserName], key);
        Assert.True((await browser.SubmitAsync(page, null, ("Data.Code", Authenticator.Code(key)))).IsRedirect);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Workbench")).Status);
    }

    [Fact]
    public async Task Demo_staff_have_the_published_authenticator_key_in_development()
    {
        await using var factory = new EnvironmentPortal("Development");
        factory.Settings["Portal:SeedDemoData"] = "true";
        var (enabled, key) = await DemoAuthenticatorAsync(factory, "window01");

        Assert.True(enabled);
        Assert.Equal(DemoData.AuthenticatorKey, key);
        factory.AuthenticatorKeys["admin"] = DemoData.AuthenticatorKey;
        using var browser = new HttpSession(factory);
        Assert.Equal("/Admin", (await browser.SignInAsync("admin")).RedirectPath);
        var (applicantEnabled, applicantKey) = await DemoAuthenticatorAsync(factory, "13800000001");
        Assert.False(applicantEnabled);
        Assert.Null(applicantKey);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Demo_staff_get_no_published_key_outside_development(string environment)
    {
        await using var factory = new EnvironmentPortal(environment);
        factory.Settings["Portal:SeedDemoData"] = "true";

        foreach (var account in DemoData.Accounts)
        {
            var (enabled, key) = await DemoAuthenticatorAsync(factory, account.UserName);
            Assert.False(enabled, account.UserName);
            Assert.Null(key);
        }

        // They bind their own at the first sign-in (SignInAsync does it as a person does).
        using var browser = new HttpSession(factory);
        Assert.StartsWith("/Account/RecoveryCodes", (await browser.SignInAsync("window01")).RedirectPath);
        Assert.NotEqual(DemoData.AuthenticatorKey, factory.AuthenticatorKeys["window01"]);
    }

    private static Task<(bool Enabled, string? Key)> DemoAuthenticatorAsync(PortalFactory factory, string userName) =>
        factory.Service(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(userName);
            Assert.NotNull(user);
            return (user!.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(user));
        });

    /// <summary>The portal in another hosting environment (demo seeding reads it).</summary>
    private sealed class EnvironmentPortal(string environment) : PortalFactory(Provider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
