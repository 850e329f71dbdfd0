using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Promises;
using Portal.Web.Tests.Support;
using Portal.Workflow;

namespace Portal.Web.Tests.Admin;

/// <summary>The administrator switches the policy profile and edits its limits; deadlines already stored are kept.</summary>
public sealed class ProfileTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Switching_to_Taian_shows_the_Taian_promise_table(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        Assert.Equal(PolicyProfiles.Zaozhuang.Name, (await factory.SendAs(null, new PromiseList.Query())).ProfileName);

        await factory.SendAs(admin, new SwitchProfile.Command { Profile = "taian" });

        var list = await factory.SendAs(null, new PromiseList.Query());
        Assert.Equal("泰安市（“1545”企业开办）", list.ProfileName);
        Assert.Equal("003:9", Row(list, PromiseKeys.EstablishmentGeneral).Source);
        Assert.Equal("4个工作小时", Row(list, PromiseKeys.EstablishmentTotal).Limit);
        Assert.Equal("003:9", Row(list, PromiseKeys.EstablishmentTotal).Source);
        Assert.Equal("2个工作小时", Row(list, PromiseKeys.EstablishmentGeneral).Limit);
        Assert.Equal(PolicyProfiles.Taian.Promises.Count, list.Rows.Count);
        Assert.Equal("taian", await factory.WithDb(db => db.Settings.AsNoTracking().Where(s => s.Key == "profile.active").Select(s => s.Value).SingleAsync()));
    }

    [Fact]
    public async Task Switching_to_an_unknown_profile_is_refused_in_Chinese()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(admin, new SwitchProfile.Command { Profile = "jinan" }));

        Assert.Equal("请选择一个已有的政策配置。", Assert.Single(refused.Errors).Message);
        Assert.Equal(PolicyProfiles.Zaozhuang.Name, (await factory.SendAs(null, new PromiseList.Query())).ProfileName);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Edited_limit_applies_to_steps_started_afterwards_and_stored_deadlines_are_kept(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var before = await factory.SubmitCaseAsync(applicant, "修改时限前提交"); // Mon 09:00 + 1 working day, whole process = Tue 17:00
        await factory.ActNowAsync(window, before, CaseTrigger.Accept);

        var row = await TotalRowAsync(factory);
        await factory.SendAs(admin, new EditLimit.Command { Id = row.Id, Amount = 2, Unit = TimeUnit.OfficeHours, Version = row.Version });
        factory.Time.SetChina(2026, 11, 23, 10);
        var after = await factory.SubmitCaseAsync(applicant, "修改时限后提交"); // Mon 10:00 + 2h = Mon 12:00
        await factory.ActNowAsync(window, after, CaseTrigger.Accept);

        var edited = await TotalRowAsync(factory);
        Assert.Equal((2, TimeUnit.OfficeHours, row.Version + 1), (edited.Amount, edited.Unit, edited.Version));
        Assert.Equal(admin.Name, edited.UpdatedBy);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), edited.UpdatedAt);
        Assert.Equal("2个工作小时", Row(await factory.SendAs(null, new PromiseList.Query()), PromiseKeys.EstablishmentTotal).Limit);

        var late = await factory.LoadCaseAsync(after);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 12), late.StepDueAt);
        Assert.Equal(120, late.StepLimitMinutes);
        Assert.Equal("2个工作小时", late.StepLimitText);

        var early = await factory.LoadCaseAsync(before);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 17), early.StepDueAt);
        Assert.Equal(2 * 420, early.StepLimitMinutes);
        Assert.Equal("1个工作日", early.StepLimitText);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Limit_of_zero_is_refused_in_Chinese(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var row = await TotalRowAsync(factory);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(admin, new EditLimit.Command { Id = row.Id, Amount = 0, Unit = TimeUnit.OfficeHours, Version = row.Version }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(EditLimit.Command.Amount), error.Field);
        Assert.Equal("时限数值应在1到3650之间。", error.Message);
        var unchanged = await TotalRowAsync(factory);
        Assert.Equal((1, TimeUnit.WorkingDays, row.Version), (unchanged.Amount, unchanged.Unit, unchanged.Version));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Editing_a_limit_from_a_stale_page_is_a_conflict(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var first = await factory.CreateUserAsync(Roles.Admin);
        var second = await factory.CreateUserAsync(Roles.Admin);
        var shown = await TotalRowAsync(factory);
        await factory.SendAs(first, new EditLimit.Command { Id = shown.Id, Amount = 3, Unit = TimeUnit.OfficeHours, Version = shown.Version });

        await Assert.ThrowsAsync<ConflictException>(() =>
            factory.SendAs(second, new EditLimit.Command { Id = shown.Id, Amount = 1, Unit = TimeUnit.WorkingDays, Version = shown.Version }));

        var stored = await TotalRowAsync(factory);
        Assert.Equal((3, TimeUnit.OfficeHours, shown.Version + 1), (stored.Amount, stored.Unit, stored.Version));
        Assert.Equal(first.Name, stored.UpdatedBy);
        Assert.Equal("3个工作小时", Row(await factory.SendAs(null, new PromiseList.Query()), PromiseKeys.EstablishmentTotal).Limit);
    }

    /// <summary>
    /// EditLimit's handler empties the promise cache before TransactionBehavior commits. Anyone reading the promise
    /// table in between (the public 承诺时限清单, or a clerk accepting a case) caches the old limit, and every case
    /// accepted afterwards gets the old deadline. The test holds the request's transaction open (TransactionBehavior
    /// joins it) so the read happens in exactly that window.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Promise_table_read_while_a_limit_is_being_committed_does_not_keep_the_old_limit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var row = await TotalRowAsync(factory);

        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(admin.Id, admin.Name, admin.Roles);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new EditLimit.Command { Id = row.Id, Amount = 2, Unit = TimeUnit.OfficeHours, Version = row.Version });

            var during = await factory.SendAs(null, new PromiseList.Query());
            Assert.Equal("1个工作日", Row(during, PromiseKeys.EstablishmentTotal).Limit); // not committed yet
            await transaction.CommitAsync();
        }

        Assert.Equal(2, (await TotalRowAsync(factory)).Amount);
        Assert.Equal("2个工作小时", Row(await factory.SendAs(null, new PromiseList.Query()), PromiseKeys.EstablishmentTotal).Limit);
        var number = await factory.SubmitCaseAsync(applicant); // the whole-process clock starts at submission
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 11), (await factory.LoadCaseAsync(number)).StepDueAt);
    }

    private static PromiseList.Row Row(PromiseList.Result list, string key) => Assert.Single(list.Rows, r => r.Key == key);

    private static Task<PromiseLimit> TotalRowAsync(PortalFactory factory) =>
        factory.WithDb(db => db.PromiseLimits.AsNoTracking().SingleAsync(p => p.ProfileCode == "zaozhuang" && p.Key == PromiseKeys.EstablishmentTotal));
}
