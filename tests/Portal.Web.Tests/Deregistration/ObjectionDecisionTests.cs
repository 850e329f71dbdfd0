using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Notices;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>
/// Objections decided by 市场监管: a pending one holds the notice open (the sweep marks the case overdue instead),
/// dismissed lets it end, upheld ends the simple route and frees the enterprise. The applicant sees what was objected,
/// not who objected.
/// </summary>
public sealed class ObjectionDecisionTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Pending_objection_holds_the_notice_and_dismissing_it_after_the_end_moves_to_review_at_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        factory.Time.SetChina(2026, 12, 10, 10);
        await factory.FileAsync(number);

        // Tue 22 Dec: the notice has ended, but the objection is undecided.
        factory.Time.SetChina(2026, 12, 22, 9);
        Assert.Equal(1, await factory.SweepAsync());
        var held = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.NoticePeriod, held.State);
        Assert.True(held.IsOverdue);
        Assert.Single(held.History, e => e.Action == Case.OverdueAction);
        Assert.DoesNotContain(held.History, e => e.Action == nameof(CaseTrigger.NoticeEnds));
        var blocked = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Market, number, CaseTrigger.NoticeEnds));
        Assert.Contains("公示期内有尚未处理的异议，须先作出处理", blocked.Reasons);
        factory.Time.SetChina(2026, 12, 22, 9, 30);
        Assert.Equal(0, await factory.SweepAsync());
        Assert.Equal(CaseState.NoticePeriod, (await factory.LoadCaseAsync(number)).State);

        // 市场监管 finds it unfounded: the notice has ended, so the case moves on at once.
        factory.Time.SetChina(2026, 12, 22, 10);
        var panel = await factory.SendAs(world.Market, new CasePanel.Query { Number = number });
        Assert.True(panel.CanDecide);
        var objection = Assert.Single(panel.Responses);
        await factory.SendAs(world.Market, new DecideObjection.Command
        {
            Number = number,
            ResponseId = objection.Id,
            Upheld = false,
            Reason = "经核实，相关货款已于11月结清",
            ExpectedVersion = panel.CaseVersion,
        });

        var review = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.FinalReview, review.State);
        Assert.False(review.IsOverdue);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 22, 17), review.StepDueAt);
        var dismissed = Assert.Single((await factory.ApplicationAsync(number)).Responses);
        Assert.Equal(NoticeDecision.Dismissed, dismissed.Decision);
        Assert.Equal("经核实，相关货款已于11月结清", dismissed.DecisionReason);
        Assert.Equal(world.Market.Name, dismissed.DecidedByName);
        var history = await factory.HistoryAsync(number);
        Assert.Equal("经核实，相关货款已于11月结清", Assert.Single(history, e => e.ActionLabel == "异议不成立").Reason);
        var ended = Assert.Single(history, e => e.Action == nameof(CaseTrigger.NoticeEnds));
        Assert.Equal(CaseActor.System.UserId, ended.ActorId);

        await world.ActAsync(world.Market, number, CaseTrigger.Complete);
        Assert.False((await factory.EnterpriseAsync(world.Enterprise.CreditCode)).IsActive);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Objection_dismissed_during_the_notice_lets_the_notice_run_to_its_end(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        await factory.FileAsync(number);
        factory.Time.SetChina(2026, 12, 1, 10);
        var panel = await factory.SendAs(world.Market, new CasePanel.Query { Number = number });

        await factory.SendAs(world.Market, new DecideObjection.Command
        {
            Number = number, ResponseId = panel.Responses[0].Id, Upheld = false, Reason = "异议人未提供证据", ExpectedVersion = panel.CaseVersion,
        });

        var still = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.NoticePeriod, still.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 21, 17), still.StepDueAt);

        // Deciding the same objection again is refused.
        var again = await factory.SendAs(world.Market, new CasePanel.Query { Number = number });
        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(world.Market, new DecideObjection.Command
        {
            Number = number, ResponseId = again.Responses[0].Id, Upheld = true, Reason = "改变主意", ExpectedVersion = again.CaseVersion,
        }));
        Assert.Equal("这件异议已经处理过。", twice.Message);

        factory.Time.SetChina(2026, 12, 22, 9);
        Assert.Equal(1, await factory.SweepAsync());
        Assert.Equal(CaseState.FinalReview, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Upheld_objection_terminates_the_simple_route_and_the_enterprise_may_apply_for_ordinary_deregistration(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        await factory.FileAsync(number);
        factory.Time.SetChina(2026, 12, 3, 10);
        var panel = await factory.SendAs(world.Market, new CasePanel.Query { Number = number });

        await factory.SendAs(world.Market, new DecideObjection.Command
        {
            Number = number, ResponseId = panel.Responses[0].Id, Upheld = true, Reason = "经核实该企业尚有未清偿债务", ExpectedVersion = panel.CaseVersion,
        });

        var terminated = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Terminated, terminated.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 3, 10), terminated.ClosedAt);
        Assert.Null(terminated.StepDueAt);
        var upheld = Assert.Single(terminated.History, e => e.Action == nameof(CaseTrigger.UpholdObjection));
        Assert.Contains("经核实该企业尚有未清偿债务", upheld.Reason);
        var application = await factory.ApplicationAsync(number);
        Assert.Equal(NoticeDecision.Upheld, Assert.Single(application.Responses).Decision);
        Assert.Contains("经核实该企业尚有未清偿债务", application.TerminationReason);
        var enterprise = await factory.EnterpriseAsync(world.Enterprise.CreditCode);
        Assert.True(enterprise.IsActive);
        Assert.Null(enterprise.DeregistrationCaseId);
        Assert.DoesNotContain((await factory.SendAs(null, new NoticeList.Query())).Rows, r => r.Number == number);
        var view = await factory.SendAs(world.Representative, new CaseView.Query { Number = number });
        Assert.Contains(view.Links, l => l.Href == $"/Deregistration/Start/{world.Enterprise.CreditCode}?route=Ordinary");
        Assert.NotNull((await factory.SendAs(world.Representative, new CasePanel.Query { Number = number })).TerminationReason);

        // The sweep has nothing to do with a terminated case.
        factory.Time.SetChina(2026, 12, 22, 9);
        Assert.Equal(0, await factory.SweepAsync());

        var ordinary = await factory.SendAs(world.Representative, DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 12, 20)));
        Assert.Matches(@"^PTZX-20261222-\d{6}$", ordinary);
        var c = await factory.LoadCaseAsync(ordinary);
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(DeregistrationService.OrdinaryCode, c.ServiceCode);
        Assert.Equal(c.Id, (await factory.EnterpriseAsync(world.Enterprise.CreditCode)).DeregistrationCaseId);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Only_the_market_reviewer_may_decide_an_objection_and_must_give_a_reason(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        await factory.FileAsync(number);
        var panel = await factory.SendAs(world.Market, new CasePanel.Query { Number = number });
        var before = await factory.SnapshotAsync(number);
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());

        foreach (var user in new[] { world.Representative, world.Window, world.Supervisor, tax })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(user, new DecideObjection.Command
            {
                Number = number, ResponseId = panel.Responses[0].Id, Upheld = true, Reason = "成立", ExpectedVersion = panel.CaseVersion,
            }));
        }

        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new DecideObjection.Command
        {
            Number = number, ResponseId = panel.Responses[0].Id, Upheld = true, Reason = "成立", ExpectedVersion = panel.CaseVersion,
        }));
        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Market, new DecideObjection.Command
        {
            Number = number, ResponseId = panel.Responses[0].Id, Upheld = false, Reason = " ", ExpectedVersion = panel.CaseVersion,
        }));
        Assert.Equal("请写明异议处理意见（成立或不成立的理由）。", Assert.Single(noReason.Errors).Message);
        // Nor may anyone fire the upholding trigger through the case's action form.
        await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Window, number, CaseTrigger.UpholdObjection, "成立"));

        Assert.Equal(before, await factory.SnapshotAsync(number));
        Assert.Equal(NoticeDecision.Pending, Assert.Single((await factory.ApplicationAsync(number)).Responses).Decision);
        // Other staff do not get the decision buttons.
        Assert.False((await factory.SendAs(world.Window, new CasePanel.Query { Number = number })).CanDecide);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Applicant_sees_what_was_objected_but_not_who_objected_or_how_to_reach_them(Provider provider)
    {
        const string name = "赵德胜";
        const string contact = "13912345678";
        const string content = "该企业尚欠我公司货款3万元未结清。";
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        await factory.FileAsync(number, name, contact, content);

        var mine = Assert.Single((await factory.SendAs(world.Representative, new CasePanel.Query { Number = number })).Responses);
        Assert.Equal(content, mine.Content);
        Assert.Equal("异议", mine.Kind);
        Assert.DoesNotContain(name, mine.Who ?? "");
        Assert.DoesNotContain(contact, mine.Who ?? "");

        var registration = Assert.Single((await factory.SendAs(world.Market, new CasePanel.Query { Number = number })).Responses);
        Assert.Equal($"{name}（{contact}）", registration.Who);

        // The applicant's case page over HTTP shows the objection, not the objector.
        using var session = await new HttpSession(factory).SignedInAsync(world.Representative);
        var page = await session.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(content, page.Text);
        Assert.DoesNotContain(name, page.Text);
        Assert.DoesNotContain(contact, page.Text);
        Assert.DoesNotContain("13912345678", page.Body);
    }
}
