using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Connections;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Notifications;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>
/// 报装, walking a joint application (issue 15): the survey time reaches every utility and the applicant; before it a
/// utility sees why it cannot record the survey; each contract's terms are written when signing and shown before the
/// applicant confirms, all from the joint page (one confirmation per contract in the history); withdrawing the whole
/// application goes through a page listing what it withdraws.
/// </summary>
public sealed class JointContractTests
{
    private static readonly DateOnly SurveyDay = new(2026, 11, 24);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_joint_survey_time_is_sent_to_every_utilitys_staff_and_to_the_applicant(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var otherPower = await factory.CreateUserAsync(Utility.Power.Department().ReviewerRole(), "供电客户经理二");
        var cases = await world.SubmitJointAsync();
        var before = (await factory.NotificationsAsync()).Select(n => n.Id).ToHashSet();

        await world.ScheduleSurveyAsync(world.Window, cases.Parent, SurveyDay, new TimeOnly(10, 0));

        var sent = (await factory.NotificationsAsync()).Where(n => !before.Contains(n.Id)).ToList();
        // One message to each surveying utility's department inbox (both power staff read the one), one to the applicant.
        var power = Utility.Power.Department().ReviewerRole();
        var water = Utility.Water.Department().ReviewerRole();
        Assert.Equal(
            new[] { power, water, world.Applicant.Id }.Order(),
            sent.Select(n => n.Recipient()).Order());
        foreach (var staff in new[] { world.Power, otherPower })
        {
            Assert.Single((await factory.SendAs(staff, new Portal.Web.Features.Messages.Inbox.Query())).Rows, r => r.Body.Contains("联合踏勘安排在2026年11月24日 10:00"));
        }

        Assert.DoesNotContain((await factory.SendAs(world.Gas, new Portal.Web.Features.Messages.Inbox.Query())).Rows, r => r.Body.Contains("踏勘"));
        Assert.All(sent, n => Assert.Contains("联合踏勘安排在2026年11月24日 10:00", n.Body));
        Assert.All(sent, n => Assert.Equal(NotificationKind.NeedsAction, n.Kind));
        Assert.Equal($"/Cases/{cases[Utility.Power]}", Assert.Single(sent, n => n.RecipientRole == power).Link);
        Assert.Equal($"/Cases/{cases[Utility.Water]}", Assert.Single(sent, n => n.RecipientRole == water).Link);
        Assert.Equal($"/Cases/{cases.Parent}", Assert.Single(sent, n => n.RecipientId == world.Applicant.Id).Link);
        Assert.DoesNotContain(sent, n => n.RecipientId == world.Gas.Id);

        // Moving the time tells them again, once.
        await world.ScheduleSurveyAsync(world.Power, cases.Parent, SurveyDay, new TimeOnly(14, 0));
        var moved = (await factory.NotificationsAsync()).Where(n => !before.Contains(n.Id) && n.Body.Contains("14:00")).ToList();
        Assert.Equal(3, moved.Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Before_the_survey_time_the_utility_is_told_why_it_cannot_record_the_survey(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        var power = cases[Utility.Power];

        var unscheduled = await factory.SendAs(world.Power, new ConnectionPanel.Query { Number = power });
        Assert.Equal(["暂不能记录踏勘结果：请先安排（联合）踏勘时间"], unscheduled.Utility!.WaitingFor);

        await world.ScheduleSurveyAsync(world.Window, cases.Parent, SurveyDay, new TimeOnly(10, 0));
        var early = await factory.SendAs(world.Power, new ConnectionPanel.Query { Number = power });
        Assert.Equal(["暂不能记录踏勘结果：踏勘时间为2026年11月24日 10:00，踏勘后才能记录结果"], early.Utility!.WaitingFor);
        Assert.Empty((await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = power })).Utility!.WaitingFor);

        using (var staff = await new HttpSession(factory).SignedInAsync(world.Power))
        {
            var page = await staff.GetAsync($"/Cases/{power}");
            Assert.Contains("踏勘时间为2026年11月24日 10:00，踏勘后才能记录结果", page.TestId("waiting-for"));
        }

        factory.Time.SetChina(2026, 11, 24, 10);
        Assert.Empty((await factory.SendAs(world.Power, new ConnectionPanel.Query { Number = power })).Utility!.WaitingFor);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_applicant_reads_every_contracts_terms_and_confirms_them_all_from_the_joint_page(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        await world.ScheduleSurveyAsync(world.Window, cases.Parent, SurveyDay, new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 11);
        foreach (var utility in new[] { Utility.Power, Utility.Water })
        {
            await world.ActAsync(world.StaffOf(utility), cases[utility], CaseTrigger.RecordSurvey, "具备接入条件");
        }

        var power = cases[Utility.Power];
        await factory.SendAs(world.Power, new SignContract.Command
        {
            Number = power,
            Capacity = "报装容量120千瓦，低压0.4千伏供电",
            Price = "执行一般工商业电价",
            UtilityDuties = "连续供电，计划停电提前公告",
            CustomerDuties = "按月交纳电费",
            ExpectedVersion = await factory.ShownVersionAsync(world.Power, power),
        });
        await world.SignAsync(world.Water, cases[Utility.Water]);

        var list = await factory.SendAs(world.Applicant, new ContractList.Query { Number = cases.Parent });
        Assert.Equal(2, list.ToConfirm.Count);
        var powerContract = Assert.Single(list.Contracts, c => c.CaseNumber == power);
        Assert.Equal(new ContractTerms("报装容量120千瓦，低压0.4千伏供电", "执行一般工商业电价", "连续供电，计划停电提前公告", "按月交纳电费"), powerContract.Terms);
        Assert.StartsWith("接水管径50毫米", Assert.Single(list.Contracts, c => c.CaseNumber == cases[Utility.Water]).Terms!.Capacity);

        // The page itself: the terms, and one form that confirms both.
        using (var session = await new HttpSession(factory).SignedInAsync(world.Applicant))
        {
            var parent = await session.GetAsync($"/Cases/{cases.Parent}");
            Assert.Contains("2份供用合同待您确认", parent.TestId("contracts-to-confirm"));
            var page = await session.GetAsync($"/Connection/Contracts/{cases.Parent}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("执行一般工商业电价", page.Text);
            Assert.Contains("按月交纳电费", page.Text);
            var answer = await session.SubmitAsync(page, null);
            Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        }

        foreach (var utility in new[] { Utility.Power, Utility.Water })
        {
            var child = await factory.LoadCaseAsync(cases[utility]);
            Assert.Equal(CaseState.Connecting, child.State);
            var confirmation = Assert.Single(child.History, e => e.Action == nameof(CaseTrigger.ConfirmContract));
            Assert.Equal(world.Applicant.Id, confirmation.ActorId);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_contract_without_its_terms_cannot_be_signed_and_the_form_says_so_in_Chinese(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitAsync(ConnectionSteps.Application(Utility.Gas));
        var gas = cases[Utility.Gas];
        await world.ScheduleSurveyAsync(world.Gas, gas, SurveyDay, new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 24, 11);
        await world.ActAsync(world.Gas, gas, CaseTrigger.RecordSurvey, "具备通气条件");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Gas, new SignContract.Command
        {
            Number = gas,
            Capacity = "月用气量约500立方米",
            UtilityDuties = "安全供气",
            CustomerDuties = "安全用气",
            ExpectedVersion = 0,
        }));
        Assert.Equal("请填写价格及收费依据。", Assert.Single(refused.Errors).Message);
        var viaButton = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Gas, gas, CaseTrigger.SignContract));
        Assert.Contains("请先填写供用合同条款", viaButton.Message);
        Assert.Equal(CaseState.ContractSigning, (await factory.LoadCaseAsync(gas)).State);

        // The case page offers the signing form, not a bare button.
        using var session = await new HttpSession(factory).SignedInAsync(world.Gas);
        var page = await session.GetAsync($"/Cases/{gas}");
        Assert.DoesNotContain("value=\"SignContract\"", page.Body);
        Assert.Equal($"/Connection/Contract/{gas}", page.Html.HrefOfTestId("sign-link"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Withdrawing_a_joint_application_lists_what_it_withdraws_and_needs_a_confirmation(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        using var session = await new HttpSession(factory).SignedInAsync(world.Applicant);

        var casePage = await session.GetAsync($"/Cases/{cases.Parent}");
        Assert.DoesNotContain("value=\"Withdraw\"", casePage.Body); // no one-click withdrawal of every utility
        Assert.Equal($"/Connection/Withdraw/{cases.Parent}", casePage.Html.HrefOfTestId("withdraw-link"));

        var confirm = await session.GetAsync($"/Connection/Withdraw/{cases.Parent}");
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        var rows = confirm.Html.TableRows("withdraw-list")!;
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(cases[Utility.Power]) && r.Contains("撤回"));
        Assert.Contains(rows, r => r.Contains(cases[Utility.Water]) && r.Contains("撤回"));
        Assert.Equal(CaseState.ConnectionsRunning, (await factory.LoadCaseAsync(cases.Parent)).State); // nothing withdrawn by looking

        var answer = await session.SubmitAsync(confirm, null, ("Data.Reason", "项目取消"));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal(CaseState.Withdrawn, (await factory.LoadCaseAsync(cases.Parent)).State);
        Assert.Equal(CaseState.Withdrawn, (await factory.LoadCaseAsync(cases[Utility.Power])).State);
        Assert.Equal(CaseState.Withdrawn, (await factory.LoadCaseAsync(cases[Utility.Water])).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Only_the_applicant_side_reaches_the_withdrawal_page(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var stranger = await factory.CreateUserAsync(Roles.Applicant, "无关申请人");
        var cases = await world.SubmitJointAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(stranger, new WithdrawApplication.Query { Number = cases.Parent }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Power, new WithdrawApplication.Query { Number = cases.Parent }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Window, new WithdrawApplication.Command { Number = cases.Parent, ExpectedVersion = 0 }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Applicant, new WithdrawApplication.Query { Number = cases[Utility.Power] }));
        Assert.Equal(2, (await factory.SendAs(world.Applicant, new WithdrawApplication.Query { Number = cases.Parent })).Withdrawn.Count);
    }
}
