using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Connections;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Web.Features.Connections;
using Portal.Web.Tests.Connections;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// The data migration JointConnectionRatings: ratings of a whole 报装 application stored (wrongly) under 供电 move to
/// the application's one utility, or to 联合报装（多家专营单位） when it had several; their follow-ups follow; nothing else
/// of the rating changes, and no other rating is touched.
/// </summary>
public sealed class ConnectionRatingMigrationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Application_ratings_stored_under_power_are_reattributed_to_their_utility_or_to_the_joint_unit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var waterOnly = await world.SubmitAsync(ConnectionSteps.Application(Utility.Water));
        var joint = await world.SubmitAsync(ConnectionSteps.Application(Utility.Gas, Utility.Water));
        var powerOnly = await world.SubmitAsync(ConnectionSteps.Application(Utility.Power));

        // As the portal stored them before the fix: the application as a whole, under the parent's department (供电);
        // the joint one a 差评 with its follow-up. And a utility's own rating, which must not move.
        Rating Earlier(string number, RatingLevel level, string code) => Rating.Give(
            new Rating.Target(RatingSubject.Acceptance, number, null, ConnectionService.ParentCode, "Power", null, null, null),
            RatingWorld.Scores(RatingSubject.Acceptance, level),
            level.IsBad() ? "踏勘一拖再拖" : null,
            new Rating.Rater(world.Applicant.Id, world.Applicant.Name, null, false),
            code,
            Scenario.ChinaUtc(2026, 11, 23, 10));
        var ratings = new[]
        {
            Earlier(waterOnly.Parent, RatingLevel.Satisfied, "aaaaaaaaaaaaaaaaaaaaaaaa"),
            Earlier(joint.Parent, RatingLevel.VeryDissatisfied, "bbbbbbbbbbbbbbbbbbbbbbbb"),
            Earlier(powerOnly.Parent, RatingLevel.Basic, "cccccccccccccccccccccccc"),
            Rating.Give(
                new Rating.Target(RatingSubject.Acceptance, joint[Utility.Gas], null, ConnectionService.ChildCode(Utility.Gas), "Gas", null, world.Gas.Id, world.Gas.Name),
                RatingWorld.Scores(RatingSubject.Acceptance, RatingLevel.VerySatisfied),
                null,
                new Rating.Rater(world.Applicant.Id, world.Applicant.Name, null, true),
                "dddddddddddddddddddddddd",
                Scenario.ChinaUtc(2026, 11, 23, 10)),
        };
        var clock = await factory.Service(services => services.GetRequiredService<CalendarService>().GetClockAsync(CancellationToken.None));
        await factory.WithDb(async db =>
        {
            db.Ratings.AddRange(ratings);
            db.RatingFollowUps.Add(RatingFollowUp.Open(ratings[1], clock, new Portal.Workflow.TimeLimit(15, Portal.Workflow.TimeUnit.WorkingDays), Scenario.ChinaUtc(2026, 11, 23, 10)));
            await db.SaveChangesAsync();
            return 0;
        });
        var before = await factory.WithDb(db => db.Ratings.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

        // Down to the migration before the fix (every application rating under 供电 again), then up: the fix runs.
        await factory.WithDb(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("DataProtectionKeys");
            Assert.Equal(3, await db.Ratings.CountAsync(r => r.Unit == "Power"));
            await migrator.MigrateAsync();
            return 0;
        });

        var after = await factory.WithDb(db => db.Ratings.AsNoTracking().ToDictionaryAsync(r => r.AccessCode));
        Assert.Equal("Water", after["aaaaaaaaaaaaaaaaaaaaaaaa"].Unit);
        Assert.Equal(RatingScale.JointConnectionUnit, after["bbbbbbbbbbbbbbbbbbbbbbbb"].Unit);
        Assert.Equal("Power", after["cccccccccccccccccccccccc"].Unit);
        Assert.Equal("Gas", after["dddddddddddddddddddddddd"].Unit);
        Assert.Equal(RatingScale.JointConnectionUnit, (await factory.WithDb(db => db.RatingFollowUps.AsNoTracking().SingleAsync())).Unit);

        // Only the unit moved: everything the rater gave is as it was.
        foreach (var old in before)
        {
            var now = after[old.AccessCode];
            Assert.Equal(
                (old.SubjectKey, old.ServiceCode, old.CaseNumber, old.Level, old.Scores, old.Comment, old.Anonymous, old.RaterId, old.CreatedAt),
                (now.SubjectKey, now.ServiceCode, now.CaseNumber, now.Level, now.Scores, now.Comment, now.Anonymous, now.RaterId, now.CreatedAt));
        }

        Assert.Equal("联合报装（多家专营单位）", RatingScale.UnitLabel(after["bbbbbbbbbbbbbbbbbbbbbbbb"].Unit));
    }
}
