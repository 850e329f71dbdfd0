using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Features.Hall;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Hall;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>一次一评 on site: whoever holds a served ticket rates the visit once, without an account.</summary>
public sealed class VisitRatingTests
{
    private const string VisitTwice = "本次服务已经评价过了（一次一评），评价提交后不能更改。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_done_ticket_is_rated_once_with_its_code_without_signing_in(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var code = await world.DoneTicketAsync();
        var ticket = await factory.WithDb(db => db.Tickets.AsNoTracking().SingleAsync(t => t.AccessCode == code));
        Assert.Equal(TicketState.Done, ticket.State);
        factory.Time.Advance(TimeSpan.FromMinutes(3));

        var ratingCode = await factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.VerySatisfied, "王芳耐心细致"));

        var rating = await world.RatingAsync(ratingCode);
        Assert.Equal(RatingSubject.Visit, rating.Subject);
        Assert.Equal($"ticket:{ticket.Id}", rating.SubjectKey);
        Assert.Equal(ticket.Id, rating.TicketId);
        Assert.Null(rating.CaseNumber);
        Assert.Equal("hall.establishment", rating.ServiceCode);
        Assert.Equal(RatingScale.HallUnit, rating.Unit);
        Assert.Equal("A01", rating.WindowNumber);
        Assert.Equal(world.Clerk.Id, rating.StaffId);
        Assert.Equal(world.Clerk.Name, rating.StaffName);
        Assert.Null(rating.RaterId);
        Assert.Equal(RatingWorld.VisitorName, rating.RaterName);
        Assert.Equal(RatingWorld.VisitorPhone, rating.RaterPhone);
        Assert.Equal(4, rating.ScoreList().Count);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 3), rating.CreatedAt);

        // The rater's own page, by the rating's code; no follow-up for a good rating.
        var view = await factory.SendAs(null, new RatingView.Query { Code = ratingCode });
        Assert.Equal("现场服务", view.Subject);
        Assert.Equal("政务服务中心 A01 号窗口", view.Unit);
        Assert.Equal("非常满意", view.Level);
        Assert.Null(view.State);
        Assert.False(view.MayRespond);

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.VeryDissatisfied, "改评差评", anonymous: true)));
        Assert.Equal(VisitTwice, Assert.Single(again.Reasons));
        Assert.Equivalent(rating, await world.RatingAsync(ratingCode), strict: true);
        Assert.Single(await world.RatingsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_ticket_not_yet_served_to_the_end_cannot_be_rated_and_an_unknown_code_is_not_found(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var code = await factory.TakeAsync();
        var refusal = "本次服务办结后才能评价。";

        Assert.Equal(refusal, Assert.Single((await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.Satisfied)))).Reasons));
        await factory.CallNextAsync(world.Clerk);
        Assert.Equal(refusal, Assert.Single((await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.Satisfied)))).Reasons));
        await factory.ActAsync(world.Clerk, WindowAct.Action.Serve);
        Assert.Equal(refusal, Assert.Single((await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.Satisfied)))).Reasons));

        var noShow = await factory.TakeAsync();
        await factory.ActAsync(world.Clerk, WindowAct.Action.Finish);
        await factory.CallNextAsync(world.Clerk);
        await factory.ActAsync(world.Clerk, WindowAct.Action.NoShow);
        Assert.Equal(TicketState.NoShow, (await factory.WithDb(db => db.Tickets.AsNoTracking().SingleAsync(t => t.AccessCode == noShow))).State);
        Assert.Equal(refusal, Assert.Single((await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(null, RatingWorld.VisitRating(noShow, RatingLevel.VeryDissatisfied, "没叫到我")))).Reasons));

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(null, RatingWorld.VisitRating("0123456789abcdef01234567", RatingLevel.Satisfied)));
        Assert.Equal("未找到该排队号。", unknown.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(null, RatingWorld.VisitRating("", RatingLevel.Satisfied)));
        Assert.Empty(await world.RatingsAsync());

        // Now finished: it can be rated.
        await factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.Satisfied));
        Assert.Single(await world.RatingsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Real_name_visit_ratings_need_name_and_mobile_and_anonymous_ones_keep_neither(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var code = await world.DoneTicketAsync();

        // Form problems are field errors (shown beside the field), reported by the validator before anything is stored.
        Assert.Equal([("Name", "实名评价请填写姓名。")], (await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.Satisfied, name: " ")))).Errors);
        Assert.Equal([("Phone", "实名评价请填写11位手机号码，以便回访。")], (await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.Satisfied, phone: "0632-3312345")))).Errors);
        var longName = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.Satisfied, name: new string('名', 51))));
        Assert.Contains(longName.Errors, e => e.Field == "Name" && e.Message == "姓名不能超过50字。");
        Assert.Contains((await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.VeryDissatisfied, new string('差', 501))))).Errors,
            e => e.Field == "Comment" && e.Message == "评价内容不能超过500字。");
        Assert.Empty(await world.RatingsAsync());

        var ratingCode = await factory.SendAs(null, RatingWorld.VisitRating(code, RatingLevel.VeryDissatisfied, "等了一个小时", anonymous: true, phone: "not a phone"));

        var rating = await world.RatingAsync(ratingCode);
        Assert.True(rating.Anonymous);
        Assert.Null(rating.RaterName);
        Assert.Null(rating.RaterPhone);
        var followUp = await world.FollowUpOfAsync(ratingCode);
        Assert.Equal(Domain.Ratings.FollowUpState.Verifying, followUp.State);
        Assert.Equal(RatingScale.HallUnit, followUp.Unit);
        Assert.Equal(1, await factory.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.BadRating && n.CaseNumber == null && n.RecipientRole == Roles.Supervisor)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_browsers_rating_one_visit_at_once_store_one_rating(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var code = await world.DoneTicketAsync();

        using var start = new SemaphoreSlim(0, 2);
        var attempts = new[] { RatingLevel.VerySatisfied, RatingLevel.VeryDissatisfied }.Select(level => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.SendAs(null, RatingWorld.VisitRating(code, level, "同时提交")));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(VisitTwice, Assert.Single(Assert.IsType<RuleViolationException>(Assert.Single(outcomes, o => o is not null)).Reasons));
        var rating = Assert.Single(await world.RatingsAsync());
        var followUps = await factory.WithDb(db => db.RatingFollowUps.CountAsync());
        Assert.Equal(rating.IsBad ? 1 : 0, followUps);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_serving_clerk_cannot_rate_their_own_service_and_a_staff_tablet_is_not_the_rater(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var code = await world.DoneTicketAsync();

        var self = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Clerk, RatingWorld.VisitRating(code, RatingLevel.VerySatisfied, "服务很好")));
        Assert.Equal("工作人员不能评价自己提供的服务。", self.Message);
        Assert.Empty(await world.RatingsAsync());

        // The counter tablet is signed in as another staff account: the visitor rates, the account is not kept as the rater.
        var ratingCode = await factory.SendAs(world.Supervisor, RatingWorld.VisitRating(code, RatingLevel.Satisfied));
        var rating = await world.RatingAsync(ratingCode);
        Assert.Null(rating.RaterId);
        Assert.Equal(RatingWorld.VisitorName, rating.RaterName);
        Assert.Equal(world.Clerk.Id, rating.StaffId);
    }
}
