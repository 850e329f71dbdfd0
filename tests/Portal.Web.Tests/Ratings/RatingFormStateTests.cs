using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Ratings;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>The rating form of a case step that cannot be rated yet says when it can be; someone else's case stays not found.</summary>
public sealed class RatingFormStateTests
{
    private static (string, string)[] OnlineForm(RatingLevel level) =>
    [
        .. RatingScale.Online.Select(i => ($"Data.Scores[{i.Code}]", level.ToString())),
        ("Data.Comment", "很好"),
        ("Data.Anonymous", "false"),
    ];

    /// <summary>
    /// BUG: opening 评价办理环节 of one's own case before it is 办结 answered 404 "该办件暂不能评价此环节，或该办件不属于您。",
    /// as if the case were someone else's, instead of saying that 办理 can be rated once the case is 办结.
    /// </summary>
    [Fact]
    public async Task Rating_processing_before_the_case_ends_says_when_it_can_be_rated()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.AcceptedCaseAsync();
        using var applicant = await new HttpSession(factory).SignedInAsync(world.Applicant);

        var page = await applicant.GetAsync($"/Ratings/Case/{number}/Processing");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("办件办结后才能评价办理环节。当前办件状态：办理中。", page.TestId("not-yet"));
        Assert.DoesNotContain("data-testid=\"submit-rating\"", page.Body);

        // A post anyway (an old tab) is refused on the same page with the same reason; nothing is stored.
        var messages = await applicant.GetAsync("/Messages");
        var posted = await applicant.PostAsync($"/Ratings/Case/{number}/Processing", [(HttpSession.TokenField, messages.InputValue(HttpSession.TokenField) ?? ""), .. OnlineForm(RatingLevel.Satisfied)]);
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("办件办结后才能评价办理环节。", posted.Text);
        Assert.Empty(await world.RatingsAsync());

        // 受理 can be rated already: its form opens.
        var acceptance = await applicant.GetAsync($"/Ratings/Case/{number}/Acceptance");
        Assert.Equal(HttpStatusCode.OK, acceptance.Status);
        Assert.Contains("data-testid=\"submit-rating\"", acceptance.Body);
    }

    [Fact]
    public async Task Rating_acceptance_before_acceptance_says_when_it_can_be_rated()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var form = EstablishmentSteps.ValidForm("枣庄早评餐饮有限公司", "catering") with { SynchronousItems = [] };
        var number = (await factory.SubmitAsync(world.Applicant, form)).Number;
        using var applicant = await new HttpSession(factory).SignedInAsync(world.Applicant);

        var page = await applicant.GetAsync($"/Ratings/Case/{number}/Acceptance");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"办件受理后才能评价受理环节。当前办件状态：{CaseState.Submitted.Label()}。", page.TestId("not-yet"));
    }

    /// <summary>The access rule is unchanged: another person's case (rated or not, finished or not) is not found, for every role.</summary>
    [Fact]
    public async Task Someone_elses_case_is_still_not_found_at_every_step()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(factory);
        var running = await world.AcceptedCaseAsync();
        var finished = await world.CompletedCaseAsync();

        foreach (var user in new[] { world.OtherApplicant, world.Clerk, world.Market, world.Supervisor, world.Admin })
        {
            using var session = await new HttpSession(factory).SignedInAsync(user);
            foreach (var number in new[] { running, finished })
            {
                foreach (var subject in new[] { "Acceptance", "Processing" })
                {
                    var page = await session.GetAsync($"/Ratings/Case/{number}/{subject}");
                    Assert.True(page.Status == HttpStatusCode.NotFound, $"{user.Name} opened {number}/{subject}: {(int)page.Status}");
                }
            }
        }

        using var anonymous = new HttpSession(factory);
        var signIn = await anonymous.GetAsync($"/Ratings/Case/{running}/Processing");
        Assert.True(signIn.IsRedirect);
        Assert.StartsWith("/Account/Login", signIn.RedirectPath);
        using var owner = await new HttpSession(factory).SignedInAsync(world.Applicant);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/Ratings/Case/QYKB-NOPE/Processing")).Status);
    }
}
