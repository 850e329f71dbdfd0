using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Domain.Ratings;
using Portal.Web.Features.Messages;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// BUG: when a staff appeal against a 差评 was upheld, the rater's page only said 已办结 — no finding, no reason — and the
/// rater got no message. Now the rater reads the finding and the supervisor's reason on /Ratings/View/{code} and, with
/// an account, gets a message; the rating itself stays as given and out of the statistics.
/// </summary>
public sealed class AppealOutcomeTests
{
    private const string Decision = "调阅录像，评价人要求插队被拒，评价与事实不符";

    private static Task<long> AppealIdAsync(PortalFactory factory, long ratingId) =>
        factory.WithDb(db => db.RatingAppeals.Where(a => a.RatingId == ratingId).Select(a => a.Id).SingleAsync());

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_rater_of_an_upheld_appeal_sees_the_finding_and_the_reason_and_gets_a_message(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "窗口态度恶劣");
        var rating = await world.RatingAsync(code);
        await factory.SendAs(world.Clerk, new FileAppeal.Command { RatingId = rating.Id, Reason = "评价人要求插队被拒" });
        factory.Time.Advance(TimeSpan.FromHours(2));

        await factory.SendAs(world.OtherSupervisor, new DecideAppeal.Command { AppealId = await AppealIdAsync(factory, rating.Id), Upheld = true, Reason = Decision });

        var view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.Equal("已办结（申诉成立）", view.StateLabel);
        Assert.NotNull(view.Appeal);
        Assert.Equal(RatingView.AppealUpheldFinding, view.Appeal.Finding);
        Assert.Equal(Decision, view.Appeal.Reason);
        Assert.Equal("2026年11月23日 11:00", view.Appeal.At);

        var message = await factory.WithDb(db => db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientId == world.Applicant.Id && n.Kind == NotificationKind.RatingReply));
        Assert.Equal("您的差评经复核已办结", message.Title);
        Assert.Contains(Decision, message.Body);
        Assert.Contains("本条评价不计入统计，评价本身保留不变", message.Body);
        Assert.Equal($"/Ratings/View/{code}", message.Link);

        // The page says it; the rating is as it was given.
        using var rater = await new HttpSession(factory).SignedInAsync(world.Applicant);
        var page = await rater.GetAsync($"/Ratings/View/{code}");
        Assert.Contains(Decision, page.TestId("appeal-outcome"));
        Assert.Contains("申诉成立", page.TestId("appeal-outcome"));
        Assert.DoesNotContain("承诺于", page.TestId("follow-up"));
        Assert.Contains("窗口态度恶劣", page.TestId("my-rating"));
        Assert.Equivalent(rating, await world.RatingAsync(code), strict: true);
        var inbox = await rater.GetAsync("/Messages");
        Assert.Contains("您的差评经复核已办结", inbox.Text);
    }

    [Fact]
    public async Task A_dismissed_appeal_tells_the_rater_nothing_and_shows_no_finding()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "窗口态度恶劣");
        var rating = await world.RatingAsync(code);
        await factory.SendAs(world.Clerk, new FileAppeal.Command { RatingId = rating.Id, Reason = "恶意评价" });

        await factory.SendAs(world.Supervisor, new DecideAppeal.Command { AppealId = await AppealIdAsync(factory, rating.Id), Upheld = false, Reason = "评价属实" });

        var view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.Null(view.Appeal);
        Assert.Equal("待回访", view.StateLabel);
        Assert.False(await factory.WithDb(db => db.Notifications.AnyAsync(n => n.RecipientId == world.Applicant.Id && n.Kind == NotificationKind.RatingReply)));
    }

    [Fact]
    public async Task The_visitor_who_rated_a_visit_reads_the_upheld_appeal_on_the_ratings_page()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var ticket = await world.DoneTicketAsync();
        var code = await factory.SendAs(null, RatingWorld.VisitRating(ticket, RatingLevel.VeryDissatisfied, "态度差"));
        var rating = await world.RatingAsync(code);
        await factory.SendAs(world.Clerk, new FileAppeal.Command { RatingId = rating.Id, Reason = "当日未接待该号" });

        await factory.SendAs(world.Supervisor, new DecideAppeal.Command { AppealId = await AppealIdAsync(factory, rating.Id), Upheld = true, Reason = Decision });

        using var visitor = new HttpSession(factory);
        var page = await visitor.GetAsync($"/Ratings/View/{code}");
        Assert.Equal("已办结（申诉成立）", page.TestId("follow-up-state"));
        Assert.Contains(Decision, page.TestId("appeal-outcome"));
        // The visitor has no account: nobody else is told on their behalf.
        Assert.False(await factory.WithDb(db => db.Notifications.AnyAsync(n => n.Kind == NotificationKind.RatingReply)));
    }

    /// <summary>BUG: the message of a 差评's reply linked to the rating's page with the words “查看办件”.</summary>
    [Fact]
    public async Task A_reply_message_links_to_the_rating_in_words_that_say_so()
    {
        Assert.Equal("查看评价及处理结果", Inbox.LinkText("/Ratings/View/0123456789abcdef01234567"));
        Assert.Equal("查看办件", Inbox.LinkText("/Cases/QYKB-20261123-000001"));
        Assert.Equal("处理差评", Inbox.LinkText("/Ratings/FollowUps"));

        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "材料被退回三次");
        var followUp = await world.FollowUpOfAsync(code);
        await world.ActAsync(world.Supervisor, followUp.Id, FollowUpTrigger.RecordVisit, "已回访");
        await world.ActAsync(world.Supervisor, followUp.Id, FollowUpTrigger.Verify, "属实", Finding.True);
        await world.ActAsync(world.Supervisor, followUp.Id, FollowUpTrigger.Rectify, "已统一材料清单");

        using var rater = await new HttpSession(factory).SignedInAsync(world.Applicant);
        var inbox = await rater.GetAsync("/Messages");
        var link = inbox.Html.Document.QuerySelector($"a[href='/Ratings/View/{code}']");
        Assert.NotNull(link);
        Assert.Equal("查看评价及处理结果", link.TextContent.Trim());
        Assert.DoesNotContain(inbox.Html.Document.QuerySelectorAll("a[href^='/Ratings/']"), a => a.TextContent.Contains("查看办件", StringComparison.Ordinal));
    }
}
