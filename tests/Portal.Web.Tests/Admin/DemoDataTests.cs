using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Admin;

/// <summary>Demo accounts and cases exist only where Portal:SeedDemoData is switched on.</summary>
public sealed class DemoDataTests
{
    private const int DemoCaseCount = 14;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Demo_cases_follow_the_rules_of_real_cases_numbers_deadlines_and_overdue_marks(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        factory.Settings["Portal:SeedDemoData"] = "true";
        var cases = await factory.WithDb(db => db.Cases.AsNoTracking().Include(c => c.History).ToListAsync());
        var clock = await factory.Service(s => s.GetRequiredService<CalendarService>().GetClockAsync(CancellationToken.None));
        var hours = clock.Calendar.OfficeHours;

        bool InOfficeHours(DateTime utc)
        {
            var local = clock.ToLocal(utc);
            var time = TimeOnly.FromDateTime(local);
            return clock.Calendar.IsWorkingDay(DateOnly.FromDateTime(local)) && hours.Periods.Any(p => time >= p.Start && time <= p.End);
        }

        foreach (var c in cases)
        {
            // A case number carries the local date it was submitted on (QYKB-yyyyMMdd-n).
            Assert.Equal(clock.LocalDate(c.CreatedAt).ToString("yyyyMMdd"), c.Number.Split('-')[1]);
            Assert.Equal(c.CreatedAt, c.History.Min(e => e.At));

            // Deadlines are counted on the calendar: a working day, in office hours (never a Saturday at 07:07).
            if (c.StepDueAt is { } due)
            {
                Assert.True(InOfficeHours(due), $"{c.Number}: deadline {clock.Format(due)} is not in office hours of a working day");
            }

            Assert.All(c.History.Where(e => e.DueAt is not null), e =>
                Assert.True(InOfficeHours(e.DueAt!.Value), $"{c.Number}: {e.ActionLabel} deadline {clock.Format(e.DueAt!.Value)}"));
        }

        // The overdue case was marked by the sweep once its deadline passed, not before.
        var late = Assert.Single(cases, c => c.IsOverdue);
        Assert.Equal(CaseState.Submitted, late.State);
        Assert.True(late.OverdueSince > late.StepDueAt);
        Assert.True(late.OverdueSince - late.StepDueAt < TimeSpan.FromMinutes(1));
        Assert.True(late.CreatedAt < factory.Time.GetUtcNow().UtcDateTime.AddDays(-1));

        // 容缺: a case 办结 whose committed item was never supplied, its commitment date passed.
        var tolerated = Assert.Single(cases, c => c.ToleranceItem is not null);
        Assert.Equal(CaseState.Completed, tolerated.State);
        Assert.Null(tolerated.ToleranceSuppliedAt);
        Assert.True(tolerated.ToleranceDueAt < factory.Time.GetUtcNow().UtcDateTime);

        // An enterprise cancelled by authority, for the void licence page.
        Assert.Single(await factory.WithDb(db => db.Enterprises.Where(e => e.Status == EnterpriseStatus.Cancelled).ToListAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Demo_seeding_creates_every_demo_account_with_its_role_and_demo_cases(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        factory.Settings["Portal:SeedDemoData"] = "true";

        await factory.Service(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            foreach (var account in DemoData.Accounts)
            {
                var user = await users.FindByNameAsync(account.UserName);
                Assert.True(user is not null, $"demo account {account.UserName} is missing");
                Assert.Equal(account.Name, user.FullName);
                Assert.Equal([account.Role], await users.GetRolesAsync(user));
                Assert.True(await users.CheckPasswordAsync(user, DemoData.Password), $"{account.UserName} does not take the demo password");
            }

            return true;
        });

        Assert.Equal(DemoData.Accounts.Count, DemoData.Accounts.Select(a => a.UserName).Distinct().Count());
        Assert.Contains(DemoData.Accounts, a => a.Role == Roles.Window);
        Assert.Contains(DemoData.Accounts, a => a.Role == Roles.Supervisor);
        Assert.Contains(DemoData.Accounts, a => a.Role == Roles.Admin);
        Assert.All(Departments.All, d => Assert.Contains(DemoData.Accounts, a => a.Role == d.ReviewerRole()));

        var cases = await factory.WithDb(db => db.Cases.AsNoTracking().Include(c => c.History).ToListAsync());
        // Nine 企业开办 cases (one of them 李华's, the unverified applicant's), one 简易注销 in its notice period, one 代位注销
        // done, one 联合报装 with its power and water child cases.
        Assert.Equal(DemoCaseCount, cases.Count);
        Assert.Equal(cases.Count, cases.Select(c => c.Number).Distinct().Count());
        Assert.Single(cases, c => c.State == CaseState.NoticePeriod);
        Assert.Single(cases, c => c.State == CaseState.ConnectionsRunning);
        Assert.Equal(2, cases.Count(c => c.State == CaseState.SiteSurvey));
        Assert.Contains(cases, c => c.State == CaseState.Submitted && !c.IsOverdue);
        Assert.Contains(cases, c => c.State == CaseState.InProgress);
        Assert.Contains(cases, c => c.State == CaseState.AwaitingSupplement);
        Assert.Contains(cases, c => c.State == CaseState.Completed);
        Assert.Contains(cases, c => c.IsOverdue && c.History.Any(e => e.Action == "Overdue"));
        Assert.Single(cases, c => c.ApplicantName == "李华" && c.State == CaseState.Completed);
        Assert.All(cases.Where(c => c.ApplicantName != "李华"), c => Assert.Equal("张明", c.ApplicantName));
    }

    /// <summary>
    /// The README's walk: 张明 (13800000001) is verified, by window01 at its window, and is the legal representative of
    /// the demo enterprises; 李华 (13800000002) is not verified and owns an enterprise of her own (she sees its licence
    /// but cannot deregister it until a window verifies her).
    /// </summary>
    [Fact]
    public async Task Demo_applicants_show_both_identity_levels()
    {
        await using var factory = new PortalFactory();
        factory.Settings["Portal:SeedDemoData"] = "true";

        var users = await factory.WithDb(db => db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith("1380000000")).ToDictionaryAsync(u => u.UserName!));
        var clerk = await factory.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == DemoData.VerifyingClerk));

