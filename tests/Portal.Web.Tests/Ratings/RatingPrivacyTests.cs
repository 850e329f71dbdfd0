using System.Net;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// Rater identity is never shown to the rated staff (SPEC 2.4): the rater's distinctive name and mobile are looked for
/// in every page the clerk, the department's reviewer and the supervisors open; the supervisor's follow-up page shows
/// them only for a real-name 差评 (for 回访).
/// </summary>
public sealed class RatingPrivacyTests
{
    /// <summary>Typed into the on-site form of an anonymous rating: must not even be stored.</summary>
    private const string AnonymousTypedName = "令狐冲匿名";

    private const string AnonymousTypedPhone = "13511112222";

    private static readonly string[] Everything =
    [
        RatingWorld.RaterName, RatingWorld.RaterPhone, "139****5678", "1391234",
        RatingWorld.VisitorName, RatingWorld.VisitorPhone, "136****5432", "1369876",
        AnonymousTypedName, AnonymousTypedPhone,
    ];

    /// <summary>Everything except the applicant's own name, which their own case page legitimately shows its staff.</summary>
    private static readonly string[] ExceptApplicantName = Everything.Where(s => s != RatingWorld.RaterName).ToArray();

    private sealed record Seeded(RatingWorld World, string Number, string AcceptanceCode, string ProcessingCode, string VisitCode, string AnonymousVisitCode);

