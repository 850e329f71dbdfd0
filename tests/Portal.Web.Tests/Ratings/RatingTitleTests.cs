using Portal.Domain.Ratings;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>How a rating is titled for its rater.</summary>
public sealed class RatingTitleTests
{
    /// <summary>BUG: a visit's rating was titled "现场服务·企业开办 · 现场服务 · 政务服务中心窗口": 现场服务 twice, and no window.</summary>
    [Fact]
    public async Task A_visit_rating_is_titled_with_its_category_once_and_its_window()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var ticket = await world.DoneTicketAsync();
        var code = await factory.SendAs(null, RatingWorld.VisitRating(ticket, RatingLevel.Satisfied));

        var view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.Equal("企业开办 · 现场服务 · 政务服务中心 A01 号窗口", view.Title);

        using var visitor = new HttpSession(factory);
        var page = await visitor.GetAsync($"/Ratings/View/{code}");
        Assert.StartsWith("企业开办 · 现场服务 · 政务服务中心 A01 号窗口 · 2026年11月23日", page.TestId("rating-title"));
    }

    [Fact]
    public async Task A_case_rating_is_titled_with_its_service_step_and_department()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.AcceptedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.Satisfied);

        Assert.Equal("企业开办 · 受理 · 市场监管", (await factory.SendAs(null, new RatingView.Query { Code = code })).Title);
    }
}
