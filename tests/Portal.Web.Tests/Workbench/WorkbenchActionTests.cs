using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>Each 待办 row offers exactly the actions the case page offers that person now, each linking to its form there.</summary>
public sealed class WorkbenchActionTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Every_row_offers_the_actions_the_case_page_allows_that_person(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant, "王芳"));
        var hr = await factory.CreateUserAsync(Department.HumanResources.ReviewerRole(), "人社审批员");
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var window = world.Window;

        // At the window: one filed online by the applicant, one filed by the clerk on the applicant's behalf (帮办代办).
        var online = await factory.SubmitCaseAsync(applicant, "线上提交 设立登记");
        var assisted = await factory.SubmitCaseAsync(applicant, "帮办代办 设立登记", filedBy: window);
        var withTracks = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄惠民餐饮有限公司", "catering"))).Number;

        // 即报即得 with parallel tracks: 办理中 at 市场监管, each department's track waiting.
        var parallel = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄明远科技有限公司", "tech", "software"))).Number;
        await factory.ItemActAsync(tax, parallel, "tax", SubItemTrigger.Start);

        // A rejection proposal waiting for the supervisor.
        var proposed = await factory.SubmitCaseAsync(applicant, "拟不予受理 设立登记");
        await factory.ActNowAsync(window, proposed, CaseTrigger.ProposeRejection, "经营范围涉及禁止类项目");

        // 简易注销 in its notice period with an objection waiting for 市场监管.
        var objected = await world.StartSimpleInNoticeAsync();
        await factory.FileAsync(objected, "赵德胜", "13912345678", "该企业尚欠货款。");

        var people = new[] { window, world.Market, world.Supervisor, hr, tax };
        var seen = new Dictionary<(string User, string Number), Queue.Row>();
        foreach (var person in people)
        {
            var queue = await factory.QueueAsync(person);
            foreach (var row in queue.Rows)
            {
                var page = await factory.SendAs(person, new CaseView.Query { Number = row.Number });
                Assert.Equal(page.Actions.Where(a => a != CaseTrigger.CancelByAuthority), row.Actions.Select(a => a.Trigger));
                // Track actions: those of the tracks the person's department holds (starting another department's
                // track — 启动, window or applicant side — is left to the case page).
                var mine = person.Roles.Select(Roles.Label).ToHashSet();
                Assert.Equal(
                    page.Tracks.Where(t => mine.Contains(t.Holder)).SelectMany(t => t.Actions.Select(a => (t.Id, a))),
                    row.TrackActions.Select(a => (a.ItemId, a.Trigger)));
                Assert.All(row.Actions, a => Assert.StartsWith($"/Cases/{row.Number}#", a.Href));
                Assert.All(row.TrackActions, a => Assert.Equal($"/Cases/{row.Number}#tracks", a.Href));
                seen[(person.Id, row.Number)] = row;
            }
        }

        // What each person is offered, so the comparison above is not between two empty lists.
        var atWindow = seen[(window.Id, online)];
        Assert.Equal(
            [CaseTrigger.Accept, CaseTrigger.AcceptWithMissing, CaseTrigger.RequestSupplement, CaseTrigger.ProposeRejection],
            atWindow.Actions.Select(a => a.Trigger).Order());
        Assert.Equal(["受理", "容缺受理", "一次性告知补正", "提出不予受理"], atWindow.Actions.OrderBy(a => a.Trigger).Select(a => a.Label));
        Assert.Equal($"/Cases/{online}#actions", atWindow.Actions[0].Href);
        Assert.Contains(CaseTrigger.Withdraw, seen[(window.Id, assisted)].Actions.Select(a => a.Trigger));
        Assert.DoesNotContain(CaseTrigger.Withdraw, atWindow.Actions.Select(a => a.Trigger));
        var waitingWithTracks = seen[(window.Id, withTracks)];
        Assert.Contains(CaseTrigger.Accept, waitingWithTracks.Actions.Select(a => a.Trigger));
        Assert.Empty(waitingWithTracks.TrackActions);

        var atMarket = seen[(world.Market.Id, parallel)];
        Assert.Equal([CaseTrigger.RequestSupplement, CaseTrigger.ProposeRejection], atMarket.Actions.Select(a => a.Trigger).Order());
        Assert.DoesNotContain(CaseTrigger.Complete, atMarket.Actions.Select(a => a.Trigger));

        var atHr = seen[(hr.Id, parallel)];
        Assert.Empty(atHr.Actions);
        var socialInsurance = Assert.Single(atHr.TrackActions);
        Assert.Equal(SubItemTrigger.Start, socialInsurance.Trigger);
        Assert.Equal("社保登记：开始办理", socialInsurance.Label);
        var atTax = seen[(tax.Id, parallel)];
        Assert.Equal(
            [SubItemTrigger.Complete, SubItemTrigger.Return],
            atTax.TrackActions.Select(a => a.Trigger).Order());

        var atSupervisor = seen[(world.Supervisor.Id, proposed)];
        Assert.Equal([CaseTrigger.ApproveRejection, CaseTrigger.DismissRejection], atSupervisor.Actions.Select(a => a.Trigger).Order());

        var objection = Assert.Single(seen[(world.Market.Id, objected)].Actions);
        Assert.Equal(CaseTrigger.UpholdObjection, objection.Trigger);
        Assert.Equal("处理公示期异议", objection.Label);
        Assert.Equal($"/Cases/{objected}#objections", objection.Href);
    }

    [Fact]
    public async Task A_deregistration_awaiting_its_final_review_offers_the_services_own_label_for_completion()
    {
        await using var factory = new PortalFactory();
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        factory.Time.SetChina(2026, 12, 22, 9);
        await factory.SweepAsync();
        Assert.Equal(CaseState.FinalReview, (await factory.LoadCaseAsync(number)).State);

        var row = Assert.Single((await factory.QueueAsync(world.Market)).Rows);
        var page = await factory.SendAs(world.Market, new CaseView.Query { Number = number });

        Assert.Equal(page.Actions, row.Actions.Select(a => a.Trigger));
        Assert.Equal(
            [(CaseTrigger.Complete, "核准注销登记"), (CaseTrigger.ReturnForCorrection, "退回更正（容错）")],
            row.Actions.Select(a => (a.Trigger, a.Label)).OrderBy(a => a.Trigger));
        Assert.Empty((await factory.QueueAsync(world.Window)).Rows);
    }
}