        var zhang = users["13800000001"];
        Assert.Equal(Portal.Domain.Identity.IdentityLevel.VerifiedAtWindow, zhang.Level);
        Assert.Equal(clerk.Id, zhang.VerifiedById);
        Assert.Equal("王芳（A01号窗口）", zhang.VerifiedByName);
        Assert.Equal(Portal.Domain.Identity.IdentityLevel.Unverified, users["13800000002"].Level);
        Assert.True(DemoData.Accounts.Single(a => a.UserName == "13800000001").Verified);
        Assert.False(DemoData.Accounts.Single(a => a.UserName == "13800000002").Verified);
        var lihua = await factory.WithDb(db => db.Enterprises.AsNoTracking().SingleAsync(e => e.OwnerId == users["13800000002"].Id));
        Assert.Equal("李华", lihua.LegalRepresentative);
        Assert.Equal(users["13800000002"].IdNumber, lihua.LegalRepresentativeIdNumber);
        Assert.All(
            await factory.WithDb(db => db.Enterprises.AsNoTracking().Where(e => e.OwnerId == zhang.Id).ToListAsync()),
            e => Assert.Equal((zhang.FullName, zhang.IdNumber), (e.LegalRepresentative, e.LegalRepresentativeIdNumber)));
    }

    [Fact]
    public async Task Restarting_with_demo_seeding_adds_nothing_twice()
    {
        await using var first = new PortalFactory();
        first.Settings["Portal:SeedDemoData"] = "true";
        _ = first.Services;
        await using var second = new PortalFactory(Provider.Sqlite, first.ConnectionString);
        second.Settings["Portal:SeedDemoData"] = "true";
        _ = second.Services;

        var (users, cases) = await second.WithDb(async db => (await db.Users.CountAsync(), await db.Cases.CountAsync()));

        Assert.Equal(DemoData.Accounts.Count, users);
        Assert.Equal(DemoCaseCount, cases);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Default_test_portal_has_every_role_but_no_demo_users_or_cases(Provider provider)
    {
        await using var factory = new PortalFactory(provider);

        await factory.Service(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                Assert.True(await roles.RoleExistsAsync(role), $"role {role} is missing");
            }

            var users = services.GetRequiredService<UserManager<PortalUser>>();
            foreach (var account in DemoData.Accounts)
            {
                Assert.Null(await users.FindByNameAsync(account.UserName));
            }

            return true;
        });

        Assert.Equal(Roles.All.Count, await factory.WithDb(db => db.Roles.CountAsync()));
        Assert.Equal(0, await factory.WithDb(db => db.Users.CountAsync()));
        Assert.Equal(0, await factory.WithDb(db => db.Cases.CountAsync()));
    }
}
