using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Connections;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>一事一评 online: the applicant rates a case's 受理 once it is accepted and its 办理 once it is 办结, each once.</summary>
public sealed class CaseRatingTests
{
    private const string AcceptanceTwice = "该办件的受理环节已经评价过了（一事一评），评价提交后不能更改。";
    private const string ProcessingTwice = "该办件的办理环节已经评价过了（一事一评），评价提交后不能更改。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Applicant_rates_acceptance_after_acceptance_and_processing_after_completion_once_each(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var form = Establishment.EstablishmentSteps.ValidForm("枣庄青禾餐饮有限公司", "catering") with { SynchronousItems = [] };
        var number = (await Establishment.EstablishmentSteps.SubmitAsync(factory, world.Applicant, form)).Number;

        // Submitted, not accepted: neither step can be rated, and the case page offers no link.
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.Satisfied));
        Assert.Equal(new[] { "办件受理后才能评价受理环节。" }, early.Reasons);
        var notDone = await Assert.ThrowsAsync<RuleViolationException>(() => world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.Satisfied));
        Assert.Equal(new[] { "办件办结后才能评价办理环节。" }, notDone.Reasons);
        Assert.Empty(await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = number }));

        factory.Time.Advance(TimeSpan.FromMinutes(30));
        await factory.ActNowAsync(world.Clerk, number, CaseTrigger.Accept);
        var links = await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = number });
        var offered = Assert.Single(links);
        Assert.Equal(new CaseRatingLinks.Link(RatingSubject.Acceptance, "评价受理环节", $"/Ratings/Case/{number}/Acceptance", false), offered);
        notDone = await Assert.ThrowsAsync<RuleViolationException>(() => world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.Satisfied));
        Assert.Equal(new[] { "办件办结后才能评价办理环节。" }, notDone.Reasons);

        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var acceptanceCode = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.Satisfied, "窗口一次性告知，很清楚");
        Assert.Matches("^[0-9a-f]{24}$", acceptanceCode);
        var acceptance = await world.RatingAsync(acceptanceCode);
        Assert.Equal(RatingSubject.Acceptance, acceptance.Subject);
        Assert.Equal(number, acceptance.CaseNumber);
        Assert.Equal($"case:{number}:Acceptance", acceptance.SubjectKey);
        Assert.Equal("establishment", acceptance.ServiceCode);
        Assert.Equal(nameof(Department.Market), acceptance.Unit);
        Assert.Equal(world.Clerk.Id, acceptance.StaffId);
        Assert.Equal(world.Clerk.Name, acceptance.StaffName);
        Assert.Equal("A01", acceptance.WindowNumber);
        Assert.Equal(RatingLevel.Satisfied, acceptance.Level);
        Assert.Equal("窗口一次性告知，很清楚", acceptance.Comment);
        Assert.False(acceptance.Anonymous);
        Assert.Equal(world.Applicant.Id, acceptance.RaterId);
        Assert.Equal(RatingWorld.RaterName, acceptance.RaterName);
        Assert.Equal(RatingWorld.RaterPhone, acceptance.RaterPhone);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 35), acceptance.CreatedAt);
        Assert.False(await factory.WithDb(db => db.RatingFollowUps.AnyAsync()));

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "改成差评"));
        Assert.Equal(new[] { AcceptanceTwice }, again.Reasons);
        Assert.Equivalent(acceptance, await world.RatingAsync(acceptanceCode), strict: true);
        links = await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = number });
        Assert.Equal(new CaseRatingLinks.Link(RatingSubject.Acceptance, "受理环节已评价", $"/Ratings/View/{acceptanceCode}", true), Assert.Single(links));

        await new Establishment.Reviewers(factory).CompleteAllAsync(number);
        links = await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = number });
        Assert.Equal(2, links.Count);
        Assert.Equal(new CaseRatingLinks.Link(RatingSubject.Processing, "评价办理环节", $"/Ratings/Case/{number}/Processing", false), links[1]);

        var processingCode = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VerySatisfied, anonymous: true);
        var processing = await world.RatingAsync(processingCode);
        Assert.Equal(RatingSubject.Processing, processing.Subject);
        Assert.True(processing.Anonymous);
        Assert.Null(processing.RaterName);
        Assert.Null(processing.RaterPhone);
        // Finished by the system after the last department; the step belongs to its 首问负责人, the accepting clerk.
        Assert.Equal(world.Clerk.Id, processing.StaffId);
        Assert.Equal(new[] { AcceptanceTwice }, (await Assert.ThrowsAsync<RuleViolationException>(() => world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.Basic))).Reasons);
        Assert.Equal(new[] { ProcessingTwice }, (await Assert.ThrowsAsync<RuleViolationException>(() => world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.Basic, anonymous: true))).Reasons);
        Assert.Equal(2, await factory.WithDb(db => db.Ratings.CountAsync()));
        Assert.All(await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = number }), l => Assert.True(l.Rated));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Nobody_but_the_applicant_rates_a_case(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var command = RatingWorld.CaseRating(number, RatingSubject.Processing, RatingLevel.VerySatisfied);

        var other = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.OtherApplicant, command));
        Assert.Equal("未找到该办件，或该办件不属于您。只有申请人本人可以评价。", other.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Clerk, command));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Supervisor, command));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Market, command));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, command));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Applicant, command with { Number = "QYKB-NOPE" }));
        Assert.Empty(await factory.SendAs(world.OtherApplicant, new CaseRatingLinks.Query { Number = number }));

        Assert.Equal(0, await factory.WithDb(db => db.Ratings.CountAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_visit_subject_and_bad_input_on_a_case_are_refused_in_chinese(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var good = RatingWorld.CaseRating(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "办理太慢");

        var visit = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Applicant, good with { Subject = RatingSubject.Visit }));
        Assert.Contains(visit.Errors, e => e.Message == "评价对象不正确。");
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Applicant, good with { Comment = new string('慢', 501) }));
        Assert.Contains(tooLong.Errors, e => e.Field == "Comment" && e.Message == "评价内容不能超过500字。");
        // Form problems are field errors (shown beside the indicator or the comment), reported by the validator.
        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Applicant, good with { Comment = "  " }));
        Assert.Equal([("Comment", "差评请写明不满意的原因，便于核实整改。")], noReason.Errors);
        var missing = good.Scores.Where(s => s.Key != "platform").ToDictionary();
        var noPlatform = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Applicant, good with { Scores = missing }));
        Assert.Equal([("Scores[platform]", "请为“平台操作性”选择评价等级。")], noPlatform.Errors);
        var onSite = new Dictionary<string, RatingLevel>(good.Scores) { ["attitude"] = RatingLevel.Basic };
        Assert.Equal([("Scores", "评价指标不正确。")], (await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Applicant, good with { Scores = onSite }))).Errors);

        Assert.Equal(0, await factory.WithDb(db => db.Ratings.CountAsync()));
        Assert.Equal(0, await factory.WithDb(db => db.RatingFollowUps.CountAsync()));
        Assert.Equal(0, await factory.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.BadRating)));
    }

    [Theory]
    [InlineData(Provider.Sqlite, RatingLevel.Satisfied)]
    [InlineData(Provider.PostgreSql, RatingLevel.Satisfied)]
    [InlineData(Provider.Sqlite, RatingLevel.VeryDissatisfied)]
    [InlineData(Provider.PostgreSql, RatingLevel.VeryDissatisfied)]
    public async Task Two_browsers_rating_the_same_step_at_once_store_one_rating_and_refuse_the_other_in_chinese(Provider provider, RatingLevel level)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();

        using var start = new SemaphoreSlim(0, 2);
        var attempts = new[] { "第一个浏览器：办理太慢", "第二个浏览器：办理太慢" }.Select(comment => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => world.RateCaseAsync(number, RatingSubject.Processing, level, comment));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        var refused = Assert.IsType<RuleViolationException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(new[] { ProcessingTwice }, refused.Reasons);
        Assert.Single(await world.RatingsAsync());
        var bad = level.IsBad();
        Assert.Equal(bad ? 1 : 0, await factory.WithDb(db => db.RatingFollowUps.CountAsync()));
        // The supervisors' inbox is told once about the one 差评 (both supervisors read that one message).
        var told = await factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.BadRating).Select(n => n.RecipientRole ?? n.RecipientId).ToListAsync());
        Assert.Equal(bad ? [Roles.Supervisor] : new List<string>(), told);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_stored_rating_never_changes(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.Dissatisfied, "材料退回两次");
        var stored = await world.RatingAsync(code);
        var followUp = await world.FollowUpOfAsync(code);

        // The rater tries again with other values, anonymously; the rated clerk and a supervisor cannot rate at all.
        factory.Time.Advance(TimeSpan.FromHours(2));
        await Assert.ThrowsAsync<RuleViolationException>(() => world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VerySatisfied, "其实挺好", anonymous: true));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Clerk, RatingWorld.CaseRating(number, RatingSubject.Processing, RatingLevel.VerySatisfied)));
        // Working the follow-up to its end and an upheld appeal change the follow-up, never the rating.
        await world.ActAsync(world.Supervisor, followUp.Id, FollowUpTrigger.RecordVisit, "已回访");
        await factory.SendAs(world.Clerk, new FileAppeal.Command { RatingId = stored.Id, Reason = "材料确实不全" });
        var appealId = await factory.WithDb(db => db.RatingAppeals.Select(a => a.Id).SingleAsync());
        await factory.SendAs(world.Supervisor, new DecideAppeal.Command { AppealId = appealId, Upheld = true, Reason = "核实材料确有缺失" });

        Assert.Equivalent(stored, await world.RatingAsync(code), strict: true);
        Assert.Single(await world.RatingsAsync());
    }

    [Fact]
    public void A_rating_has_no_public_way_to_change_it()
    {
        var type = typeof(Rating);
        Assert.All(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null), p => Assert.False(p.SetMethod!.IsPublic, $"{p.Name} has a public setter"));
        var mutators = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(Rating.ScoreList))
            .Select(m => m.Name)
            .ToList();
        Assert.Empty(mutators);
        // No request of the portal carries a rating's id except the appeal (which stores an appeal, not a rating change).
        var requests = typeof(GiveCaseRating).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .Where(t => t.GetProperties().Any(p => p.Name is "RatingId"))
            .Select(t => t.DeclaringType?.Name + "." + t.Name)
            .ToList();
        Assert.Equal(new[] { "FileAppeal.Command" }, requests);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_connected_utility_child_is_rated_for_its_processing_by_its_applicant_under_the_utilitys_department(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitAsync(ConnectionSteps.Application(Utility.Gas, Utility.Water));
        var gas = cases[Utility.Gas];

        var early = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(world.Applicant, RatingWorld.CaseRating(gas, RatingSubject.Processing, RatingLevel.Satisfied)));
        Assert.Equal(new[] { "办件办结后才能评价办理环节。" }, early.Reasons);

        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 11);
        await world.RunChildToConnectedAsync(Utility.Gas, gas, "具备通气条件");
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(gas)).State);

        // The child's panel invites the applicant to rate the gas company; the link opens the rating of this child.
        var panel = await factory.SendAs(world.Applicant, new Features.Connections.ConnectionPanel.Query { Number = gas });
        Assert.True(panel.Utility!.InviteRating);
        Assert.False((await factory.SendAs(world.Gas, new Features.Connections.ConnectionPanel.Query { Number = gas })).Utility!.InviteRating);
        Assert.Contains(await factory.SendAs(world.Applicant, new CaseRatingLinks.Query { Number = gas }), l => l.Href == $"/Ratings/Case/{gas}/Processing");

        var code = await factory.SendAs(world.Applicant, RatingWorld.CaseRating(gas, RatingSubject.Processing, RatingLevel.Dissatisfied, "燃气踏勘迟到两小时"));

        var rating = await factory.WithDb(db => db.Ratings.AsNoTracking().SingleAsync(r => r.AccessCode == code));
        Assert.Equal(Utility.Gas.Department().ToString(), rating.Unit);
        Assert.Equal(ConnectionService.ChildCode(Utility.Gas), rating.ServiceCode);
        Assert.Equal(world.Gas.Id, rating.StaffId);
        Assert.Equal(gas, rating.CaseNumber);
        var followUp = await factory.WithDb(db => db.RatingFollowUps.AsNoTracking().SingleAsync(f => f.RatingId == rating.Id));
        Assert.Equal(rating.Unit, followUp.Unit);

        // The gas company's staff see it (without the rater); the water company's staff do not.
        var gasView = await factory.SendAs(world.Gas, new StaffRatings.Query());
        var row = Assert.Single(gasView.Rows);
        Assert.True(row.Mine);
        Assert.Equal("燃气踏勘迟到两小时", row.Comment);
        Assert.Empty((await factory.SendAs(world.Water, new StaffRatings.Query())).Rows);

        // The water child is not finished yet; the parent (the application) is never rated as a whole: each utility's
        // part is rated under its own unit (ConnectionRatingTests).
        Assert.Equal(new[] { "办件办结后才能评价办理环节。" }, (await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(world.Applicant, RatingWorld.CaseRating(cases[Utility.Water], RatingSubject.Processing, RatingLevel.Satisfied)))).Reasons);
        Assert.Equal(new[] { RatingTargets.ConnectionParentRefusal }, (await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(world.Applicant, RatingWorld.CaseRating(cases.Parent, RatingSubject.Processing, RatingLevel.Satisfied)))).Reasons);
    }
}
