using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Connections;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// 报装 ratings: each utility's part of an application is rated under that utility (供电, 供水 …), never the
/// application as a whole under 供电.
/// </summary>
public sealed class ConnectionRatingTests
{
    /// <summary>A joint power + water application, both connected (the parent is then 办结 by the system).</summary>
    private static async Task<(ConnectionWorld World, ConnectionCases Cases)> ConnectedJointAsync(PortalFactory factory, params Utility[] utilities)
    {
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitAsync(ConnectionSteps.Application(utilities.Length == 0 ? [Utility.Power, Utility.Water] : utilities));
        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 11);
        foreach (var (utility, child) in cases.Children)
        {
            await world.RunChildToConnectedAsync(utility, child, "具备接入条件");
        }

        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(cases.Parent)).State);
        return (world, cases);
    }

    /// <summary>
    /// BUG: the parent case of a 报装 application offered 评价受理环节 / 评价办理环节 and stored the rating under the parent's
    /// service, whose department is 供电 — a joint application's (or a water-only application's) ratings all counted
    /// for 供电 in the public statistics.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_joint_application_is_rated_per_utility_each_under_its_own_unit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var (world, cases) = await ConnectedJointAsync(factory);
        var power = cases[Utility.Power];
        var water = cases[Utility.Water];

        // The application's page offers each utility's steps, each on the utility's own case.
        var links = await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = cases.Parent });
        Assert.Equal(
            [
                new CaseRatingLinks.Link(RatingSubject.Acceptance, "评价供电受理环节", $"/Ratings/Case/{power}/Acceptance", false),
                new CaseRatingLinks.Link(RatingSubject.Acceptance, "评价供水受理环节", $"/Ratings/Case/{water}/Acceptance", false),
                new CaseRatingLinks.Link(RatingSubject.Processing, "评价供电办理环节", $"/Ratings/Case/{power}/Processing", false),
                new CaseRatingLinks.Link(RatingSubject.Processing, "评价供水办理环节", $"/Ratings/Case/{water}/Processing", false),
            ],
            links);

        // The application as a whole is not rated (it would land under one unit).
        foreach (var subject in new[] { RatingSubject.Acceptance, RatingSubject.Processing })
        {
            var refused = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(world.Applicant, RatingWorld.CaseRating(cases.Parent, subject, RatingLevel.Dissatisfied, "供水踏勘迟到")));
            Assert.Equal([RatingTargets.ConnectionParentRefusal], refused.Reasons);
        }

        Assert.Equal(0, await factory.WithDb(db => db.Ratings.CountAsync()));

        var powerCode = await factory.SendAs(world.Applicant, RatingWorld.CaseRating(power, RatingSubject.Processing, RatingLevel.VerySatisfied));
        var waterCode = await factory.SendAs(world.Applicant, RatingWorld.CaseRating(water, RatingSubject.Processing, RatingLevel.Dissatisfied, "供水踏勘迟到两小时"));
        var ratings = await factory.WithDb(db => db.Ratings.AsNoTracking().ToDictionaryAsync(r => r.AccessCode));
        Assert.Equal((nameof(Department.Power), ConnectionService.ChildCode(Utility.Power), power), (ratings[powerCode].Unit, ratings[powerCode].ServiceCode, ratings[powerCode].CaseNumber));
        Assert.Equal((nameof(Department.Water), ConnectionService.ChildCode(Utility.Water), water), (ratings[waterCode].Unit, ratings[waterCode].ServiceCode, ratings[waterCode].CaseNumber));
        Assert.Equal(nameof(Department.Water), (await factory.WithDb(db => db.RatingFollowUps.AsNoTracking().SingleAsync())).Unit);

        // The public statistics count each utility under its own unit.
        var statistics = await factory.SendAs(null, new RatingStatistics.Query { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30) });
        var byUnit = statistics.Table(RatingTables.Unit).Data.Rows.ToDictionary(r => (string)r[0]!, r => r[1]);
        Assert.Equal(1, byUnit["供电"]);
        Assert.Equal(1, byUnit["供水"]);

        // The application's links now show what was rated; the applicant opens their ratings from there.
        links = await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = cases.Parent });
        Assert.Contains(new CaseRatingLinks.Link(RatingSubject.Processing, "供电办理环节已评价", $"/Ratings/View/{powerCode}", true), links);
        Assert.Contains(new CaseRatingLinks.Link(RatingSubject.Processing, "供水办理环节已评价", $"/Ratings/View/{waterCode}", true), links);
    }

    [Fact]
    public async Task The_rating_form_of_an_application_says_to_rate_each_utility_and_links_to_them()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var (world, cases) = await ConnectedJointAsync(factory);
        using var session = await new HttpSession(factory).SignedInAsync(world.Applicant);

        var page = await session.GetAsync($"/Ratings/Case/{cases.Parent}/Processing");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(RatingTargets.ConnectionParentRefusal, page.TestId("not-yet"));
        Assert.Contains($"href=\"/Ratings/Case/{cases[Utility.Power]}/Processing\"", page.Body);
        Assert.Contains($"href=\"/Ratings/Case/{cases[Utility.Water]}/Processing\"", page.Body);
        Assert.DoesNotContain("data-testid=\"submit-rating\"", page.Body);

        var child = await session.GetAsync($"/Ratings/Case/{cases[Utility.Water]}/Processing");
        Assert.Equal(HttpStatusCode.OK, child.Status);
        Assert.Contains("data-testid=\"submit-rating\"", child.Body);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_water_only_application_is_rated_under_water(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var (world, cases) = await ConnectedJointAsync(factory, Utility.Water);
        var water = cases[Utility.Water];

        var links = await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = cases.Parent });
        Assert.Equal(["评价供水受理环节", "评价供水办理环节"], links.Select(l => l.Text));

        var code = await factory.SendAs(world.Applicant, RatingWorld.CaseRating(water, RatingSubject.Acceptance, RatingLevel.Satisfied));
        Assert.Equal(nameof(Department.Water), (await factory.WithDb(db => db.Ratings.AsNoTracking().SingleAsync(r => r.AccessCode == code))).Unit);
    }

    /// <summary>
    /// A step of an application that was rated as a whole (before each utility's part was rated on its own) stays rated
    /// once (一事一评): no utility's same step can be rated again, and the application's page shows the rating.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_step_rated_on_the_whole_application_earlier_is_not_rated_again_per_utility(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var (world, cases) = await ConnectedJointAsync(factory);
        var parent = await factory.LoadCaseAsync(cases.Parent);
        var earlier = Rating.Give(
            new Rating.Target(RatingSubject.Acceptance, cases.Parent, null, ConnectionService.ParentCode, RatingScale.JointConnectionUnit, null, null, null),
            RatingWorld.Scores(RatingSubject.Acceptance, RatingLevel.Satisfied),
            null,
            new Rating.Rater(world.Applicant.Id, world.Applicant.Name, null, false),
            "0123456789abcdef01234567",
            Scenario.ChinaUtc(2026, 11, 23, 10));
        await factory.WithDb(async db =>
        {
            db.Ratings.Add(earlier);
            await db.SaveChangesAsync();
            return 0;
        });

        var links = await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = parent.Number });
        Assert.Equal(new CaseRatingLinks.Link(RatingSubject.Acceptance, "受理环节已评价", "/Ratings/View/0123456789abcdef01234567", true), links[0]);
        Assert.DoesNotContain(links, l => l.Subject == RatingSubject.Acceptance && !l.Rated);
        Assert.Contains(links, l => l.Text == "评价供水办理环节");

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(world.Applicant, RatingWorld.CaseRating(cases[Utility.Power], RatingSubject.Acceptance, RatingLevel.Basic)));
        Assert.Equal(["该报装申请的受理环节已经评价过了（一事一评），评价提交后不能更改。"], again.Reasons);
        Assert.Equal(1, await factory.WithDb(db => db.Ratings.CountAsync()));
        Assert.Contains(await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = cases[Utility.Power] }), l => l is { Subject: RatingSubject.Acceptance, Rated: true });
        Assert.Equal("联合报装（多家专营单位）", RatingScale.UnitLabel(RatingScale.JointConnectionUnit));
    }
}