    private static async Task<Seeded> SeedAsync(PortalFactory factory)
    {
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var acceptance = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "评论甲：受理窗口态度差");
        var processing = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.Dissatisfied, "评论乙：办结太慢", anonymous: true);
        var visit = await factory.SendAs(null, RatingWorld.VisitRating(await world.DoneTicketAsync(), RatingLevel.VeryDissatisfied, "评论丙：窗口人员玩手机"));
        var anonymousVisit = await factory.SendAs(null, RatingWorld.VisitRating(await world.DoneTicketAsync(), RatingLevel.VeryDissatisfied, "评论丁：叫号太乱", anonymous: true, name: AnonymousTypedName, phone: AnonymousTypedPhone));
        return new Seeded(world, number, acceptance, processing, visit, anonymousVisit);
    }

    private static void AssertNone(HttpPage page, IEnumerable<string> secrets)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var secret in secrets)
        {
            Assert.False(page.Text.Contains(secret, StringComparison.Ordinal), $"{page.Url} shows “{secret}”");
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_rated_clerk_and_the_departments_reviewer_never_see_who_rated_them(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var s = await SeedAsync(factory);
        var world = s.World;

        using (var clerk = await new HttpSession(factory).SignedInAsync(world.Clerk))
        {
            var staff = await clerk.GetAsync("/Ratings/Staff");
            AssertNone(staff, Everything);
            // The clerk sees all four ratings of their work — level, content, time — and the appeal form.
            Assert.Contains("评论甲：受理窗口态度差", staff.Text);
            Assert.Contains("评论乙：办结太慢", staff.Text);
            Assert.Contains("评论丙：窗口人员玩手机", staff.Text);
            Assert.Contains("评论丁：叫号太乱", staff.Text);

            AssertNone(await clerk.GetAsync("/Workbench"), Everything);
            AssertNone(await clerk.GetAsync("/Messages"), Everything);
            AssertNone(await clerk.GetAsync("/Hall/Window"), Everything);
            var casePage = await clerk.GetAsync($"/Cases/{s.Number}");
            AssertNone(casePage, ExceptApplicantName);
            // Nothing on the case page ties the rating to the case for staff.
            Assert.DoesNotContain("rating-links", casePage.Body);
            Assert.DoesNotContain("评论甲", casePage.Text);
            Assert.DoesNotContain("评论乙", casePage.Text);
        }

        using (var market = await new HttpSession(factory).SignedInAsync(world.Market))
        {
            var staff = await market.GetAsync("/Ratings/Staff");
            AssertNone(staff, Everything);
            Assert.Contains("评论甲：受理窗口态度差", staff.Text);
            Assert.Contains("评论乙：办结太慢", staff.Text);
            // Visits belong to the hall's windows, not to 市场监管.
            Assert.DoesNotContain("评论丙", staff.Text);
            AssertNone(await market.GetAsync("/Workbench"), Everything);
            AssertNone(await market.GetAsync($"/Cases/{s.Number}"), ExceptApplicantName);
        }

        var rows = (await factory.SendAs(world.Clerk, new StaffRatings.Query())).Rows;
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.True(r.Mine));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supervisors_see_the_raters_contact_only_on_the_follow_up_of_a_real_name_bad_rating(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var s = await SeedAsync(factory);
        var world = s.World;
        var acceptance = await world.FollowUpOfAsync(s.AcceptanceCode);
        var processing = await world.FollowUpOfAsync(s.ProcessingCode);
        var visit = await world.FollowUpOfAsync(s.VisitCode);
        var anonymousVisit = await world.FollowUpOfAsync(s.AnonymousVisitCode);
        Assert.Null(anonymousVisit.Rating.RaterName);
        Assert.Null(anonymousVisit.Rating.RaterPhone);

        using var supervisor = await new HttpSession(factory).SignedInAsync(world.Supervisor);
        var list = await supervisor.GetAsync("/Ratings/FollowUps");
        AssertNone(list, Everything);
        Assert.Contains("实名", list.Text);
        Assert.Contains("匿名", list.Text);
        AssertNone(await supervisor.GetAsync("/Messages"), Everything);
        var workbench = await supervisor.GetAsync("/Workbench");
        AssertNone(workbench, Everything);
        Assert.Contains($"/Ratings/FollowUps/{acceptance.Id}", workbench.Body);
        AssertNone(await supervisor.GetAsync("/Supervision"), ExceptApplicantName);

        var realName = await supervisor.GetAsync($"/Ratings/FollowUps/{acceptance.Id}");
        Assert.Equal(HttpStatusCode.OK, realName.Status);
        Assert.Equal($"{RatingWorld.RaterName} {RatingWorld.RaterPhone}（实名，仅用于回访，勿告知被评价人员）", realName.TestId("rater"));
        AssertNone(realName, Everything.Except([RatingWorld.RaterName, RatingWorld.RaterPhone, "1391234"]));

        var realNameVisit = await supervisor.GetAsync($"/Ratings/FollowUps/{visit.Id}");
        Assert.Equal($"{RatingWorld.VisitorName} {RatingWorld.VisitorPhone}（实名，仅用于回访，勿告知被评价人员）", realNameVisit.TestId("rater"));
        AssertNone(realNameVisit, Everything.Except([RatingWorld.VisitorName, RatingWorld.VisitorPhone, "1369876"]));

        foreach (var id in new[] { processing.Id, anonymousVisit.Id })
        {
            var anonymous = await supervisor.GetAsync($"/Ratings/FollowUps/{id}");
            Assert.Equal("匿名评价", anonymous.TestId("rater"));
            AssertNone(anonymous, Everything);
        }

        // The administrator may read the list and the pages but gets no contact either.
        using var admin = await new HttpSession(factory).SignedInAsync(world.Admin);
        AssertNone(await admin.GetAsync("/Ratings/FollowUps"), Everything);
        var adminPage = await admin.GetAsync($"/Ratings/FollowUps/{acceptance.Id}");
        AssertNone(adminPage, Everything);
        Assert.Equal("实名评价（联系方式仅督查回访可见）", adminPage.TestId("rater"));
    }

    [Fact]
    public async Task The_raters_own_page_shows_the_rating_without_the_staff_member_or_the_raters_contact()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var s = await SeedAsync(factory);
        using var anonymous = new HttpSession(factory);

        var page = await anonymous.GetAsync($"/Ratings/View/{s.VisitCode}");

        AssertNone(page, Everything);
        Assert.Contains("评论丙：窗口人员玩手机", page.Text);
        Assert.Contains("（实名）", page.Text);
        Assert.DoesNotContain(s.World.Clerk.Name, page.Text);
    }

    /// <summary>
    /// BUG: the follow-up page is open to every supervisor, including the very staff member who was rated (a window clerk
    /// who is also a supervisor). They see the real-name rater's name and mobile (“勿告知被评价人员”) and can work —
    /// e.g. find 不属实 — the follow-up of their own 差评. SPEC 2.4: rater identity is never shown to the rated staff.
    /// </summary>
    [Fact]
    public async Task A_rated_clerk_who_is_also_a_supervisor_never_sees_the_rater_of_their_own_bad_rating()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var clerkSupervisor = await factory.CreateUserWithAsync("窗口兼督查", null, "A02", Roles.Window, Roles.Supervisor);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync(window: clerkSupervisor);
        var code = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "受理时训斥申请人");
        var followUp = await world.FollowUpOfAsync(code);
        Assert.Equal(clerkSupervisor.Id, followUp.Rating.StaffId);

        using var session = await new HttpSession(factory).SignedInAsync(clerkSupervisor);
        var page = await session.GetAsync($"/Ratings/FollowUps/{followUp.Id}");

        Assert.True(
            page.Status != HttpStatusCode.OK || !(page.Text.Contains(RatingWorld.RaterName, StringComparison.Ordinal) || page.Text.Contains(RatingWorld.RaterPhone, StringComparison.Ordinal)),
            $"the rated staff member opens the follow-up of their own 差评 and reads the rater: “{page.TestId("rater")}”");
    }
}
