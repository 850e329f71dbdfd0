using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Admin;

/// <summary>Demo accounts and cases exist only where Portal:SeedDemoData is switched on.</summary>
public sealed class DemoDataTests
{
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
        // Seven 企业开办 cases (one of them 李华's), one 简易注销 in its notice period, one 联合报装 with its power and water child cases.
        Assert.Equal(11, cases.Count);
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
        Assert.Equal(11, cases);
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
