using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Promises;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using Portal.Workflow;

namespace Portal.Web.Tests.Promises;

/// <summary>
/// The public 承诺时限清单 (issue 15): office hours as the calendar settings say, borrowed rules marked with their source,
/// an administrator's own limit cited as theirs, and corrected defaults reaching databases created by earlier versions
/// without overwriting what an administrator set.
/// </summary>
public sealed class PromiseTableTests
{
    private static PromiseList.Row Row(PromiseList.Result list, string key) => Assert.Single(list.Rows, r => r.Key == key);

    [Fact]
    public async Task Office_hours_come_from_the_calendar_settings()
    {
        await using var factory = new PortalFactory();
        Assert.Equal("09:00-12:00、13:00-17:00", (await factory.SendAs(null, new PromiseList.Query())).OfficeHours);

        await factory.WithDb(async db =>
        {
            db.Settings.Add(new PortalSetting { Key = CalendarService.OfficeHoursSetting, Value = "08:00-12:00,14:00-18:00" });
            await db.SaveChangesAsync();
            await Revisions.BumpAsync(db, Revisions.Calendar, CancellationToken.None);
            return 0;
        });

        var list = await factory.SendAs(null, new PromiseList.Query());
        Assert.Equal("08:00-12:00、14:00-18:00", list.OfficeHours);
        Assert.Equal("4小时", list.HalfDay);
        using var session = new HttpSession(factory);
        var page = await session.GetAsync("/Promises");
        Assert.Equal("08:00-12:00、14:00-18:00", page.TestId("office-hours"));
        Assert.DoesNotContain("09:00-12:00", page.Text);
    }

    [Fact]
    public async Task Borrowed_rules_are_marked_with_the_place_and_line_they_come_from()
    {
        await using var factory = new PortalFactory();

        var list = await factory.SendAs(null, new PromiseList.Query());

        var power = Row(list, PromiseKeys.PowerResidential);
        Assert.True(power.Borrowed);
        Assert.Equal("004:123（借用聊城市文件（004:123），枣庄市文件未作规定）", power.Source);
        Assert.Equal("002:19（借用枣庄市峄城区文件（002:19），枣庄市文件未作规定）", Row(list, PromiseKeys.WaterConnect).Source);
        Assert.False(Row(list, PromiseKeys.SimpleDeregistrationNotice).Borrowed);
        Assert.Equal("000:93", Row(list, PromiseKeys.SimpleDeregistrationNotice).Source);
        Assert.Equal(PolicyProfiles.PortalDefault, Row(list, PromiseKeys.RatingRectification).Source);
        Assert.Equal("次日", Row(list, PromiseKeys.PowerLowVoltageNoWorks).Limit);
        Assert.Equal("2026年11月24日 24:00", Row(list, PromiseKeys.PowerLowVoltageNoWorks).DueIfNow); // Monday 09:00 → Tuesday ends
        var road = Row(list, PromiseKeys.PowerRoadWorksFiling);
        Assert.True(road.LeadTime);
        Assert.Equal("提前3天", road.Limit);
        Assert.Equal("如今天报请，最早于2026年11月26日开工", road.DueIfNow);
        Assert.Equal("7个工作日", Row(list, PromiseKeys.PowerLowVoltageApproval).Limit);
    }

    [Fact]
    public async Task A_limit_the_administrator_set_is_cited_as_theirs_with_the_default_beside_it()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var row = await factory.WithDb(db => db.PromiseLimits.AsNoTracking().SingleAsync(p => p.ProfileCode == "zaozhuang" && p.Key == PromiseKeys.RatingRectification));

        await factory.SendAs(admin, new EditLimit.Command { Id = row.Id, Amount = 5, Unit = TimeUnit.WorkingDays, Version = row.Version });

        var shown = Row(await factory.SendAs(null, new PromiseList.Query()), PromiseKeys.RatingRectification);
        Assert.Equal("5个工作日", shown.Limit);
        Assert.Equal("管理员设定（默认15个工作日，门户默认值）", shown.Source);
    }

    /// <summary>
    /// A database from an earlier version: 枣庄's rows still say 0.5个工作日 from 002:9 and 003:539 for 差评整改, one row the
    /// administrator edited, and a key no profile ships any more. Starting the new version corrects the defaults, keeps the
    /// administrator's limit (correcting only its wording), removes the obsolete row, and adds the new profile and keys.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Corrected_defaults_reach_an_earlier_database_and_an_administrators_limit_is_kept(Provider provider)
    {
        string connection;
        await using (var earlier = new PortalFactory(provider))
        {
            connection = earlier.ConnectionString;
            await earlier.WithDb(async db =>
            {
                var rows = await db.PromiseLimits.Where(p => p.ProfileCode == "zaozhuang").ToListAsync();
                var total = rows.Single(r => r.Key == PromiseKeys.EstablishmentTotal);
                (total.Amount, total.Unit, total.Source, total.Note, total.DefaultHash) = (1, TimeUnit.HalfWorkingDays, "002:9", "0.5个工作日办结", null);
                var rating = rows.Single(r => r.Key == PromiseKeys.RatingRectification);
                (rating.Amount, rating.Source, rating.Note, rating.UpdatedBy, rating.DefaultHash) = (10, "003:539", "原则上15个工作日内解决", "管理员甲", null);
                var noWorks = rows.Single(r => r.Key == PromiseKeys.PowerLowVoltageNoWorks);
                (noWorks.Unit, noWorks.DefaultHash) = (TimeUnit.WorkingDays, null);
                db.PromiseLimits.RemoveRange(await db.PromiseLimits.Where(p => p.ProfileCode == "yicheng" || p.Key == PromiseKeys.PowerLowVoltageApproval).ToListAsync());
                db.PromiseLimits.Add(new PromiseLimit { ProfileCode = "zaozhuang", Key = "power.obsolete", Service = "获得电力", Step = "旧条目", Amount = 2, Unit = TimeUnit.WorkingDays, Source = "004:123" });
                await db.SaveChangesAsync();
                return 0;
            });
        }

        await using var upgraded = new PortalFactory(provider, connection);
        var list = await upgraded.SendAs(null, new PromiseList.Query());

        var total = Row(list, PromiseKeys.EstablishmentTotal);
        Assert.Equal(("1个工作日", PolicyProfiles.PortalDefault), (total.Limit, total.Source));
        var rating = Row(list, PromiseKeys.RatingRectification);
        Assert.Equal("10个工作日", rating.Limit); // the administrator's limit
        Assert.Equal("管理员设定（默认15个工作日，门户默认值）", rating.Source);
        Assert.DoesNotContain("003:539", rating.Note);
        Assert.Equal("次日", Row(list, PromiseKeys.PowerLowVoltageNoWorks).Limit);
        Assert.Equal(PolicyProfiles.Zaozhuang.Promises.Select(p => p.Key), list.Rows.Select(r => r.Key));
        Assert.Equal(PolicyProfiles.Yicheng.Promises.Count, await upgraded.WithDb(db => db.PromiseLimits.CountAsync(p => p.ProfileCode == "yicheng")));
        Assert.Equal(0, await upgraded.WithDb(db => db.PromiseLimits.CountAsync(p => p.Key == "power.obsolete")));

        // Starting again changes nothing.
        var versions = await upgraded.WithDb(db => db.PromiseLimits.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Version).ToListAsync());
        Assert.False(await upgraded.WithDb(db => ReferenceData.SyncPromisesAsync(db)));
        Assert.Equal(versions, await upgraded.WithDb(db => db.PromiseLimits.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Version).ToListAsync()));
    }
}
