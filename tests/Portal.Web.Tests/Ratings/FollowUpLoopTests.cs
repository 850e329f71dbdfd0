using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// The 差评 loop through the commands, on the fake clock across 中秋 and 国庆 2026: 评价 → 回访 → 核实 → 整改 (late) →
/// 反馈 → the rater rates the result; a review asked once and reopened with a new due date; the 不属实 path.
/// </summary>
public sealed class FollowUpLoopTests
{
    private const string Complaint = "窗口要求重复提交材料三次";
    private const string Result = "已约谈窗口人员，材料清单已统一并在大厅公示";

    /// <summary>Sets the clock to Tuesday 22 September 2026 and finishes a case there (the rating follows on the 23rd).</summary>
    private static async Task<(RatingWorld World, string Number)> FinishedBeforeTheHolidaysAsync(PortalFactory factory)
    {
        factory.Time.SetChina(2026, 9, 22, 9);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        factory.Time.SetChina(2026, 9, 23, 10);
        return (world, number);
    }

    /// <summary>What the public calendar API answers for N working days from a local instant.</summary>
    private static async Task<DateTime> CalendarDueAsync(PortalFactory factory, string fromLocal, int workingDays)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/calendar/due?from={fromLocal}&workingDays={workingDays}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var local = DateTime.Parse(json.RootElement.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, TimeSpan.FromHours(8)).UtcDateTime;
    }

    private static async Task<FollowUpList.Row> OnlyRowAsync(PortalFactory factory, TestUser supervisor, bool includeClosed = false) =>
        Assert.Single((await factory.SendAs(supervisor, new FollowUpList.Query { IncludeClosed = includeClosed })).Rows);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Bad_rating_runs_its_loop_to_the_raters_satisfaction_across_the_national_day_holidays(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var (world, number) = await FinishedBeforeTheHolidaysAsync(factory);

        // 评价: 非常不满意, real-name.
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, Complaint);

        var followUp = await world.FollowUpOfAsync(code);
        Assert.Equal(FollowUpState.AwaitingVisit, followUp.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 9, 23, 10), followUp.OpenedAt);
        // 15 working days (the profile's default): 中秋 25-27 Sep and 国庆 1-7 Oct off, Saturday 10 Oct worked.
        Assert.Equal(Scenario.ChinaUtc(2026, 10, 21, 17), followUp.DueAt);
        Assert.Equal(await CalendarDueAsync(factory, "2026-09-23T10:00", 15), followUp.DueAt);
        Assert.Equal("15个工作日", followUp.LimitText);
        Assert.Equal(nameof(Department.Market), followUp.Unit);

        // The supervisors (and only they) are told, without the rater.
        var bad = await factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.BadRating).ToListAsync());
        Assert.Equal([Roles.Supervisor], bad.Select(n => n.RecipientRole ?? n.RecipientId)); // one message, in the supervisors' inbox
        foreach (var supervisor in new[] { world.Supervisor, world.OtherSupervisor })
        {
            Assert.Single((await factory.SendAs(supervisor, new Portal.Web.Features.Messages.Inbox.Query())).Rows, r => r.Code == NotificationKind.BadRating);
        }

        Assert.DoesNotContain((await factory.SendAs(world.Applicant, new Portal.Web.Features.Messages.Inbox.Query())).Rows, r => r.Code == NotificationKind.BadRating);
        Assert.All(bad, n =>
        {
            Assert.Equal(number, n.CaseNumber);
            Assert.Equal("/Ratings/FollowUps", n.Link);
            Assert.Equal("收到差评，请及时回访核实", n.Title);
            Assert.Contains("非常不满意", n.Body);
            Assert.Contains("15个工作日", n.Body);
            Assert.DoesNotContain(RatingWorld.RaterName, n.Body);
            Assert.DoesNotContain(RatingWorld.RaterPhone, n.Body);
        });

        var row = await OnlyRowAsync(factory, world.Supervisor);
        Assert.Equal(followUp.Id, row.Id);
        Assert.Equal("待回访", row.State);
        Assert.Equal("非常不满意", row.Level);
        Assert.Equal("办理", row.Subject);
        Assert.Equal("企业开办", row.Service);
        Assert.Equal(Department.Market.Label(), row.Unit);
        Assert.True(row.RealName);
        Assert.Equal(DeadlineStatus.OnTrack, row.Due.Status);
        Assert.Equal("2026年10月21日 17:00前", row.Due.Text);

        // 回访 and 核实属实.
        factory.Time.SetChina(2026, 9, 24, 9, 30);
        Assert.Equal(FollowUpState.Verifying, await world.ActAsync(world.Supervisor, followUp.Id, FollowUpTrigger.RecordVisit, "已电话回访，评价人反映需重复提交营业场所证明"));
        factory.Time.SetChina(2026, 9, 24, 14);
        Assert.Equal(FollowUpState.Rectifying, await world.ActAsync(world.OtherSupervisor, followUp.Id, FollowUpTrigger.Verify, "调阅记录属实", Finding.True));
        followUp = await world.FollowUpOfAsync(code);
        Assert.Equal(Scenario.ChinaUtc(2026, 9, 24, 9, 30), followUp.VisitedAt);
        Assert.Equal(Finding.True, followUp.Finding);
        Assert.Equal("督查乙", followUp.HandledByName);

        // The clock passes the due time: the list shows the follow-up red.
        factory.Time.SetChina(2026, 10, 21, 16, 59);
        Assert.Equal(DeadlineStatus.OnTrack, (await OnlyRowAsync(factory, world.Supervisor)).Due.Status);
        factory.Time.SetChina(2026, 10, 22, 9);
        row = await OnlyRowAsync(factory, world.Supervisor);
        Assert.Equal(DeadlineStatus.Overdue, row.Due.Status);
        Assert.Equal("已超时（应于2026年10月21日 17:00前完成）", row.Due.Text);
        using (var session = await new HttpSession(factory).SignedInAsync(world.Supervisor))
        {
            var list = await session.GetAsync("/Ratings/FollowUps");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Contains("<tr class=\"row-overdue\">", list.Body);
            Assert.Contains("deadline-overdue", list.Body);
            Assert.Contains("已超时（应于2026年10月21日 17:00前完成）", list.Text);

            // The supervisors' workbench shows the same follow-up red in its 差评整改 section.
            var workbench = await session.GetAsync("/Workbench");
            Assert.Equal(HttpStatusCode.OK, workbench.Status);
            Assert.Contains($"<tr class=\"row-overdue\" data-follow-up=\"{followUp.Id}\">", workbench.Body);
            Assert.Contains("已超时（应于2026年10月21日 17:00前完成）", workbench.TestId("workbench-ratings"));
        }

        // 整改 result (late) goes back to the rater.
        factory.Time.SetChina(2026, 10, 22, 10);
        Assert.Equal(FollowUpState.AwaitingRater, await world.ActAsync(world.Supervisor, followUp.Id, FollowUpTrigger.Rectify, Result));
        followUp = await world.FollowUpOfAsync(code);
        Assert.Equal(Result, followUp.Result);
        Assert.Equal(Scenario.ChinaUtc(2026, 10, 22, 10), followUp.ResultAt);
        Assert.True(followUp.IsLate(Scenario.ChinaUtc(2026, 10, 22, 10)));
        Assert.Equal(DeadlineStatus.Overdue, (await OnlyRowAsync(factory, world.Supervisor)).Due.Status);
        Assert.Equal("待评价人确认", (await OnlyRowAsync(factory, world.Supervisor)).State);

        var reply = Assert.Single(await factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.RatingReply).ToListAsync()));
        Assert.Equal(world.Applicant.Id, reply.RecipientId);
        Assert.Equal($"/Ratings/View/{code}", reply.Link);
        Assert.Equal(number, reply.CaseNumber);
        Assert.Contains(Result, reply.Body);

        // The rater sees the reply on the rating's page and rates it 满意.
        var view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.Equal(FollowUpState.AwaitingRater, view.State);
        Assert.Equal("待评价人确认", view.StateLabel);
        Assert.Equal("属实", view.Finding);
        Assert.Equal(Result, view.Reply);
        Assert.Equal("2026年10月22日 10:00", view.ResultAt);
        Assert.Equal("2026年10月21日 17:00", view.Due);
        Assert.True(view.MayRespond);
        Assert.True(view.MayRequestReview);
        Assert.Equal(Complaint, view.Comment);

        factory.Time.SetChina(2026, 10, 23, 9);
        Assert.Equal(FollowUpState.Closed, await world.RespondAsync(code, RectificationSatisfaction.Satisfied, "认可整改"));

        followUp = await world.FollowUpOfAsync(code);
        Assert.Equal(FollowUpState.Closed, followUp.State);
        Assert.Equal(RectificationSatisfaction.Satisfied, followUp.RaterSatisfaction);
        Assert.Equal("认可整改", followUp.RaterRemark);
        Assert.Equal(Scenario.ChinaUtc(2026, 10, 23, 9), followUp.ClosedAt);
        view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.Equal("已办结", view.StateLabel);
        Assert.Equal("满意", view.RaterSatisfaction);
        Assert.False(view.MayRespond);
        Assert.Empty((await factory.SendAs(world.Supervisor, new FollowUpList.Query())).Rows);
        Assert.Equal("已办结", (await OnlyRowAsync(factory, world.Supervisor, includeClosed: true)).State);

        var late = await Assert.ThrowsAsync<RuleViolationException>(() => world.RespondAsync(code, RectificationSatisfaction.Dissatisfied, "再改", review: true));
        Assert.Contains("已办结", late.Message);
        Assert.Equal(RectificationSatisfaction.Satisfied, (await world.FollowUpOfAsync(code)).RaterSatisfaction);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Unsatisfied_rater_asks_for_one_review_and_reopening_sets_a_new_due_date_from_the_calendar(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var (world, number) = await FinishedBeforeTheHolidaysAsync(factory);
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.Dissatisfied, "营业执照领取等了两天", anonymous: true);
        var id = (await world.FollowUpOfAsync(code)).Id;
        Assert.Equal(FollowUpState.Verifying, (await world.FollowUpOfAsync(code)).State);

        factory.Time.SetChina(2026, 9, 24, 10);
        await world.ActAsync(world.Supervisor, id, FollowUpTrigger.Verify, "部分属实：执照打印机故障", Finding.PartlyTrue);
        factory.Time.SetChina(2026, 9, 28, 10);
        await world.ActAsync(world.Supervisor, id, FollowUpTrigger.Rectify, "已更换打印机");

        // Not satisfied: a review, once.
        factory.Time.SetChina(2026, 9, 29, 9);
        Assert.Equal(FollowUpState.Reviewing, await world.RespondAsync(code, RectificationSatisfaction.Dissatisfied, "只换了打印机，没有道歉", review: true));
        var reviewing = await world.FollowUpOfAsync(code);
        Assert.True(reviewing.ReviewRequested);
        Assert.Equal("只换了打印机，没有道歉", reviewing.ReviewReason);
        Assert.Equal("复核中", (await OnlyRowAsync(factory, world.Supervisor)).State);
        var view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.False(view.MayRespond);
        await Assert.ThrowsAsync<RuleViolationException>(() => world.RespondAsync(code, RectificationSatisfaction.Dissatisfied, "再次复核", review: true));

        // 复核: reopened on Wednesday 30 September, 16:00 — 15 working days counted after 国庆.
        factory.Time.SetChina(2026, 9, 30, 16);
        Assert.Equal(FollowUpState.Rectifying, await world.ActAsync(world.OtherSupervisor, id, FollowUpTrigger.Reopen, "整改不彻底，重新整改并书面致歉"));
        var reopened = await world.FollowUpOfAsync(code);
        Assert.Equal(Scenario.ChinaUtc(2026, 10, 27, 17), reopened.DueAt);
        Assert.Equal(await CalendarDueAsync(factory, "2026-09-30T16:00", 15), reopened.DueAt);
        Assert.Null(reopened.ResultAt);
        Assert.Null(reopened.RaterSatisfaction);
        Assert.Equal("2026年10月27日 17:00前", (await OnlyRowAsync(factory, world.Supervisor)).Due.Text);

        factory.Time.SetChina(2026, 10, 9, 11);
        await world.ActAsync(world.Supervisor, id, FollowUpTrigger.Rectify, "已书面致歉并公示整改措施");
        view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.True(view.MayRespond);
        Assert.False(view.MayRequestReview);
        Assert.Equal("已书面致歉并公示整改措施", view.Reply);
        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => world.RespondAsync(code, RectificationSatisfaction.Dissatisfied, "还是不满意", review: true));
        Assert.Contains("复核只能申请一次", twice.Reasons);
        Assert.Equal(FollowUpState.Closed, await world.RespondAsync(code, RectificationSatisfaction.Basic));

        // Both results were sent to the (anonymous, signed-in) rater; nobody else got a reply.
        var replies = await factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.RatingReply).ToListAsync());
        Assert.Equal(2, replies.Count);
        Assert.All(replies, n => Assert.Equal(world.Applicant.Id, n.RecipientId));
        Assert.False((await world.FollowUpOfAsync(code)).IsLate(Scenario.ChinaUtc(2026, 12, 1, 9)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Found_not_true_the_explanation_goes_back_and_a_review_can_confirm_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var (world, number) = await FinishedBeforeTheHolidaysAsync(factory);
        var code = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "窗口拒绝受理");
        var id = (await world.FollowUpOfAsync(code)).Id;
        await world.ActAsync(world.Supervisor, id, FollowUpTrigger.RecordVisit, "已回访");

        // The page offers 核实属实 and 核实不属实 in one form; whatever finding was ticked, the second button means 不属实.
        var detail = await factory.SendAs(world.Supervisor, new FollowUpDetail.Query { Id = id });
        Assert.Equal(new[] { FollowUpTrigger.Verify, FollowUpTrigger.Rectify }, detail.Actions);
        factory.Time.SetChina(2026, 9, 24, 11);
        Assert.Equal(FollowUpState.AwaitingRater, await world.ActAsync(world.Supervisor, id, FollowUpTrigger.Rectify, "经调阅录像，窗口当场受理，未拒绝", Finding.True));

        var followUp = await world.FollowUpOfAsync(code);
        Assert.Equal(Finding.NotTrue, followUp.Finding);
        Assert.Equal("经调阅录像，窗口当场受理，未拒绝", followUp.FindingNotes);
        Assert.Equal("经调阅录像，窗口当场受理，未拒绝", followUp.Result);
        Assert.Equal(Scenario.ChinaUtc(2026, 9, 24, 11), followUp.ResultAt);
        var view = await factory.SendAs(null, new RatingView.Query { Code = code });
        Assert.Equal("不属实", view.Finding);
        Assert.Equal("经调阅录像，窗口当场受理，未拒绝", view.Reply);

        await world.RespondAsync(code, RectificationSatisfaction.Dissatisfied, "我有录音", review: true);
        detail = await factory.SendAs(world.Supervisor, new FollowUpDetail.Query { Id = id });
        Assert.Equal(new[] { FollowUpTrigger.Reopen, FollowUpTrigger.ConfirmResult }, detail.Actions);
        Assert.Equal(FollowUpState.Closed, await world.ActAsync(world.OtherSupervisor, id, FollowUpTrigger.ConfirmResult, "复核维持不属实结论"));
        Assert.Equal(FollowUpState.Closed, (await world.FollowUpOfAsync(code)).State);
        Assert.Empty((await factory.SendAs(world.Supervisor, new FollowUpDetail.Query { Id = id })).Actions);
    }

    /// <summary>
    /// 复核意见 is required for 复核：重新整改 and 复核：维持结果. In 0acf8ce it was thrown away (never stored); since 222c180 it
    /// is kept in the follow-up's notes with the superseded result.
    /// </summary>
    [Theory]
    [InlineData(FollowUpTrigger.ConfirmResult)]
    [InlineData(FollowUpTrigger.Reopen)]
    public async Task The_review_opinion_is_kept_on_the_follow_up_page(FollowUpTrigger decision)
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var (world, number) = await FinishedBeforeTheHolidaysAsync(factory);
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "办结通知太晚", anonymous: true);
        var id = (await world.FollowUpOfAsync(code)).Id;
        await world.ActAsync(world.Supervisor, id, FollowUpTrigger.Verify, "属实", Finding.True);
        await world.ActAsync(world.Supervisor, id, FollowUpTrigger.Rectify, "已增加短信通知");
        await world.RespondAsync(code, RectificationSatisfaction.Dissatisfied, "短信也没收到", review: true);
        const string Opinion = "复核意见：已核对短信平台发送记录甲乙丙";

        await world.ActAsync(world.OtherSupervisor, id, decision, Opinion);

        using var session = await new HttpSession(factory).SignedInAsync(world.Supervisor);
        var page = await session.GetAsync($"/Ratings/FollowUps/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Text.Contains(Opinion, StringComparison.Ordinal), "the supervisor's review opinion was not stored: the follow-up page does not show it");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Only_supervisors_work_a_follow_up_and_a_stale_form_is_refused(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "太慢");
        var id = (await world.FollowUpOfAsync(code)).Id;
        var visit = new ActOnFollowUp.Command { Id = id, Trigger = FollowUpTrigger.RecordVisit, Text = "已回访" };

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Clerk, visit));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Admin, visit));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Applicant, visit));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Market, visit));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, visit));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Clerk, new FollowUpList.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Clerk, new FollowUpDetail.Query { Id = id }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Supervisor, visit with { Id = id + 100 }));
        var rater = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Supervisor, visit with { Trigger = FollowUpTrigger.RaterResponds }));
        Assert.Contains(rater.Errors, e => e.Message == "不支持的操作。");
        Assert.Contains((await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Supervisor, visit with { Trigger = FollowUpTrigger.CloseByAppeal }))).Errors, e => e.Message == "不支持的操作。");
        Assert.Contains("请填写回访情况", (await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(world.Supervisor, visit with { Text = " " }))).Reasons);

        // The administrator reads the page but gets no buttons.
        var adminView = await factory.SendAs(world.Admin, new FollowUpDetail.Query { Id = id });
        Assert.Empty(adminView.Actions);
        Assert.Equal(new[] { FollowUpTrigger.RecordVisit }, (await factory.SendAs(world.Supervisor, new FollowUpDetail.Query { Id = id })).Actions);

        await world.ActAsync(world.Supervisor, id, FollowUpTrigger.RecordVisit, "已回访");

        // Two supervisors with the same page open: the second gets the conflict and nothing of theirs is stored.
        var shown = (await factory.SendAs(world.Supervisor, new FollowUpDetail.Query { Id = id })).FollowUp.Version;
        Assert.NotEqual(0, shown);
        await factory.SendAs(world.Supervisor, new ActOnFollowUp.Command { Id = id, Trigger = FollowUpTrigger.Verify, Finding = Finding.True, Text = "属实", ExpectedVersion = shown });
        var stale = await Assert.ThrowsAsync<ConflictException>(() => factory.SendAs(world.OtherSupervisor,
            new ActOnFollowUp.Command { Id = id, Trigger = FollowUpTrigger.Rectify, Finding = Finding.NotTrue, Text = "不属实，窗口无过错", ExpectedVersion = shown }));
        Assert.Equal(ConflictException.RecordChanged, stale.Message);
        var stored = await world.FollowUpOfAsync(code);
        Assert.Equal(FollowUpState.Rectifying, stored.State);
        Assert.Null(stored.Result);
        Assert.Equal("督查甲", stored.HandledByName);
    }

    /// <summary>
    /// BUG: ActOnFollowUp skips the version check when ExpectedVersion is 0 (“not sent”), but 0 is also the real version of
    /// every follow-up that nobody has touched yet (an anonymous 差评 starts at 待核实 with version 0). A supervisor whose
    /// page is stale therefore acts on a state they never saw: here 督查乙's “核实不属实，向评价人说明” lands on the 整改中
    /// state 督查甲 just set, and goes to the rater as the 整改结果 while the finding stays 属实.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_stale_form_on_an_untouched_follow_up_is_refused_and_not_applied_to_the_newer_state(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "太慢", anonymous: true);
        var id = (await world.FollowUpOfAsync(code)).Id;
        // Both supervisors open the page of the new (anonymous: 待核实) follow-up.
        var seenByFirst = (await factory.SendAs(world.Supervisor, new FollowUpDetail.Query { Id = id })).FollowUp.Version;
        var seenBySecond = (await factory.SendAs(world.OtherSupervisor, new FollowUpDetail.Query { Id = id })).FollowUp.Version;

        await factory.SendAs(world.Supervisor, new ActOnFollowUp.Command { Id = id, Trigger = FollowUpTrigger.Verify, Finding = Finding.True, Text = "调阅录像，属实", ExpectedVersion = seenByFirst });
        var second = await Scenario.Outcome(() => factory.SendAs(world.OtherSupervisor,
            new ActOnFollowUp.Command { Id = id, Trigger = FollowUpTrigger.Rectify, Finding = Finding.NotTrue, Text = "不属实，窗口无过错", ExpectedVersion = seenBySecond }));

        var stored = await world.FollowUpOfAsync(code);
        Assert.True(second is ConflictException, $"the stale form was {(second is null ? "applied" : "refused with " + second.GetType().Name)}: state {stored.State}, finding {stored.Finding}, result sent to the rater “{stored.Result}”");
        Assert.Equal(FollowUpState.Rectifying, stored.State);
        Assert.Null(stored.Result);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_supervisors_submitting_at_the_same_moment_store_one_step(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "太慢", anonymous: true);
        var id = (await world.FollowUpOfAsync(code)).Id;
        var shown = (await factory.SendAs(world.Supervisor, new FollowUpDetail.Query { Id = id })).FollowUp.Version;

        using var start = new SemaphoreSlim(0, 2);
        var attempts = new[] { (world.Supervisor, "甲：属实"), (world.OtherSupervisor, "乙：属实") }.Select(p => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.SendAs(p.Item1, new ActOnFollowUp.Command { Id = id, Trigger = FollowUpTrigger.Verify, Finding = Finding.True, Text = p.Item2, ExpectedVersion = shown }));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        // Refused either way: a version conflict (PostgreSQL, both read at once) or the state already moved on (SQLite serialises the two).
        var refused = Assert.Single(outcomes, o => o is not null);
        Assert.True(refused is ConflictException or RuleViolationException, refused!.ToString());
        var stored = await world.FollowUpOfAsync(code);
        Assert.Equal(FollowUpState.Rectifying, stored.State);
        Assert.Equal(shown + 1, stored.Version);
        Assert.Contains(stored.FindingNotes, new[] { "甲：属实", "乙：属实" });
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_rater_answers_only_a_result_of_their_own_bad_rating(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var good = await world.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.Satisfied);
        var bad = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "太慢");

        Assert.Equal("未找到该评价的整改记录。", (await Assert.ThrowsAsync<NotFoundException>(() => world.RespondAsync(good, RectificationSatisfaction.Satisfied))).Message);
        await Assert.ThrowsAsync<NotFoundException>(() => world.RespondAsync("0123456789abcdef01234567", RectificationSatisfaction.Satisfied));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(null, new RespondToFollowUp.Command { Code = bad }));
        Assert.Contains(missing.Errors, e => e.Message == "请选择对整改结果的评价。");
        // Before any result there is nothing to rate.
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => world.RespondAsync(bad, RectificationSatisfaction.Satisfied));
        Assert.Contains("待回访", early.Message);
        Assert.Equal(FollowUpState.AwaitingVisit, (await world.FollowUpOfAsync(bad)).State);
        Assert.Equal("未找到该评价。", (await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(null, new RatingView.Query { Code = "0123456789abcdef01234567" }))).Message);
    }

    /// <summary>
    /// BUG: the follow-up form accepts 2000 characters (textarea maxlength and ActOnFollowUp.Validator), but the columns
    /// VisitNotes and FindingNotes hold 1000 (PortalDbContext). On PostgreSQL a 回访/核实 note of 1001-2000 characters ends
    /// in a DbUpdateException (value too long, an error page) instead of being stored or refused in Chinese; SQLite does
    /// not enforce the length and stores it.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite, FollowUpTrigger.RecordVisit)]
    [InlineData(Provider.PostgreSql, FollowUpTrigger.RecordVisit)]
    [InlineData(Provider.PostgreSql, FollowUpTrigger.Verify)]
    public async Task A_long_note_within_the_forms_limit_is_stored_or_refused_in_chinese(Provider provider, FollowUpTrigger trigger)
    {
        await using var factory = new PortalFactory(provider);
        var world = await RatingWorld.CreateAsync(factory);
        var number = await world.CompletedCaseAsync();
        var code = await world.RateCaseAsync(number, RatingSubject.Processing, RatingLevel.VeryDissatisfied, "太慢", anonymous: trigger == FollowUpTrigger.Verify);
        var id = (await world.FollowUpOfAsync(code)).Id;
        var note = "回访记录：" + new string('详', 1200);

        var outcome = await Scenario.Outcome(() => world.ActAsync(world.Supervisor, id, trigger, note, Finding.True));

        Assert.True(outcome is null or ValidationFailedException or RuleViolationException, $"a {note.Length}-character note ended in {outcome?.GetType().Name}: {outcome?.Message}");
        var stored = await world.FollowUpOfAsync(code);
        if (outcome is null)
        {
            Assert.Equal(note, trigger == FollowUpTrigger.RecordVisit ? stored.VisitNotes : stored.FindingNotes);
        }
    }
}
