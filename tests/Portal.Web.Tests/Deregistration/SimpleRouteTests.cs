using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>
/// 简易注销 with the fake clock: 受理 → 20-working-day 公示期 (on the public board) → the sweep ends it → 注销登记审核
/// within 1 working day → 办结 cancels the enterprise and its permits and shares the result with six departments;
/// 容错 on the same case; an overdue review.
/// </summary>
public sealed class SimpleRouteTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Simple_route_runs_from_start_through_the_notice_to_cancellation_and_shared_confirmations(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var (representative, enterprise) = await factory.RegisterThroughEstablishmentAsync();
        var window = await factory.CreateUserAsync(Roles.Window, "窗口受理员");
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员");
        var permitId = await factory.WithDb(async db =>
        {
            var permit = new EnterprisePermit(enterprise.Id, "食品经营许可证", "JY13704020000001", Department.Market, new DateOnly(2026, 11, 23));
            db.Permits.Add(permit);
            await db.SaveChangesAsync();
            return permit.Id;
        });
        var verify = $"/verify/{enterprise.CreditCode}";
        using (var visitor = new HttpSession(factory))
        {
            Assert.Contains("有效", (await visitor.GetAsync(verify)).TestId("verify-result"));
        }

        // Mon 23 Nov 09:00: the legal representative applies, the window accepts.
        var number = await factory.SendAs(representative, DeregistrationSteps.SimpleCommand(enterprise));
        await factory.ActAsync(window, number, CaseTrigger.Accept, await factory.ShownVersionAsync(window, number));

        var notice = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.NoticePeriod, notice.State);
        Assert.Equal(Department.Market.ReviewerRole(), notice.HolderRole);
        // 20 working days from Mon 23 Nov: Mon 21 Dec, close of office.
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 21, 17), notice.StepDueAt);
        Assert.Equal(window.Id, notice.History.Single(e => e.Action == nameof(CaseTrigger.Accept)).ActorId);
        var application = await factory.ApplicationAsync(number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), application.NoticeStartsAt);
        Assert.Equal(notice.StepDueAt, application.NoticeEndsAt);

        // The public board lists it for anyone, with its notice page.
        using (var visitor = new HttpSession(factory))
        {
            var board = await visitor.GetAsync("/Notices");
            Assert.Equal(HttpStatusCode.OK, board.Status);
            Assert.Contains($"data-notice=\"{number}\"", board.Body);
            Assert.Contains("枣庄青禾科技有限公司", board.Text);
            Assert.Contains("简易注销公告", board.Text);
            Assert.Contains("2026年12月21日 17:00", board.Text);
            var page = await visitor.GetAsync($"/Notices/{number}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("枣庄青禾科技有限公司", page.TestId("notice-enterprise"));
            Assert.Equal("2026年11月23日 09:00 至 2026年12月21日 17:00", page.TestId("notice-period"));
            Assert.Contains("data-testid=\"objection-form\"", page.Body);
        }

        // Before the end nobody may end the notice, and the sweep leaves it alone (at the deadline it is not over yet).
        factory.Time.SetChina(2026, 12, 21, 16);
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActNowAsync(market, number, CaseTrigger.NoticeEnds));
        Assert.Contains("公示期至2026年12月21日 17:00届满，届满前不能进行注销登记", early.Reasons);
        factory.Time.SetChina(2026, 12, 21, 17);
        Assert.Equal(0, await factory.SweepAsync());
        Assert.Equal(CaseState.NoticePeriod, (await factory.LoadCaseAsync(number)).State);

        // Tue 22 Dec 09:00: the sweep ends the notice; the review is due 1 working day after the notice's end.
        factory.Time.SetChina(2026, 12, 22, 9);
        Assert.Equal(1, await factory.SweepAsync());
        var review = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.FinalReview, review.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 22, 17), review.StepDueAt);
        Assert.False(review.IsOverdue);
        Assert.Equal(Department.Market.ReviewerRole(), review.HolderRole);
        var ended = review.History.Single(e => e.Action == nameof(CaseTrigger.NoticeEnds));
        Assert.Equal(CaseActor.System.UserId, ended.ActorId);
        Assert.Equal(CaseState.NoticePeriod, ended.FromState);
        using (var visitor = new HttpSession(factory))
        {
            Assert.DoesNotContain($"data-notice=\"{number}\"", (await visitor.GetAsync("/Notices")).Body);
        }

        // 10:00: 市场监管 approves the cancellation.
        factory.Time.SetChina(2026, 12, 22, 10);
        var shown = await factory.SendAs(market, new CaseView.Query { Number = number });
        Assert.Contains(CaseTrigger.Complete, shown.Actions);
        await factory.ActAsync(market, number, CaseTrigger.Complete, shown.Version);

        var done = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Completed, done.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 22, 10), done.ClosedAt);
        var cancelled = await factory.EnterpriseAsync(enterprise.CreditCode);
        Assert.Equal(EnterpriseStatus.Cancelled, cancelled.Status);
        Assert.Equal(new DateOnly(2026, 12, 22), cancelled.CancelledOn);
        Assert.Null(cancelled.DeregistrationCaseId);
        Assert.Contains(number, cancelled.CancellationNote);
        var permit = await factory.WithDb(db => db.Permits.AsNoTracking().SingleAsync(p => p.Id == permitId));
        Assert.Equal(PermitStatus.Cancelled, permit.Status);
        Assert.Equal(new DateOnly(2026, 12, 22), permit.CancelledOn);
        Assert.Equal(number, permit.CancelledByCase);

        // The public licence check says so, with the date.
        using (var visitor = new HttpSession(factory))
        {
            var check = await visitor.GetAsync(verify);
            Assert.Equal(HttpStatusCode.OK, check.Status);
            var result = check.TestId("verify-result");
            Assert.NotNull(result);
            Assert.Contains("已注销", result);
            Assert.Contains("2026年12月22日", result);
            Assert.DoesNotContain("有效：", result);
        }

        // Shared with six departments, none confirmed yet.
        var shares = (await factory.ApplicationAsync(number)).Shares;
        Assert.Equal(6, shares.Count);
        Assert.Equal(DeregistrationApplication.SharedWith.Order(), shares.Select(s => s.Department).Order());
        Assert.All(shares, s => Assert.False(s.Confirmed));
        var panel = await factory.SendAs(market, new CasePanel.Query { Number = number });
        Assert.Contains(panel.Permits, p => p.Number == "JY13704020000001" && p.Status.Contains("已注销") && p.Status.Contains("2026年12月22日"));

        var reviewers = new Dictionary<Department, TestUser>();
        foreach (var department in DeregistrationApplication.SharedWith)
        {
            reviewers[department] = await factory.CreateUserAsync(department.ReviewerRole(), $"{department.Label()}审批员");
        }

        // A shared department's reviewer may open the case and its panel; a department it was not shared with may not.
        var tax = reviewers[Department.Tax];
        Assert.Equal(number, (await factory.SendAs(tax, new CaseView.Query { Number = number })).Number);
        var taxPanel = await factory.SendAs(tax, new CasePanel.Query { Number = number });
        Assert.Single(taxPanel.Shares, s => s.CanConfirm);
        Assert.Equal(Department.Tax.Label(), taxPanel.Shares.Single(s => s.CanConfirm).Department);
        var police = await factory.CreateUserAsync(Department.Police.ReviewerRole());
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(police, new CaseView.Query { Number = number }));

        // The tax reviewer cannot confirm the customs share.
        var customsShare = shares.Single(s => s.Department == Department.Customs);
        var foreign = await Assert.ThrowsAsync<ForbiddenException>(() =>
            factory.SendAs(tax, new ConfirmShare.Command { Number = number, ShareId = customsShare.Id, ExpectedVersion = customsShare.Version }));
        Assert.Equal($"只有{Department.Customs.Label()}后台人员可以确认。", foreign.Message);
        Assert.False((await factory.ApplicationAsync(number)).Shares.Single(s => s.Id == customsShare.Id).Confirmed);

        // Each department confirms its own share, with the version its case page shows.
        foreach (var (department, reviewer) in reviewers)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(5));
            var mine = (await factory.SendAs(reviewer, new CasePanel.Query { Number = number })).Shares.Single(s => s.CanConfirm);
            Assert.Equal(department.Label(), mine.Department);
            await factory.SendAs(reviewer, new ConfirmShare.Command { Number = number, ShareId = mine.Id, ExpectedVersion = mine.Version });
        }

        // Confirming twice is refused.
        var taxShare = (await factory.ApplicationAsync(number)).Shares.Single(s => s.Department == Department.Tax);
        var twice = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(tax, new ConfirmShare.Command { Number = number, ShareId = taxShare.Id, ExpectedVersion = taxShare.Version }));
        Assert.Equal($"{Department.Tax.Label()}已于之前确认，无需重复确认。", twice.Message);

        // The panel shows who confirmed each share; the history has one note per department.
        var confirmed = await factory.SendAs(market, new CasePanel.Query { Number = number });
        Assert.Equal(6, confirmed.Shares.Count);
        foreach (var (department, reviewer) in reviewers)
        {
            var share = confirmed.Shares.Single(s => s.Department == department.Label());
            Assert.True(share.Confirmed);
            Assert.Equal(reviewer.Name, share.By);
            Assert.NotNull(share.At);
            Assert.False(share.CanConfirm);
            Assert.Single(await factory.NotesAsync(number, $"{department.Label()}确认收到注销信息"));
        }

        var stored = await factory.ApplicationAsync(number);
        Assert.All(stored.Shares, s => Assert.Equal(reviewers[s.Department].Name, s.ConfirmedByName));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Review_not_completed_within_one_working_day_after_the_notice_is_marked_overdue(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();

        factory.Time.SetChina(2026, 12, 22, 9);
        Assert.Equal(1, await factory.SweepAsync());
        var review = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.FinalReview, review.State);
        Assert.False(review.IsOverdue);

        factory.Time.SetChina(2026, 12, 22, 17);
        Assert.Equal(0, await factory.SweepAsync());
        Assert.False((await factory.LoadCaseAsync(number)).IsOverdue);

        factory.Time.SetChina(2026, 12, 23, 9);
        Assert.Equal(1, await factory.SweepAsync());

        var late = await factory.LoadCaseAsync(number);
        Assert.True(late.IsOverdue);
        Assert.Equal(CaseState.FinalReview, late.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 23, 9), late.OverdueSince);
        Assert.Equal(CaseState.FinalReview, Assert.Single(late.History, e => e.Action == Case.OverdueAction).ToState);
        Assert.True((await factory.EnterpriseAsync(world.Enterprise.CreditCode)).IsActive);

        // Still a review to finish: 市场监管 completes it late.
        await world.ActAsync(world.Market, number, CaseTrigger.Complete);
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
        Assert.Equal(new DateOnly(2026, 12, 23), (await factory.EnterpriseAsync(world.Enterprise.CreditCode)).CancelledOn);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Review_returns_the_application_for_correction_and_the_applicant_resubmits_on_the_same_case(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        factory.Time.SetChina(2026, 12, 22, 9);
        await factory.SweepAsync();
        Assert.Equal(CaseState.FinalReview, (await factory.LoadCaseAsync(number)).State);

        // 容错: the reason is required, then the case goes back to the applicant.
        factory.Time.SetChina(2026, 12, 22, 10);
        var noReason = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Market, number, CaseTrigger.ReturnForCorrection));
        Assert.Contains("退回更正须写明需要更正的事项", noReason.Reasons);
        await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Representative, number, CaseTrigger.ReturnForCorrection, "自己退回"));
        await world.ActAsync(world.Market, number, CaseTrigger.ReturnForCorrection, "承诺书签署日期有误，请更正");

        var returned = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.AwaitingCorrection, returned.State);
        Assert.Equal(Roles.Applicant, returned.HolderRole);
        Assert.Equal(1, (await factory.ApplicationAsync(number)).Corrections);
        var applicantView = await factory.SendAs(world.Representative, new CaseView.Query { Number = number });
        Assert.Contains(CaseTrigger.Resubmit, applicantView.Actions);

        factory.Time.SetChina(2026, 12, 23, 10);
        var silent = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Representative, number, CaseTrigger.Resubmit));
        Assert.Contains("请说明已更正的内容", silent.Reasons);
        await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Market, number, CaseTrigger.Resubmit, "代为提交"));
        await world.ActAsync(world.Representative, number, CaseTrigger.Resubmit, "已更正承诺书签署日期");

        var resubmitted = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.FinalReview, resubmitted.State);
        Assert.Equal(Department.Market.ReviewerRole(), resubmitted.HolderRole);
        // The resubmission's review counts 1 working day from the resubmission itself.
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 24, 17), resubmitted.StepDueAt);

        factory.Time.SetChina(2026, 12, 23, 11);
        await world.ActAsync(world.Market, number, CaseTrigger.Complete);

        // One case, one number: both review rounds are in its history.
        Assert.Equal((1, 1), await factory.DeregistrationCountsAsync());
        var history = await factory.HistoryAsync(number);
        var steps = history.Where(e => !Case.IsNote(e)).Select(e => e.Action).ToList();
        Assert.Equal(
            ["Submit", nameof(CaseTrigger.Accept), nameof(CaseTrigger.NoticeEnds), nameof(CaseTrigger.ReturnForCorrection), nameof(CaseTrigger.Resubmit), nameof(CaseTrigger.Complete)],
            steps);
        Assert.Equal("承诺书签署日期有误，请更正", history.Single(e => e.Action == nameof(CaseTrigger.ReturnForCorrection)).Reason);
        Assert.Equal("已更正承诺书签署日期", history.Single(e => e.Action == nameof(CaseTrigger.Resubmit)).Reason);
        Assert.Equal(2, history.Count(e => e.ToState == CaseState.FinalReview));
        Assert.Equal(1, (await factory.SendAs(world.Market, new CasePanel.Query { Number = number })).Corrections);
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
        Assert.False((await factory.EnterpriseAsync(world.Enterprise.CreditCode)).IsActive);
    }
}
