using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;
using Portal.Web.Features.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Identity;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>
/// The security audit log (网络安全法 第二十一条): each listed event is recorded by the real pages; administrators search
/// it; entries cannot be changed or removed through the portal nor (by a trigger) in the database; the retention job
/// removes only what is older than the retention, which cannot be set below 180 days.
/// </summary>
public sealed class AuditLogTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Sign_ins_failures_lockout_and_sign_out_are_recorded(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = new HttpSession(factory);

        await browser.SignInAsync("nobody-here", "Wrong@2026x");
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(applicant.UserName, $"Wrong{i}@2026x");
        }

        factory.Time.Advance(TimeSpan.FromMinutes(16));
        await browser.SignedInAsync(applicant);
        var cases = await browser.GetAsync("/Cases");
        await browser.SubmitAsync(cases, "/Account/Logout");

        var mine = await EventsAsync(factory, applicant.UserName);
        Assert.Equal(
            [SecurityEventType.SignInFailed, SecurityEventType.SignInFailed, SecurityEventType.SignInFailed, SecurityEventType.SignInFailed,
             SecurityEventType.LockedOut, SecurityEventType.SignInSucceeded, SecurityEventType.SignedOut],
            mine.Select(e => e.Type));
        Assert.All(mine, e => Assert.Equal(applicant.Id, e.UserId));
        Assert.All(mine, e => Assert.Null(e.ActorId));
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, mine[^1].OccurredAt);

        // A user name without an account is kept masked (it may be a password typed into the wrong field).
        var unknown = Assert.Single(await factory.WithDb(db => db.SecurityEvents.AsNoTracking().Where(e => e.UserId == null && e.Type == SecurityEventType.SignInFailed).ToListAsync()));
        Assert.Equal("no********e", unknown.UserName);
        Assert.Equal("账号不存在", unknown.Detail);
    }

    [Fact]
    public async Task Second_factor_changes_and_recovery_code_use_are_recorded()
    {
        await using var factory = new PortalFactory();
        var clerk = await factory.CreateUserAsync(Roles.Window, secondFactor: false);
        using var browser = new HttpSession(factory);
        var next = await browser.SubmitAsync("/Account/Login", ("Data.UserName", clerk.UserName), ("Data.Password", HttpSession.DefaultPassword));
        var page = await browser.GetAsync(next.RedirectPath!);
        var key = Authenticator.Normalize(page.TestId("authenticator-key")!);
        var bound = await browser.SubmitAsync(page, null, ("Data.Code", Authenticator.Code(key)));
        var code = (await browser.GetAsync(bound.RedirectPath!)).Html.Texts("[data-testid=recovery-codes] li")[0];
        await browser.SubmitAsync(await browser.GetAsync("/Workbench"), "/Account/Logout");

        var step = await browser.SubmitAsync("/Account/Login", ("Data.UserName", clerk.UserName), ("Data.Password", HttpSession.DefaultPassword));
        await browser.SubmitAsync(await browser.GetAsync(step.RedirectPath!), null, ("Data.Code", "000000x"));
        await browser.SubmitAsync(await browser.GetAsync(step.RedirectPath!), null, ("Data.Code", code));
        var security = await browser.GetAsync("/Account/Security");
        await browser.SubmitAsync(security, SessionTests.Handler(security, "RenewCodes"));
        security = await browser.GetAsync("/Account/Security");
        await browser.SubmitAsync(security, SessionTests.Handler(security, "ResetAuthenticator"));

        var types = (await EventsAsync(factory, clerk.UserName)).Select(e => e.Type).ToList();
        Assert.Equal(
            [SecurityEventType.SignInSucceeded, SecurityEventType.SecondFactorEnrolled, SecurityEventType.SignedOut,
             SecurityEventType.SecondFactorFailed, SecurityEventType.RecoveryCodeUsed, SecurityEventType.SignInSucceeded,
             SecurityEventType.RecoveryCodesRenewed, SecurityEventType.SecondFactorReset],
            types);
        var used = Assert.Single(await EventsAsync(factory, clerk.UserName), e => e.Type == SecurityEventType.RecoveryCodeUsed);
        Assert.Equal("剩余恢复码9个", used.Detail);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Account_changes_by_an_administrator_are_recorded_with_who_did_them(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin, "管理员甲");
        var clerk = await factory.CreateUserAsync(Roles.Window);
        using var browser = await new HttpSession(factory).SignedInAsync(admin);

        async Task Do(string handler, params (string, string)[] fields)
        {
            var page = await browser.GetAsync($"/Admin/Account?id={clerk.Id}");
            var answer = await browser.SubmitAsync(page, SessionTests.Handler(page, handler), fields);
            Assert.True(answer.IsRedirect, answer.ToString());
        }

        await Do("Roles", ("Data.Roles", Roles.Window), ("Data.Roles", Roles.Supervisor));
        await Do("Lock");
        await Do("Unlock");
        await Do("Password", ("Password.NewPassword", "Lanse#Haibin77"), ("Password.ConfirmPassword", "Lanse#Haibin77"));
        await Do("ResetAuthenticator");
        await Do("EndSessions");

        var events = await EventsAsync(factory, clerk.UserName);
        Assert.Equal(
            [SecurityEventType.RolesChanged, SecurityEventType.AccountLocked, SecurityEventType.AccountUnlocked,
             SecurityEventType.PasswordReset, SecurityEventType.SecondFactorReset, SecurityEventType.SessionsEnded],
            events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(admin.Id, e.ActorId));
        Assert.All(events, e => Assert.Equal("管理员甲", e.ActorName));
        Assert.StartsWith("窗口工作人员 → 督查、窗口工作人员", events[0].Detail);
    }

    [Fact]
    public async Task Changing_ones_password_registering_and_registering_again_are_recorded()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using (var browser = await new HttpSession(factory).SignedInAsync(applicant))
        {
            await browser.SubmitAsync("/Account/Password",
                ("Data.CurrentPassword", HttpSession.DefaultPassword), ("Data.NewPassword", "Lanse#Haibin77"), ("Data.ConfirmPassword", "Lanse#Haibin77"));
        }

        var id = ResidentIdNumber.Create("37040219880808123");
        using var visitor = new HttpSession(factory);
        await Register(visitor, id, "13912345601");
        // Registering again with the same mobile (another ID number) creates nobody and is recorded against the account;
        // a second claim on an ID number is a new unverified account, not a duplicate (ADR 0016).
        await Register(visitor, ResidentIdNumber.Create("37040219900909123"), "13912345601");

        Assert.Contains(SecurityEventType.PasswordChanged, (await EventsAsync(factory, applicant.UserName)).Select(e => e.Type));
        var owner = await EventsAsync(factory, "13912345601");
        Assert.Equal([SecurityEventType.AccountCreated, SecurityEventType.RegistrationDuplicate], owner.Select(e => e.Type));
        Assert.Contains("3704**********", owner[1].Detail);
        Assert.Contains("139****5601", owner[1].Detail);
    }

    [Fact]
    public async Task Downloading_a_table_of_staff_figures_is_recorded_as_an_export_of_personal_data()
    {
        await using var factory = new PortalFactory();
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        using var browser = await new HttpSession(factory).SignedInAsync(supervisor);

        using var answer = await browser.Client.GetAsync("/Dashboard?handler=Export&table=staff&format=csv&from=2026-11-01&to=2026-11-23");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var anonymous = new HttpSession(factory);
        using var published = await anonymous.Client.GetAsync("/Ratings?handler=Export&table=service&format=csv");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var export = Assert.Single(await factory.WithDb(db => db.SecurityEvents.AsNoTracking().Where(e => e.Type == SecurityEventType.PersonalDataExported).ToListAsync()));
        Assert.Equal(supervisor.Id, export.UserId);
        Assert.Contains(".csv", export.Detail);
        Assert.Contains("\"Table\":\"staff\"", export.Detail);
    }

    [Fact]
    public async Task Other_features_record_identity_verification_through_the_audit_log_service()
    {
        await using var factory = new PortalFactory();
        var clerk = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        await factory.Service(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().RunAs(clerk.Id, clerk.Name, Roles.Window);
            await sp.GetRequiredService<IAuditLog>().RecordAsync(
                SecurityEventType.IdentityVerified, new AuditSubject(applicant.Id, applicant.UserName), "窗口核验身份证原件 370402199001010011");
            return 0;
        });

        var entry = Assert.Single(await EventsAsync(factory, applicant.UserName));
        Assert.Equal(SecurityEventType.IdentityVerified, entry.Type);
        Assert.Equal(clerk.Id, entry.ActorId);
        Assert.Equal("窗口核验身份证原件 3704**********0011", entry.Detail);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_window_verification_and_an_agent_grant_and_revocation_appear_in_the_administrators_search(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var clerk = await factory.CreateUserAsync(Roles.Window, "王芳");
        var (person, mobile, idNumber) = await world.VerifiedPersonAsync("李四", verified: false);
        var code = world.Enterprise.CreditCode;

        using (var window = await new HttpSession(factory).SignedInAsync(clerk))
        {
            var form = await window.GetAsync($"/Identity/Verify?search={mobile}&account={person.Id}");
            var done = await window.SubmitAsync(form, null, ("Data.FullName", "李四"), ("Data.IdNumber", idNumber), ("Data.CardChecked", "true"));
            Assert.Equal(HttpStatusCode.Redirect, done.Status);
        }

        using (var representative = await new HttpSession(factory).SignedInAsync(world.Representative))
        {
            var granted = await representative.SubmitAsync(await representative.GetAsync($"/Enterprises/{code}/Agents"), null,
                ("Data.AgentMobile", mobile), ("Data.AgentName", "李四"), ("Data.AgentIdNumber", idNumber), ("Data.Services", DeregistrationService.SimpleCode));
            Assert.Equal(HttpStatusCode.Redirect, granted.Status);
            var revoked = await representative.SubmitAsync(await representative.GetAsync($"/Enterprises/{code}"), $"/Enterprises/{code}/Agents?handler=Revoke");
            Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        }

        using var browser = await new HttpSession(factory).SignedInAsync(admin);
        var verified = await browser.GetAsync($"/Admin/Audit?Account={mobile}&Type={nameof(SecurityEventType.IdentityVerified)}");
        Assert.Equal("共 1 条", verified.TestId("audit-count"));
        var row = Assert.Single(verified.Html.TableRows("audit-table")!);
        Assert.Equal(["实名核验", mobile, "王芳"], row.Skip(1).Take(3));
        Assert.Contains(Portal.Domain.Privacy.PersonalData.MaskIdNumber(idNumber), row[5]);
        Assert.DoesNotContain(idNumber, verified.Text);

        var all = await browser.GetAsync($"/Admin/Audit?Account={mobile}");
        Assert.Equal("共 3 条", all.TestId("audit-count"));
        var rows = all.Html.TableRows("audit-table")!;
        Assert.Equal(["撤销经办人授权", "授权经办人", "实名核验"], rows.Select(r => r[1]));
        Assert.All(rows.Take(2), r => Assert.Equal(world.Representative.Name, r[3]));
        Assert.Contains(world.Enterprise.Name, rows[1][5]);
        Assert.Contains("简易注销", rows[1][5]);
        var grants = await browser.GetAsync($"/Admin/Audit?Type={nameof(SecurityEventType.AgentGranted)}");
        Assert.Equal(mobile, Assert.Single(grants.Html.TableRows("audit-table")!)[2]);
    }

    [Fact]
    public async Task Administrators_search_the_log_by_event_account_and_period_and_others_cannot_open_it()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using (var browser = new HttpSession(factory))
        {
            await browser.SignInAsync(applicant.UserName, "Wrong@2026x");
            factory.Time.Advance(TimeSpan.FromDays(2));
            await browser.SignInAsync(applicant.UserName, "Wrong@2026y");
            await browser.SignedInAsync(applicant);
        }

        using var adminBrowser = await new HttpSession(factory).SignedInAsync(admin);
        var all = await adminBrowser.GetAsync($"/Admin/Audit?Account={applicant.UserName}");
        Assert.Equal("共 3 条", all.TestId("audit-count"));
        var failed = await adminBrowser.GetAsync($"/Admin/Audit?Account={applicant.UserName}&Type=SignInFailed");
        Assert.Equal("共 2 条", failed.TestId("audit-count"));
        var rows = failed.Html.TableRows("audit-table")!;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("登录失败", r[1]));
        Assert.All(rows, r => Assert.Equal(applicant.UserName, r[2]));
        var day = factory.Time.GetUtcNow().AddHours(8).ToString("yyyy-MM-dd");
        var today = await adminBrowser.GetAsync($"/Admin/Audit?Account={applicant.UserName}&From={day}&To={day}");
        Assert.Equal("共 2 条", today.TestId("audit-count"));
        var inverted = await adminBrowser.GetAsync($"/Admin/Audit?From=2026-11-25&To=2026-11-01");
        Assert.Contains("结束日期不能早于开始日期。", inverted.Text);

        using var supervisorBrowser = await new HttpSession(factory).SignedInAsync(supervisor);
        var refused = await supervisorBrowser.GetAsync("/Admin/Audit");
        Assert.StartsWith("/Account/AccessDenied", refused.RedirectPath);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(supervisor, new Portal.Web.Features.Admin.AuditSearch.Query()));
    }

    [Fact]
    public async Task The_search_pages_through_many_entries_newest_first()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        await factory.WithDb(async db =>
        {
            var start = factory.Time.GetUtcNow().UtcDateTime.AddHours(-1);
            for (var i = 0; i < 120; i++)
            {
                db.SecurityEvents.Add(new SecurityEvent { OccurredAt = start.AddSeconds(i), Type = SecurityEventType.SignInFailed, UserName = "paging" + i.ToString("D3") });
            }

            return await db.SaveChangesAsync();
        });
        using var browser = await new HttpSession(factory).SignedInAsync(admin);

        var first = await browser.GetAsync("/Admin/Audit?Account=paging");
        var third = await browser.GetAsync("/Admin/Audit?Account=paging&PageNumber=3");

        Assert.Equal("共 120 条", first.TestId("audit-count"));
        Assert.Equal("paging119", first.Html.TableRows("audit-table")![0][2]);
        Assert.Equal(50, first.Html.TableRows("audit-table")!.Count);
        Assert.Equal(20, third.Html.TableRows("audit-table")!.Count);
        Assert.Equal("paging000", third.Html.TableRows("audit-table")![^1][2]);
    }

    [Fact]
    public async Task The_portal_refuses_to_change_or_remove_an_entry()
    {
        await using var factory = new PortalFactory();
        var id = await AddAsync(factory, factory.Time.GetUtcNow().UtcDateTime);

        await factory.WithDb(async db =>
        {
            var entry = await db.SecurityEvents.SingleAsync(e => e.Id == id);
            entry.Detail = "改写";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.SecurityEvents.Remove(await db.SecurityEvents.SingleAsync(e => e.Id == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });

        Assert.Equal("原始", await factory.WithDb(db => db.SecurityEvents.Where(e => e.Id == id).Select(e => e.Detail).SingleAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_database_refuses_updates_and_deletes_of_entries_younger_than_180_days(Provider provider)
    {
        await using var factory = new PortalFactory(provider);

        // The trigger reads the database's own clock, so the entries are dated by the real clock here.
        var recent = await AddAsync(factory, DateTime.UtcNow);
        var old = await AddAsync(factory, DateTime.UtcNow.AddDays(-200));

        await factory.WithDb(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.SecurityEvents.Where(e => e.Id == recent).ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, "改写")));
            await Assert.ThrowsAnyAsync<Exception>(() => db.SecurityEvents.Where(e => e.Id == old).ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, "改写")));
            await Assert.ThrowsAnyAsync<Exception>(() => db.SecurityEvents.Where(e => e.Id == recent).ExecuteDeleteAsync());
            Assert.Equal(1, await db.SecurityEvents.Where(e => e.Id == old).ExecuteDeleteAsync());
            return 0;
        });

        Assert.Equal(["原始"], await factory.WithDb(db => db.SecurityEvents.Select(e => e.Detail).ToListAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_retention_job_removes_only_entries_older_than_the_retention_and_ended_sessions(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        factory.Settings["Portal:Audit:RetentionDays"] = "190";
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var kept = await AddAsync(factory, now.AddDays(-189));
        await AddAsync(factory, now.AddDays(-191));
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(applicant);
        using var idle = await new HttpSession(factory).SignedInAsync(applicant);
        factory.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).Status);
        factory.Time.Advance(TimeSpan.FromMinutes(10));

        var (entries, sessions) = await factory.Services.GetRequiredService<SecurityHousekeeping>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, entries);
        Assert.Equal(1, sessions);
        Assert.Contains(kept, await factory.WithDb(db => db.SecurityEvents.Select(e => e.Id).ToListAsync()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).Status);
    }

    [Theory]
    [InlineData("179")]
    [InlineData("0")]
    public void A_retention_shorter_than_180_days_stops_the_portal_at_start(string days)
    {
        using var factory = new PortalFactory();
        factory.Settings["Portal:Audit:RetentionDays"] = days;

        var refused = Record.Exception(() => factory.Services);

        Assert.NotNull(refused);
        var messages = new List<string>();
        for (var e = refused; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        Assert.Contains(messages, m => m.Contains(AuditOptions.TooShort, StringComparison.Ordinal));
    }

    private static Task<List<SecurityEvent>> EventsAsync(PortalFactory factory, string userName) =>
        factory.WithDb(db => db.SecurityEvents.AsNoTracking().Where(e => e.UserName == userName).OrderBy(e => e.Id).ToListAsync());

    private static Task<long> AddAsync(PortalFactory factory, DateTime at) =>
        factory.WithDb(async db =>
        {
            var entry = new SecurityEvent { OccurredAt = at, Type = SecurityEventType.SignInFailed, UserName = "tester", Detail = "原始" };
            db.SecurityEvents.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

    private static Task<HttpPage> Register(HttpSession browser, string id, string mobile) =>
        browser.SubmitAsync("/Account/Register",
            ("Data.FullName", "孙七"), ("Data.IdNumber", id), ("Data.Mobile", mobile), ("Data.Kind", nameof(UserKind.Citizen)),
            ("Data.EnterpriseName", ""), ("Data.Password", HttpSession.DefaultPassword), ("Data.ConfirmPassword", HttpSession.DefaultPassword));
}
