using System.Net;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// /Ratings computes a period's figures at most once a minute (StatisticsCache), but a rating, a 差评's result or an
/// upheld appeal saved on this instance shows on the next request; another instance's change shows within a minute.
/// </summary>
public sealed class StatisticsCacheTests
{
    /// <summary>The online form as a browser posts it: every indicator at one level.</summary>
    private static (string, string)[] OnlineForm(RatingLevel level, string? comment) =>
    [
        .. RatingScale.Online.Select(i => ($"Data.Scores[{i.Code}]", level.ToString())),
        ("Data.Comment", comment ?? ""),
        ("Data.Anonymous", "false"),
    ];

    /// <summary>The public page's headline figures (this month, anonymously).</summary>
    private static async Task<(string? Ratings, string? BadShare, string? Rectification, HttpPage Page)> FiguresAsync(HttpSession session)
    {
        var page = await session.GetAsync("/Ratings");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (page.TestId("total-ratings"), page.TestId("total-bad-share"), page.TestId("total-rectification"), page);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_rating_a_差评_result_and_an_upheld_appeal_show_on_the_next_request(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var followed = await world.CompletedCaseAsync();
        var appealed = await world.CompletedCaseAsync();
        using var visitor = new HttpSession(factory);

        var empty = await FiguresAsync(visitor);
        Assert.Equal("0", empty.Ratings);
        Assert.NotNull(empty.Page.TestId("empty-service"));

        // A 差评 given through the rating page.
        using var applicant = await new HttpSession(factory).SignedInAsync(world.Applicant);
        var form = await applicant.GetAsync($"/Ratings/Case/{followed}/Acceptance");
        var given = await applicant.SubmitAsync(form, null, OnlineForm(RatingLevel.VeryDissatisfied, "材料被退回三次"));
        Assert.True(given.IsRedirect, given.ToString());
        var one = await FiguresAsync(visitor);
        Assert.Equal(("1", "100.0%", "0.0%"), (one.Ratings, one.BadShare, one.Rectification));
        Assert.Null(one.Page.TestId("empty-service"));

        // A second one through the command.
        var code = await world.RateCaseAsync(appealed, RatingSubject.Acceptance, RatingLevel.Dissatisfied, "窗口态度差");
        var two = await FiguresAsync(visitor);
        Assert.Equal(("2", "100.0%", "0.0%"), (two.Ratings, two.BadShare, two.Rectification));

        // The first 差评's follow-up: visited (the rate of visited real-name 差评 moves), then its result through the page.
        var followUp = (await factory.WithDb(db => db.RatingFollowUps.AsNoTracking().Include(f => f.Rating).ToListAsync()))
            .Single(f => f.Rating.CaseNumber == followed);
        Assert.Equal("0.0%", two.Page.TestId("total-visits"));
        await world.ActAsync(world.Supervisor, followUp.Id, FollowUpTrigger.RecordVisit, "已电话回访");
        Assert.Equal("50.0%", (await FiguresAsync(visitor)).Page.TestId("total-visits"));
        using var supervisor = await new HttpSession(factory).SignedInAsync(world.Supervisor);
        var page = await supervisor.GetAsync($"/Ratings/FollowUps/{followUp.Id}");
        Assert.True((await supervisor.SubmitAsync(page, null, ("Act.Trigger", "Verify"), ("Act.Finding", "True"), ("Act.Text", "属实"))).IsRedirect);
        page = await supervisor.GetAsync($"/Ratings/FollowUps/{followUp.Id}");
        Assert.True((await supervisor.SubmitAsync(page, null, ("Act.Trigger", "Rectify"), ("Act.Text", "已统一一次性告知材料清单"))).IsRedirect);
        var rectified = await FiguresAsync(visitor);
        Assert.Equal(("2", "100.0%", "50.0%"), (rectified.Ratings, rectified.BadShare, rectified.Rectification));
        Assert.Contains("已统一一次性告知材料清单", rectified.Page.TestId("table-rectified"));

        // The second 差评 appealed by the clerk and upheld by a supervisor: it leaves every figure at once.
        var rating = await world.RatingAsync(code);
        await factory.SendAs(world.Clerk, new FileAppeal.Command { RatingId = rating.Id, Reason = "评价人要求插队被拒" });
        Assert.Equal("2", (await FiguresAsync(visitor)).Ratings);
        var appeal = await factory.WithDb(db => db.RatingAppeals.AsNoTracking().SingleAsync(a => a.RatingId == rating.Id));
        await factory.SendAs(world.OtherSupervisor, new DecideAppeal.Command { AppealId = appeal.Id, Upheld = true, Reason = "调阅录像属实" });
        var upheld = await FiguresAsync(visitor);
        Assert.Equal(("1", "100.0%", "100.0%"), (upheld.Ratings, upheld.BadShare, upheld.Rectification));

        // The clock never moved: every change above was shown because it dropped the kept figures, not because they aged.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)), factory.Time.GetUtcNow());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Another_instances_rating_shows_once_the_kept_figures_are_a_minute_old(Provider provider)
    {
        await using var first = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(first);
        var number = await world.CompletedCaseAsync();
        await using var second = new PortalFactory(provider, first.ConnectionString);
        second.Time.Set(first.Time.GetUtcNow());
        using var visitor = new HttpSession(first);
        Assert.Equal("0", (await FiguresAsync(visitor)).Ratings);

        // Given on the second instance: the first keeps its figures (computed at most once a minute) …
        await second.SendAs(world.Applicant, RatingWorld.CaseRating(number, RatingSubject.Acceptance, RatingLevel.Satisfied));
        Assert.Equal(1, await first.WithDb(db => db.Ratings.CountAsync()));
        first.Time.Advance(StatisticsCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal("0", (await FiguresAsync(visitor)).Ratings);

        // A period asked for the first time is computed at once; the kept one is computed again once a minute old.
        var today = RatingTables.Iso(new DateOnly(2026, 11, 23));
        Assert.Equal("1", (await visitor.GetAsync($"/Ratings?from={today}&to={today}")).TestId("total-ratings"));
        first.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("1", (await FiguresAsync(visitor)).Ratings);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Figures_computed_while_a_rating_is_being_committed_are_not_kept_after_the_commit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        using var visitor = new HttpSession(factory);
        Assert.Equal("0", (await FiguresAsync(visitor)).Ratings);

        // The rating command's transaction (TransactionBehavior: begin → handler saves → commit), held open at the point
        // between the save and the commit, while another visitor asks for the page.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(world.Applicant.Id, world.Applicant.Name, world.Applicant.Roles);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(RatingWorld.CaseRating(number, RatingSubject.Acceptance, RatingLevel.Satisfied));

            var during = await FiguresAsync(visitor);
            Assert.Equal("0", during.Ratings); // not committed yet: nobody else can see it

            await transaction.CommitAsync();
        }

        Assert.Equal(1, await factory.WithDb(db => db.Ratings.CountAsync()));
        var after = await FiguresAsync(visitor);
        Assert.True(after.Ratings == "1", $"/Ratings shows {after.Ratings} rating(s) after the rating was committed on this instance (the figures computed before the commit were kept)");
    }
}
