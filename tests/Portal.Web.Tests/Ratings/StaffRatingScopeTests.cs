using System.Net;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Features.Hall;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Hall;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// 我收到的评价 (/Ratings/Staff) for every role. BUG: every window clerk saw every visit's rating, those of the other
/// windows included (the hall was treated as one unit), and could appeal them. Now a clerk sees (and appeals) only their
/// own; a reviewer their own and their department's; supervisors and administrators all; applicants and the public none.
/// </summary>
public sealed class StaffRatingScopeTests
{
    private sealed record Scene(RatingWorld World, TestUser OtherClerk, TestUser Tax, string A01Case, string A02Case, string A01Visit, string A02Visit);

    /// <summary>
    /// A01 (the world's clerk) accepted one case and served one visit; A02 the same. The applicant rated all four steps'
    /// 受理 and both visits were rated by their visitors.
    /// </summary>
    private static async Task<Scene> SceneAsync(PortalFactory factory)
    {
        var world = await RatingWorld.CreateAsync(factory);
        var a02 = await factory.CreateWindowAsync("A02");
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");

        var a01Case = await world.AcceptedCaseAsync(window: world.Clerk);
        var a02Case = await world.AcceptedCaseAsync(window: a02);
        await world.RateCaseAsync(a01Case, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "A01受理慢");
        await world.RateCaseAsync(a02Case, RatingSubject.Acceptance, RatingLevel.Dissatisfied, "A02受理慢");

        var a01Ticket = await world.DoneTicketAsync();
        var a02Ticket = await factory.TakeAsync();
        await factory.CallNextAsync(a02);
        await factory.ActAsync(a02, WindowAct.Action.Serve);
        await factory.ActAsync(a02, WindowAct.Action.Finish);
        await factory.SendAs(null, RatingWorld.VisitRating(a01Ticket, RatingLevel.VeryDissatisfied, "A01态度差"));
        await factory.SendAs(null, RatingWorld.VisitRating(a02Ticket, RatingLevel.VeryDissatisfied, "A02态度差"));
        return new Scene(world, a02, tax, a01Case, a02Case, "A01态度差", "A02态度差");
    }

    private static async Task<List<string?>> CommentsSeenByAsync(PortalFactory factory, TestUser user) =>
        (await factory.SendAs(user, new StaffRatings.Query())).Rows.Select(r => r.Comment).Order().ToList();

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Each_role_sees_the_ratings_that_are_its_own(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var s = await SceneAsync(factory);
        var world = s.World;

        // Window clerks: their own 受理 and their own visit, nothing of the other window.
        Assert.Equal(["A01受理慢", "A01态度差"], await CommentsSeenByAsync(factory, world.Clerk));
        Assert.Equal(["A02受理慢", "A02态度差"], await CommentsSeenByAsync(factory, s.OtherClerk));
        Assert.All((await factory.SendAs(world.Clerk, new StaffRatings.Query())).Rows, r => Assert.True(r.Mine));

        // The market department's reviewer: both 企业开办 cases are its department's services (not the visits).
        Assert.Equal(["A01受理慢", "A02受理慢"], await CommentsSeenByAsync(factory, world.Market));
        // Another department's reviewer: nothing.
        Assert.Empty(await CommentsSeenByAsync(factory, s.Tax));

        // Supervisors and administrators oversee every unit: all four.
        var all = new List<string?> { "A01受理慢", "A01态度差", "A02受理慢", "A02态度差" };
        Assert.Equal(all, await CommentsSeenByAsync(factory, world.Supervisor));
        Assert.Equal(all, await CommentsSeenByAsync(factory, world.OtherSupervisor));
        Assert.Equal(all, await CommentsSeenByAsync(factory, world.Admin));
        Assert.True((await factory.SendAs(world.Supervisor, new StaffRatings.Query())).All);
        Assert.False((await factory.SendAs(world.Clerk, new StaffRatings.Query())).All);

        // Applicants and the public are refused.
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Applicant, new StaffRatings.Query()));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new StaffRatings.Query()));
    }

    [Fact]
    public async Task A_clerk_cannot_appeal_another_windows_rating_and_a_supervisor_appeals_none_that_is_not_theirs()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var s = await SceneAsync(factory);
        var world = s.World;
        var ratings = await world.RatingsAsync();
        var a02Visit = ratings.Single(r => r.Comment == s.A02Visit);
        var a01Visit = ratings.Single(r => r.Comment == s.A01Visit);

        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Clerk, new FileAppeal.Command { RatingId = a02Visit.Id, Reason = "恶意评价" }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Supervisor, new FileAppeal.Command { RatingId = a02Visit.Id, Reason = "恶意评价" }));
        Assert.All((await factory.SendAs(world.Supervisor, new StaffRatings.Query())).Rows, r => Assert.False(r.MayAppeal));

        await factory.SendAs(s.OtherClerk, new FileAppeal.Command { RatingId = a02Visit.Id, Reason = "当日未接待该号" });
        await factory.SendAs(world.Clerk, new FileAppeal.Command { RatingId = a01Visit.Id, Reason = "当日未接待该号" });
    }

    [Fact]
    public async Task The_staff_page_shows_a_clerk_only_their_own_and_a_supervisor_everything()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var s = await SceneAsync(factory);

        using var clerk = await new HttpSession(factory).SignedInAsync(s.World.Clerk);
        var mine = await clerk.GetAsync("/Ratings/Staff");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Contains("A01态度差", mine.Text);
        Assert.DoesNotContain("A02", mine.TestId("staff-ratings"));

        using var supervisor = await new HttpSession(factory).SignedInAsync(s.World.Supervisor);
        var all = await supervisor.GetAsync("/Ratings/Staff");
        Assert.Contains("A02态度差", all.Text);
        Assert.Contains("全部评价", all.TestId("staff-ratings-scope"));
        // Never the rater, for anyone.
        Assert.DoesNotContain(RatingWorld.VisitorName, all.Text);
        Assert.DoesNotContain(RatingWorld.RaterName, all.Text);
        Assert.DoesNotContain(RatingWorld.VisitorPhone, all.Text);
    }
}
