using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Hall;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Hall;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// The people of the 好差评 tests: an applicant with a distinctive name and mobile (so that a leak of the rater's
/// identity is found by looking for them), a second applicant, the window clerk of A01, the market reviewer, two
/// supervisors and an administrator.
/// </summary>
public sealed record RatingWorld(
    PortalFactory Factory,
    TestUser Applicant,
    TestUser OtherApplicant,
    TestUser Clerk,
    TestUser Market,
    TestUser Supervisor,
    TestUser OtherSupervisor,
    TestUser Admin)
{
    /// <summary>The applicant's account name and mobile: they must never reach the rated staff.</summary>
    public const string RaterName = "欧阳娜娜";

    public const string RaterPhone = "13912345678";

    /// <summary>What a visitor types into the on-site form for a real-name rating.</summary>
    public const string VisitorName = "司马评价人";

    public const string VisitorPhone = "13698765432";

    public static async Task<RatingWorld> CreateAsync(PortalFactory factory) => new(
        factory,
        await factory.CreateUserWithAsync(RaterName, RaterPhone, null, Roles.Applicant),
        await factory.CreateUserAsync(Roles.Applicant, "另一申请人"),
        await factory.CreateWindowAsync("A01"),
        await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员"),
        await factory.CreateUserAsync(Roles.Supervisor, "督查甲"),
        await factory.CreateUserAsync(Roles.Supervisor, "督查乙"),
        await factory.CreateUserAsync(Roles.Admin, "系统管理员"));

    /// <summary>A 企业开办 case (catering needs a permit, so it waits for the window) accepted by the clerk of A01.</summary>
    public async Task<string> AcceptedCaseAsync(TestUser? applicant = null, TestUser? window = null)
    {
        var form = EstablishmentSteps.ValidForm($"枣庄{ChineseSuffix()}餐饮有限公司", "catering") with { SynchronousItems = [] };
        var number = (await Factory.SubmitAsync(applicant ?? Applicant, form)).Number;
        Assert.Null((await Factory.LoadCaseAsync(number)).AcceptedAt);
        await Factory.ActNowAsync(window ?? Clerk, number, CaseTrigger.Accept);
        Assert.NotNull((await Factory.LoadCaseAsync(number)).AcceptedAt);
        return number;
    }

    /// <summary>The case above, every sub-item finished by its department: 办结.</summary>
    public async Task<string> CompletedCaseAsync(TestUser? applicant = null, TestUser? window = null)
    {
        var number = await AcceptedCaseAsync(applicant, window);
        await new Reviewers(Factory).CompleteAllAsync(number);
        Assert.Equal(CaseState.Completed, (await Factory.LoadCaseAsync(number)).State);
        return number;
    }

    public Task<string> RateCaseAsync(string number, RatingSubject subject, RatingLevel level, string? comment = null, bool anonymous = false, TestUser? rater = null) =>
        Factory.SendAs(rater ?? Applicant, CaseRating(number, subject, level, comment, anonymous));

    public static GiveCaseRating.Command CaseRating(string number, RatingSubject subject, RatingLevel level, string? comment = null, bool anonymous = false) => new()
    {
        Number = number,
        Subject = subject,
        Scores = Scores(subject, level),
        Comment = comment,
        Anonymous = anonymous,
    };

    public static GiveVisitRating.Command VisitRating(string code, RatingLevel level, string? comment = null, bool anonymous = false, string? name = VisitorName, string? phone = VisitorPhone) => new()
    {
        Code = code,
        Scores = Scores(RatingSubject.Visit, level),
        Comment = comment,
        Anonymous = anonymous,
        Name = name,
        Phone = phone,
    };

    public static Dictionary<string, RatingLevel> Scores(RatingSubject subject, RatingLevel level) =>
        RatingScale.IndicatorsFor(subject).ToDictionary(i => i.Code, _ => level);

    /// <summary>A ticket taken at the kiosk and served by the clerk of A01 to the end (已办结); returns its access code.</summary>
    public async Task<string> DoneTicketAsync()
    {
        var code = await Factory.TakeAsync();
        await Factory.CallNextAsync(Clerk);
        await Factory.ActAsync(Clerk, WindowAct.Action.Serve);
        await Factory.ActAsync(Clerk, WindowAct.Action.Finish);
        return code;
    }

    public Task<Rating> RatingAsync(string accessCode) =>
        Factory.WithDb(db => db.Ratings.AsNoTracking().SingleAsync(r => r.AccessCode == accessCode));

    public Task<List<Rating>> RatingsAsync() =>
        Factory.WithDb(db => db.Ratings.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    public Task<RatingFollowUp> FollowUpOfAsync(string accessCode) =>
        Factory.WithDb(db => db.RatingFollowUps.AsNoTracking().Include(f => f.Rating).SingleAsync(f => f.Rating.AccessCode == accessCode));

    /// <summary>Posts the follow-up page's form with the version the page shows (a freshly loaded page).</summary>
    public async Task<FollowUpState> ActAsync(TestUser supervisor, long id, FollowUpTrigger trigger, string? text, Finding? finding = null)
    {
        var shown = await Factory.SendAs(supervisor, new FollowUpDetail.Query { Id = id });
        return await Factory.SendAs(supervisor, new ActOnFollowUp.Command { Id = id, Trigger = trigger, Text = text, Finding = finding, ExpectedVersion = shown.FollowUp.Version });
    }

    /// <summary>The rater's answer on /Ratings/View/{code} (no account needed: the code is the key).</summary>
    public Task<FollowUpState> RespondAsync(string accessCode, RectificationSatisfaction satisfaction, string? remark = null, bool review = false) =>
        Factory.SendAs(null, new RespondToFollowUp.Command { Code = accessCode, Satisfaction = satisfaction, Remark = remark, RequestReview = review });

    private static string ChineseSuffix()
    {
        const string digits = "〇一二三四五六七八九";
        return string.Concat(Enumerable.Range(0, 4).Select(_ => digits[Random.Shared.Next(digits.Length)]));
    }
}

public static class RatingUsers
{
    /// <summary>A user with the given roles (several roles: e.g. a window clerk who is also a supervisor), mobile and window.</summary>
    public static async Task<TestUser> CreateUserWithAsync(this PortalFactory factory, string name, string? phone, string? window, params string[] roles)
    {
        var first = await factory.CreateUserAsync(roles[0], name);
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await manager.FindByIdAsync(first.Id);
        Assert.NotNull(user);
        user.PhoneNumber = phone;
        user.WindowNumber = window;
        var updated = await manager.UpdateAsync(user);
        Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.Select(e => e.Description)));
        foreach (var role in roles.Skip(1))
        {
            var added = await manager.AddToRoleAsync(user, role);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        }

        return first with { Roles = roles };
    }
}
