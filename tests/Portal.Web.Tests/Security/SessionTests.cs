using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>
/// Sessions end on the server, over real HTTP with real cookies on both databases: a cookie kept or copied from before
/// signing out opens nothing; a password change, a role change and an administrator's lock end the person's other
/// sessions; staff sessions end 8 hours after signing in however active they are (the portal's clock is moved).
/// </summary>
public sealed class SessionTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_sign_in_cookie_replayed_after_signing_out_gets_the_sign_in_page(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var clerk = await factory.CreateUserAsync(Roles.Window);
        using var browser = await new HttpSession(factory).SignedInAsync(clerk);
        var copied = browser.Cookie("portal.auth");
        Assert.NotNull(copied);

        // The copy works while the session lives (so the refusal below is the session's end, not a broken copy)…
        using (var thief = Replaying(factory, copied!))
        {
            Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/Workbench")).Status);
        }

        var workbench = await browser.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(workbench, "/Account/Logout")).Status);

        // …and after 退出 it is refused: the session is gone from the server, whatever the cookie says.
        using var replay = Replaying(factory, copied!);
        var answer = await replay.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Account/Login?ReturnUrl=%2FWorkbench", answer.RedirectPath);
        Assert.Equal(0, await factory.WithDb(db => db.Sessions.CountAsync(s => s.UserId == clerk.Id)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Changing_the_password_ends_the_persons_other_sessions_and_keeps_this_one(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var phone = await new HttpSession(factory).SignedInAsync(applicant);
        using var desk = await new HttpSession(factory).SignedInAsync(applicant);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Cases")).Status);

        var answer = await desk.SubmitAsync("/Account/Password",
            ("Data.CurrentPassword", HttpSession.DefaultPassword), ("Data.NewPassword", "Lanse#Haibin77"), ("Data.ConfirmPassword", "Lanse#Haibin77"));

        Assert.Equal("/Account/Security", answer.RedirectPath);
        Assert.Contains("其他设备上的1处登录已退出", (await desk.GetAsync("/Account/Security")).Text);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/Cases")).Status);
        Assert.StartsWith("/Account/Login", (await phone.GetAsync("/Cases")).RedirectPath);

        // 30 minutes on, when Identity checks the security stamp again, this session still holds (it carries the new stamp).
        factory.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/Cases")).Status);
        factory.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/Cases")).Status);
        using var again = new HttpSession(factory);
        Assert.Equal("/Cases", (await again.SignInAsync(applicant.UserName, "Lanse#Haibin77")).RedirectPath);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task An_administrators_role_change_ends_the_persons_sessions_at_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var clerk = await factory.CreateUserAsync(Roles.Window);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var clerkBrowser = await new HttpSession(factory).SignedInAsync(clerk);
        Assert.Equal(HttpStatusCode.OK, (await clerkBrowser.GetAsync("/Workbench")).Status);
        using var adminBrowser = await new HttpSession(factory).SignedInAsync(admin);

        var page = await adminBrowser.GetAsync($"/Admin/Account?id={clerk.Id}");
        var answer = await adminBrowser.SubmitAsync(page, Handler(page, "Roles"), ("Data.Roles", Roles.Supervisor));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith("/Account/Login", (await clerkBrowser.GetAsync("/Workbench")).RedirectPath);
        Assert.Equal(0, await factory.WithDb(db => db.Sessions.CountAsync(s => s.UserId == clerk.Id)));
        Assert.Contains("督查", (await adminBrowser.GetAsync(answer.RedirectPath!)).Html.TestId("account-roles"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task An_administrators_lock_ends_the_persons_sessions_and_refuses_the_next_sign_in(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var applicantBrowser = await new HttpSession(factory).SignedInAsync(applicant);
        using var adminBrowser = await new HttpSession(factory).SignedInAsync(admin);

        var page = await adminBrowser.GetAsync($"/Admin/Account?id={applicant.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await adminBrowser.SubmitAsync(page, Handler(page, "Lock"))).Status);

        Assert.StartsWith("/Account/Login", (await applicantBrowser.GetAsync("/Cases")).RedirectPath);
        using var again = new HttpSession(factory);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(applicant.UserName)).Status);

        // Not only for 15 minutes: until an administrator lifts it.
        factory.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(applicant.UserName)).Status);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_staff_session_ends_8_hours_after_signing_in_however_active_it_is(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var clerk = await factory.CreateUserAsync(Roles.Window);
        using var browser = await new HttpSession(factory).SignedInAsync(clerk);

        // Active all day: a page every 15 minutes (the 20-minute idle limit never strikes) up to 7 h 45 min.
        for (var minutes = 15; minutes < 8 * 60; minutes += 15)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(15));
            var page = await browser.GetAsync("/Workbench");
            Assert.True(page.Status == HttpStatusCode.OK, $"after {minutes} minutes: {page}");
        }

        factory.Time.Advance(TimeSpan.FromMinutes(15));
        var after = await browser.GetAsync("/Workbench");

        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/Account/Login", after.RedirectPath);
    }

    [Fact]
    public async Task An_applicants_session_has_the_idle_limit_only()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(applicant);

        for (var minutes = 15; minutes <= 9 * 60; minutes += 15)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).Status);
        }
    }

    [Fact]
    public async Task The_staff_limit_comes_from_the_configuration()
    {
        await using var factory = new PortalFactory();
        factory.Settings["Portal:Sessions:StaffAbsoluteHours"] = "1";
        var clerk = await factory.CreateUserAsync(Roles.Window);
        using var browser = await new HttpSession(factory).SignedInAsync(clerk);

        for (var minutes = 10; minutes <= 50; minutes += 10)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Workbench")).Status);
        }

        factory.Time.Advance(TimeSpan.FromMinutes(11));

        Assert.StartsWith("/Account/Login", (await browser.GetAsync("/Workbench")).RedirectPath);
    }

    [Fact]
    public async Task Ending_the_other_sessions_from_the_account_page_keeps_only_this_one()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var first = await new HttpSession(factory).SignedInAsync(applicant);
        using var second = await new HttpSession(factory).SignedInAsync(applicant);
        using var third = await new HttpSession(factory).SignedInAsync(applicant);
        Assert.Equal("3处（含本设备）", (await third.GetAsync("/Account/Security")).Html.TestId("session-count"));

        var page = await third.GetAsync("/Account/Security");
        await third.SubmitAsync(page, Handler(page, "EndOthers"));

        Assert.Contains("已退出其他设备上的2处登录", (await third.GetAsync("/Account/Security")).Text);
        Assert.StartsWith("/Account/Login", (await first.GetAsync("/Cases")).RedirectPath);
        Assert.StartsWith("/Account/Login", (await second.GetAsync("/Cases")).RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/Cases")).Status);
    }

    [Fact]
    public async Task A_browser_signed_in_as_one_person_does_not_sign_in_a_second_person_over_it()
    {
        await using var factory = new PortalFactory();
        var first = await factory.CreateUserAsync(Roles.Applicant);
        var second = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(first);
        var key = browser.Cookie("portal.auth");

        var answer = await browser.SignInAsync(second.UserName);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains($"此浏览器已登录账号“{first.UserName}”，请先退出再登录其他账号。", answer.Text);
        Assert.Contains(first.Name, (await browser.GetAsync("/Cases")).Text);
        Assert.Equal(key, browser.Cookie("portal.auth"));
    }

    [Fact]
    public async Task The_session_table_holds_no_usable_key_only_its_hash()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(applicant);

        var rows = await factory.WithDb(db => db.Sessions.AsNoTracking().Where(s => s.UserId == applicant.Id).ToListAsync());

        var row = Assert.Single(rows);
        Assert.Matches("^[0-9A-F]{64}$", row.Id);
        Assert.DoesNotContain(row.Id, browser.Cookie("portal.auth")!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(row.AbsoluteExpiresAt);
    }

    /// <summary>The action of the page's form that posts to the page handler <paramref name="name"/>.</summary>
    public static string Handler(HttpPage page, string name) =>
        page.Forms.Single(f => f.Action?.Contains($"handler={name}", StringComparison.Ordinal) == true).Action!;

    private static HttpSession Replaying(PortalFactory factory, string cookie)
    {
        var session = new HttpSession(factory);
        session.Cookies.Add(session.Client.BaseAddress!, new Cookie("portal.auth", cookie));
        return session;
    }
}
