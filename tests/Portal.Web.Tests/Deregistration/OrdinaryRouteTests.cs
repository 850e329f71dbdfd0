using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>
/// 普通注销: the liquidation group notifies creditors within 10 days of its formation, publishes the creditor notice,
/// creditors claim during 45 days (on the public board), the sweep ends the claims period, the group reports and
/// 市场监管 cancels the enterprise.
/// </summary>
public sealed class OrdinaryRouteTests
{
    private const string NoticeText = "枣庄青禾科技有限公司清算组公告：本公司股东会决议解散，请债权人自公告之日起45日内向清算组申报债权。联系人：张明。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Ordinary_route_runs_through_creditor_notice_and_claims_to_cancellation(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var rep = world.Representative;

        // Mon 23 Nov: the liquidation group was formed on Fri 20 Nov (3 days ago).
        var formed = new DateOnly(2026, 11, 20);
        var number = await factory.SendAs(rep, DeregistrationSteps.OrdinaryCommand(world.Enterprise, formed));
        Assert.Matches(@"^PTZX-20261123-\d{6}$", number);
        var application = await factory.ApplicationAsync(number);
        Assert.Equal(DeregistrationRoute.Ordinary, application.Route);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 20, 0), application.GroupFormedAt);
        Assert.Equal("张明、李华", application.LiquidationGroup);

        await world.AcceptAsync(number);
        var notify = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.CreditorNotification, notify.State);
        Assert.Equal(Roles.Applicant, notify.HolderRole);
        // 10 days from the group's formation: Mon 30 Nov.
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 30, 17), notify.StepDueAt);

        var withoutHow = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(rep, number, CaseTrigger.NotifyCreditors));
        Assert.Contains("请写明通知债权人的方式、对象和日期", withoutHow.Reasons);
        await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Market, number, CaseTrigger.NotifyCreditors, "代为通知"));
        await world.ActAsync(rep, number, CaseTrigger.NotifyCreditors, "2026年11月23日以挂号信书面通知已知债权人3家");
        var noticeDue = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.CreditorNoticeDue, noticeDue.State);
        // 60 days from the group's formation: Tue 19 Jan 2027.
        Assert.Equal(Scenario.ChinaUtc(2027, 1, 19, 17), noticeDue.StepDueAt);

        // Tue 24 Nov 10:00: the creditor notice is published; claims run 45 days, to Fri 8 Jan 2027.
        factory.Time.SetChina(2026, 11, 24, 10);
        await world.ActAsync(rep, number, CaseTrigger.PublishCreditorNotice, NoticeText);
        var claims = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.ClaimsPeriod, claims.State);
        Assert.Equal(Scenario.ChinaUtc(2027, 1, 8, 17), claims.StepDueAt);
        application = await factory.ApplicationAsync(number);
        Assert.Equal(NoticeText, application.NoticeText);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 10), application.NoticeStartsAt);
        Assert.Equal(claims.StepDueAt, application.NoticeEndsAt);

        // The notice is on the public board and takes claims with an amount.
        factory.Time.SetChina(2026, 12, 15, 10);
        using (var creditor = new HttpSession(factory))
        {
            var board = await creditor.GetAsync("/Notices");
            Assert.Contains($"data-notice=\"{number}\"", board.Body);
            Assert.Contains("清算组债权人公告", board.Text);
            var form = await creditor.NoticeFormAsync(number);
            Assert.Contains(NoticeText, form.Text);
            Assert.Contains("name=\"Data.Amount\"", form.Body);

            var noAmount = await creditor.PostObjectionAsync(form, "枣庄恒达建材有限公司", "0632-3312345", "2026年9月供货建材货款");
            Assert.Equal(HttpStatusCode.OK, noAmount.Status);
            Assert.Contains("请填写申报的债权金额。", noAmount.Text);
            Assert.Equal(0, await factory.ResponseCountAsync());

            var claimed = await creditor.PostObjectionAsync(noAmount, "枣庄恒达建材有限公司", "0632-3312345", "2026年9月供货建材货款", "12345.50");
            Assert.True(claimed.Status == HttpStatusCode.Redirect, claimed.ToString());
            Assert.Contains("债权申报已提交，受理编号 ZQ", (await creditor.GetAsync($"/Notices/{number}")).Text);
        }

        var claim = Assert.Single((await factory.ApplicationAsync(number)).Responses);
        Assert.Equal(NoticeResponseKind.Claim, claim.Kind);
        Assert.Equal(12345.50m, claim.Amount);
        Assert.Equal(NoticeDecision.Recorded, claim.Decision);
        Assert.Equal("申报债权12345.5元", Assert.Single(await factory.NotesAsync(number, "收到债权申报")).Reason);
        // The liquidation group (the applicant) sees who claimed, to settle it.
        var groupView = Assert.Single((await factory.SendAs(rep, new CasePanel.Query { Number = number })).Responses);
        Assert.Equal("枣庄恒达建材有限公司（0632-3312345）", groupView.Who);
        Assert.Equal("12,345.5元", groupView.Amount);

        // The claims period cannot be ended early, not even by 市场监管.
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Market, number, CaseTrigger.ClaimsPeriodEnds));
        Assert.Contains("债权申报期至2027年1月8日 17:00届满，届满前不能提交清算报告", early.Reasons);

        // Mon 11 Jan 2027: the sweep ends the claims period.
        factory.Time.SetChina(2027, 1, 11, 9);
        Assert.Equal(1, await factory.SweepAsync());
        var report = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.LiquidationReport, report.State);
        Assert.Equal(Roles.Applicant, report.HolderRole);
        Assert.Null(report.StepDueAt);
        Assert.Equal(CaseActor.System.UserId, report.History.Single(e => e.Action == nameof(CaseTrigger.ClaimsPeriodEnds)).ActorId);
        Assert.Empty((await factory.SendAs(null, new Portal.Web.Features.Notices.NoticeList.Query())).Rows);

        factory.Time.SetChina(2027, 1, 11, 10);
        var noReport = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(rep, number, CaseTrigger.SubmitLiquidationReport));
        Assert.Contains("请填写清算报告（财产清偿、债务处理和剩余财产分配情况）", noReport.Reasons);
        await world.ActAsync(rep, number, CaseTrigger.SubmitLiquidationReport, "债务已全部清偿，剩余财产按出资比例分配");
        var review = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.FinalReview, review.State);
        Assert.Equal(Scenario.ChinaUtc(2027, 1, 12, 17), review.StepDueAt);

        factory.Time.SetChina(2027, 1, 12, 9);
        await world.ActAsync(world.Market, number, CaseTrigger.Complete);

        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
        var cancelled = await factory.EnterpriseAsync(world.Enterprise.CreditCode);
        Assert.Equal(EnterpriseStatus.Cancelled, cancelled.Status);
        Assert.Equal(new DateOnly(2027, 1, 12), cancelled.CancelledOn);
        Assert.Equal(6, (await factory.ApplicationAsync(number)).Shares.Count);
        var steps = (await factory.HistoryAsync(number)).Where(e => !Case.IsNote(e)).Select(e => e.Action).ToList();
        Assert.Equal(
            ["Submit", nameof(CaseTrigger.Accept), nameof(CaseTrigger.NotifyCreditors), nameof(CaseTrigger.PublishCreditorNotice),
                nameof(CaseTrigger.ClaimsPeriodEnds), nameof(CaseTrigger.SubmitLiquidationReport), nameof(CaseTrigger.Complete)],
            steps);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Ordinary_application_needs_a_liquidation_group_formed_neither_in_the_future_nor_before_the_enterprise(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory, establishedOn: new DateOnly(2026, 6, 1));
        var command = DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 11, 20));

        var future = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Representative, command with { FormedOn = new DateOnly(2026, 11, 24) }));
        var beforeEstablished = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Representative, command with { FormedOn = new DateOnly(2026, 5, 31) }));
        var noHead = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Representative, command with { LiquidationHead = "" }));

        Assert.Equal("清算组成立日期不能晚于今天。", Assert.Single(future.Errors).Message);
        Assert.StartsWith("清算组成立日期不能早于企业成立日期", Assert.Single(beforeEstablished.Errors).Message);
        Assert.Equal("请填写清算组负责人。", Assert.Single(noHead.Errors).Message);
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
        Assert.Null((await factory.EnterpriseAsync(world.Enterprise.CreditCode)).DeregistrationCaseId);
    }
}
