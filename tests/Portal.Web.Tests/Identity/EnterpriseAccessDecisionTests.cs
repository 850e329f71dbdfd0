using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Identity;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// Every decision about acting for an enterprise (issue 16 part 1), through MediatR as real Identity users: an impostor
/// registered with the legal representative's ID number, the legal representative's own name and ID number on an
/// unverified account, the verified legal representative, an agent for a named service, an agent for another service,
/// a revoked or expired agent, an agent whose verification lapsed, the owner who is not the legal representative, and staff.
/// </summary>
public sealed class EnterpriseAccessDecisionTests
{
    private const string Simple = DeregistrationService.SimpleCode;
    private const string Ordinary = DeregistrationService.OrdinaryCode;
    private const string Tax = "addon-tax";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Impostor_registered_with_the_legal_representatives_id_number_sees_nothing_and_starts_nothing(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        var impostor = await world.ImpostorAsync();
        var code = world.Enterprise.CreditCode;

        Assert.Empty(await factory.SendAs(impostor, new MyEnterprises.Query()));
        var page = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(impostor, new EnterpriseView.Query { CreditCode = code }));
        Assert.Equal(EnterpriseStanding.NotFound, page.Message);
        var form = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(impostor, new StartForm.Query { CreditCode = code, Route = DeregistrationRoute.Simple }));
        Assert.Equal(DeregistrationAccess.Refused, form.Message);
        var simple = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(impostor, DeregistrationSteps.SimpleCommand(world.Enterprise)));
        Assert.Equal(DeregistrationAccess.Refused, simple.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(impostor, DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 11, 20))));
        var later = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(impostor, new StartLater.Command { CreditCode = code, Item = "tax" }));
        Assert.Equal(EnterpriseStanding.NotFound, later.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(impostor, new Agents.View.Query { CreditCode = code }));

        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
        Assert.Equal(0, await factory.WithDb(db => db.Cases.CountAsync(c => c.SubjectCode == code)));

        // Nor can a window verify the impostor's account with the legal representative's ID card (the name differs),
        // and the ID number is verified on the legal representative's account already.
        var idNumber = await world.RepresentativeIdNumberAsync();
        var withCard = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Window,
            new VerifyAccount.Command { UserId = impostor.Id, FullName = world.Representative.Name, IdNumber = idNumber, CardChecked = true }));
        Assert.Equal(VerifyAccount.Mismatch, withCard.Message);
        var asTyped = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Window,
            new VerifyAccount.Command { UserId = impostor.Id, FullName = "冒名者", IdNumber = idNumber, CardChecked = true }));
        Assert.Contains("已由另一个账号", asTyped.Message);
        Assert.Equal(IdentityLevel.Unverified, await LevelAsync(factory, impostor));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Unverified_account_with_the_legal_representatives_own_name_and_id_is_told_to_verify_first(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var representative = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var enterprise = await factory.RegisterEnterpriseAsync(await factory.CreateUserAsync(Roles.Applicant, "李华"), representative);
        var code = enterprise.CreditCode;

        Assert.Empty(await factory.SendAs(representative, new MyEnterprises.Query()));
        var page = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(representative, new EnterpriseView.Query { CreditCode = code }));
        Assert.Equal(EnterpriseStanding.VerifyFirst, page.Message);
        var form = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(representative, new StartForm.Query { CreditCode = code, Route = DeregistrationRoute.Simple }));
        Assert.Equal(EnterpriseStanding.VerifyFirst, form.Message);
        var simple = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(representative, DeregistrationSteps.SimpleCommand(enterprise)));
        Assert.Equal(EnterpriseStanding.VerifyFirst, simple.Message);
        var later = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(representative, new StartLater.Command { CreditCode = code, Item = "tax" }));
        Assert.Equal(EnterpriseStanding.VerifyFirst, later.Message);
        var agents = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(representative, new Agents.View.Query { CreditCode = code }));
        Assert.Equal(EnterpriseStanding.VerifyFirst, agents.Message);
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());

        // Verified at a window, the same account may.
        await factory.VerifyAsync(representative);
        Assert.Equal(code, Assert.Single(await factory.SendAs(representative, new MyEnterprises.Query())).CreditCode);
        var number = await factory.SendAs(representative, DeregistrationSteps.SimpleCommand(enterprise));
        Assert.Equal(representative.Id, (await factory.LoadCaseAsync(number)).FiledById);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Verified_legal_representative_sees_the_licence_and_acts_in_every_service_as_themself(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        var code = world.Enterprise.CreditCode;

        Assert.Equal(code, Assert.Single(await factory.SendAs(world.Representative, new MyEnterprises.Query())).CreditCode);
        var page = await factory.SendAs(world.Representative, new EnterpriseView.Query { CreditCode = code });
        Assert.True(page.Standing.IsLegalRepresentative);
        Assert.True(page.MaySimple);
        Assert.True(page.MayOrdinary);
        Assert.True(page.Standing.MayManageAgents);
        Assert.All(page.LaterItems, i => Assert.True(i.MayStart, i.Code));
        Assert.True((await factory.SendAs(world.Representative, new StartForm.Query { CreditCode = code, Route = DeregistrationRoute.Ordinary })).MayApply);

        var tax = await factory.SendAs(world.Representative, new StartLater.Command { CreditCode = code, Item = "tax" });
        var number = await world.Factory.SendAs(world.Representative, DeregistrationSteps.SimpleCommand(world.Enterprise));

        foreach (var n in new[] { tax, number })
        {
            var submit = (await factory.LoadCaseAsync(n)).History.Single(e => e.Action == "Submit");
            Assert.Equal(world.Representative.Id, submit.ActorId);
            Assert.Equal("张明", submit.ActorName);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Agent_for_simple_deregistration_files_it_under_their_own_name_and_may_do_nothing_else(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        var code = world.Enterprise.CreditCode;
        var agent = await world.AgentForAsync("李四", Simple);

        Assert.Equal(code, Assert.Single(await factory.SendAs(agent, new MyEnterprises.Query())).CreditCode);
        var page = await factory.SendAs(agent, new EnterpriseView.Query { CreditCode = code });
        Assert.True(page.MaySimple);
        Assert.False(page.MayOrdinary);
        Assert.False(page.Standing.MayManageAgents);
        Assert.Empty(page.AgentRows);
        Assert.All(page.LaterItems, i => Assert.False(i.MayStart, i.Code));
        var ordinary = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(agent, DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 11, 20))));
        Assert.Equal("您受法定代表人委托办理的事项不包括“普通注销”，请联系法定代表人张明授权或由其本人办理。", ordinary.Message);
        var later = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(agent, new StartLater.Command { CreditCode = code, Item = "tax" }));
        Assert.Contains("不包括“涉税办理（单独办理）”", later.Message);
        var agents = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(agent, new Agents.View.Query { CreditCode = code }));
        Assert.Equal(Agents.OnlyLegalRepresentative, agents.Message);
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());

        var number = await factory.SendAs(agent, DeregistrationSteps.SimpleCommand(world.Enterprise));

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(world.Representative.Id, c.ApplicantId);
        Assert.Equal(agent.Id, c.FiledById);
        Assert.Equal("经办人李四（受法定代表人张明委托）", c.FiledByName);
        var submit = c.History.Single(e => e.Action == "Submit");
        Assert.Equal(agent.Id, submit.ActorId);
        Assert.Equal("经办人李四（受法定代表人张明委托）", submit.ActorName);
        Assert.Equal(number, (await factory.SendAs(agent, new CaseView.Query { Number = number })).Number);
        Assert.Contains(CaseTrigger.Withdraw, (await factory.SendAs(agent, new CaseView.Query { Number = number })).Actions);

        var granted = await factory.WithDb(db => db.IdentityEvents.AsNoTracking().SingleAsync(e => e.UserId == agent.Id && e.Kind == IdentityEventKind.AgentGranted));
        Assert.Equal(world.Representative.Id, granted.ActorId);
        Assert.Equal(world.Enterprise.Id, granted.EnterpriseId);
        Assert.Contains("简易注销", granted.Text);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Agent_for_another_service_cannot_deregister_but_starts_the_service_named(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        var agent = await world.AgentForAsync("王会计", Tax);

        var simple = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(agent, DeregistrationSteps.SimpleCommand(world.Enterprise)));
        Assert.Equal("您受法定代表人委托办理的事项不包括“简易注销”，请联系法定代表人张明授权或由其本人办理。", simple.Message);
        var form = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(agent, new StartForm.Query { CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.Simple }));
        Assert.Equal(simple.Message, form.Message);
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());

        var number = await factory.SendAs(agent, new StartLater.Command { CreditCode = world.Enterprise.CreditCode, Item = "tax" });

        var submit = (await factory.LoadCaseAsync(number)).History.Single(e => e.Action == "Submit");
        Assert.Equal(agent.Id, submit.ActorId);
        Assert.Equal("经办人王会计（受法定代表人张明委托）", submit.ActorName);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Revoked_agent_loses_the_enterprise_at_once_and_can_no_longer_act_on_the_case_they_filed(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        var agent = await world.AgentForAsync("李四", Simple, Ordinary);
        var number = await factory.SendAs(agent, DeregistrationSteps.SimpleCommand(world.Enterprise));

        await world.RevokeAsync(agent);

        Assert.Empty(await factory.SendAs(agent, new MyEnterprises.Query()));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(agent, new EnterpriseView.Query { CreditCode = world.Enterprise.CreditCode }));
        var form = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(agent, new StartForm.Query { CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.Ordinary }));
        Assert.Equal(DeregistrationAccess.Refused, form.Message);

        // The case they filed stays in their history, but offers them no action, and a withdrawal is refused.
        var view = await factory.SendAs(agent, new CaseView.Query { Number = number });
        Assert.DoesNotContain(CaseTrigger.Withdraw, view.Actions);
        var before = await factory.SnapshotAsync(number);
        var withdraw = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(agent, number, CaseTrigger.Withdraw, before.Version));
        Assert.Contains(DeregistrationFlow.ApplicantOnly, withdraw.Reasons);
        Assert.Equal(before, await factory.SnapshotAsync(number));

        // The legal representative still may.
        await factory.ActAsync(world.Representative, number, CaseTrigger.Withdraw, before.Version);
        Assert.Equal(CaseState.Withdrawn, (await factory.LoadCaseAsync(number)).State);
        var revoked = await factory.WithDb(db => db.IdentityEvents.AsNoTracking().SingleAsync(e => e.UserId == agent.Id && e.Kind == IdentityEventKind.AgentRevoked));
        Assert.Equal(world.Representative.Id, revoked.ActorId);
        var row = await factory.WithDb(db => db.EnterpriseAgents.AsNoTracking().SingleAsync(a => a.AgentUserId == agent.Id));
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, row.RevokedAt);
        Assert.Equal(world.Representative.Id, row.RevokedById);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Legal_representative_and_agent_each_follow_and_act_on_the_case_the_other_filed_when_neither_owns_the_enterprise(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);

        // 企业开办 was filed by another account (an intermediary, 李华): she owns the enterprise in the portal, 张明 leads it.
        var owner = await factory.CreateUserAsync(Roles.Applicant, "李华");
        await factory.VerifyAsync(owner);
        await factory.WithDb(db => db.Enterprises.Where(e => e.Id == world.Enterprise.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.OwnerId, owner.Id)));
        var agent = await world.AgentForAsync("李四", Simple);
        var stranger = await factory.CreateUserAsync(Roles.Applicant, "王五");
        await factory.VerifyAsync(stranger);

        // The agent files; the legal representative is neither the applicant (the owner) nor the filer, yet follows it and withdraws it.
        var byAgent = await factory.SendAs(agent, DeregistrationSteps.SimpleCommand(world.Enterprise));
        var filed = await factory.LoadCaseAsync(byAgent);
        Assert.Equal((owner.Id, agent.Id), (filed.ApplicantId, filed.FiledById));
        var seen = await factory.SendAs(world.Representative, new CaseView.Query { Number = byAgent });
        Assert.Contains(CaseTrigger.Withdraw, seen.Actions);
        Assert.Equal(seen.Version, (await factory.SendAs(world.Representative, new CasePanel.Query { Number = byAgent })).CaseVersion);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(stranger, new CaseView.Query { Number = byAgent }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(stranger, new CasePanel.Query { Number = byAgent }));
        Assert.DoesNotContain(CaseTrigger.Withdraw, (await factory.SendAs(owner, new CaseView.Query { Number = byAgent })).Actions);

        await factory.ActAsync(world.Representative, byAgent, CaseTrigger.Withdraw, seen.Version);

        var withdrawn = await factory.LoadCaseAsync(byAgent);
        Assert.Equal(CaseState.Withdrawn, withdrawn.State);
        var byRepresentative = withdrawn.History.Single(e => e.Action == "Withdraw");
        Assert.Equal((world.Representative.Id, "张明"), (byRepresentative.ActorId, byRepresentative.ActorName));

        // The legal representative files again; the agent follows that case and acts on it, recorded as the agent's.
        var byLeader = await factory.SendAs(world.Representative, DeregistrationSteps.SimpleCommand(world.Enterprise));
        var asAgent = await factory.SendAs(agent, new CaseView.Query { Number = byLeader });
        Assert.Contains(CaseTrigger.Withdraw, asAgent.Actions);

        await factory.ActAsync(agent, byLeader, CaseTrigger.Withdraw, asAgent.Version);

        var byAgentOnLeaders = (await factory.LoadCaseAsync(byLeader)).History.Single(e => e.Action == "Withdraw");
        Assert.Equal((agent.Id, "经办人李四（受法定代表人张明委托）"), (byAgentOnLeaders.ActorId, byAgentOnLeaders.ActorName));

        // Revoked, the agent no longer sees the case the legal representative filed.
        var third = await factory.SendAs(world.Representative, DeregistrationSteps.SimpleCommand(world.Enterprise));
        await world.RevokeAsync(agent);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(agent, new CaseView.Query { Number = third }));
    }

    [Fact]
    public async Task Agent_after_the_last_day_of_the_authorisation_or_with_a_changed_name_is_refused()
    {
        await using var factory = new PortalFactory();
        var world = await IdentityWorld.CreateAsync(factory);
        var (temporary, mobile, idNumber) = await world.VerifiedPersonAsync("李四");
        await factory.SendAs(world.Representative, world.GrantCommand(mobile, "李四", idNumber, [Simple], expiresOn: new DateOnly(2026, 11, 24)));
        var renamed = await world.AgentForAsync("王五", Simple);

        // 王五's account changes its name: the verification no longer holds, and with it the authorisation.
        await factory.WithDb(db => db.Users.Where(u => u.Id == renamed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FullName, "王五五")));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(renamed, new EnterpriseView.Query { CreditCode = world.Enterprise.CreditCode }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(renamed, DeregistrationSteps.SimpleCommand(world.Enterprise)));

        // 李四 holds it through Tuesday 24 November (China time), not a moment longer.
        factory.Time.SetChina(2026, 11, 24, 23);
        Assert.True((await factory.SendAs(temporary, new EnterpriseView.Query { CreditCode = world.Enterprise.CreditCode })).MaySimple);
        factory.Time.SetChina(2026, 11, 25, 0);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(temporary, new EnterpriseView.Query { CreditCode = world.Enterprise.CreditCode }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(temporary, DeregistrationSteps.SimpleCommand(world.Enterprise)));
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Owner_who_is_not_the_legal_representative_sees_the_licence_but_acts_for_nothing(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var owner = await factory.CreateUserAsync(Roles.Applicant, "李华");
        await factory.VerifyAsync(owner);
        var representative = await factory.CreateUserAsync(Roles.Applicant, "张明");
        await factory.VerifyAsync(representative);
        var enterprise = await factory.RegisterEnterpriseAsync(owner, representative);

        Assert.Equal(enterprise.CreditCode, Assert.Single(await factory.SendAs(owner, new MyEnterprises.Query())).CreditCode);
        var page = await factory.SendAs(owner, new EnterpriseView.Query { CreditCode = enterprise.CreditCode });
        Assert.True(page.Standing.IsOwner);
        Assert.False(page.MayDeregister);
        Assert.False(page.Standing.MayManageAgents);
        Assert.All(page.LaterItems, i => Assert.False(i.MayStart, i.Code));
        var later = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(owner, new StartLater.Command { CreditCode = enterprise.CreditCode, Item = "tax" }));
        Assert.StartsWith("只有企业的法定代表人本人（已实名核验）", later.Message);
        var ownerIdNumber = await factory.IdNumberOfAsync(owner);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(owner, new Agents.Grant.Command
        {
            CreditCode = enterprise.CreditCode, AgentMobile = "13900000000", AgentName = "李四", AgentIdNumber = ownerIdNumber, Services = [Simple],
        }));

        // The case the legal representative files is the owner's to see (its applicant), but not to act on.
        var number = await factory.SendAs(representative, DeregistrationSteps.SimpleCommand(enterprise));
        var view = await factory.SendAs(owner, new CaseView.Query { Number = number });
        Assert.DoesNotContain(CaseTrigger.Withdraw, view.Actions);
        await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(owner, number, CaseTrigger.Withdraw, view.Version));
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Staff_see_the_enterprise_and_only_a_window_clerk_files_for_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        var code = world.Enterprise.CreditCode;
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());

        foreach (var staff in new[] { world.Window, world.Market, world.Supervisor, tax })
        {
            var page = await factory.SendAs(staff, new EnterpriseView.Query { CreditCode = code });
            Assert.True(page.Standing.IsStaff);
            Assert.False(page.Standing.MayManageAgents);
            await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(staff, new Agents.View.Query { CreditCode = code }));
        }

        foreach (var staff in new[] { world.Market, world.Supervisor, tax })
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(staff, DeregistrationSteps.SimpleCommand(world.Enterprise)));
            Assert.Equal(DeregistrationAccess.Refused, refused.Message);
            await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(staff, new StartLater.Command { CreditCode = code, Item = "tax" }));
        }

        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
        var byWindow = await factory.SendAs(world.Window, new EnterpriseView.Query { CreditCode = code });
        Assert.True(byWindow.MaySimple && byWindow.MayOrdinary);
        var number = await factory.SendAs(world.Window, DeregistrationSteps.SimpleCommand(world.Enterprise));
        var submit = (await factory.LoadCaseAsync(number)).History.Single(e => e.Action == "Submit");
        Assert.Equal(world.Window.Id, submit.ActorId);
        Assert.Equal(world.Window.Name, submit.ActorName);
    }

    [Fact]
    public async Task An_agent_must_be_a_verified_account_found_by_mobile_name_and_id_number()
    {
        await using var factory = new PortalFactory();
        var world = await IdentityWorld.CreateAsync(factory);
        var (unverified, mobile, idNumber) = await world.VerifiedPersonAsync("李四", verified: false);
        var representativeId = await world.RepresentativeIdNumberAsync();

        async Task<string> RefusalAsync(Agents.Grant.Command command) =>
            (await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Representative, command))).Message;

        Assert.Equal("该经办人的账号尚未实名核验，请其先到窗口或通过统一身份认证完成核验后再授权。", await RefusalAsync(world.GrantCommand(mobile, "李四", idNumber, [Simple])));
        Assert.StartsWith("未找到手机号、姓名和身份证号都一致的申请人账号", await RefusalAsync(world.GrantCommand(mobile, "李四四", idNumber, [Simple])));
        Assert.StartsWith("未找到手机号、姓名和身份证号都一致的申请人账号", await RefusalAsync(world.GrantCommand(mobile, "李四", representativeId, [Simple])));
        Assert.StartsWith("未找到", await RefusalAsync(world.GrantCommand("13999999999", "李四", idNumber, [Simple])));
        Assert.Contains("请至少选择一项受托事项", await RefusalAsync(world.GrantCommand(mobile, "李四", idNumber, [])));
        Assert.Contains("受托事项中有未知的条目", await RefusalAsync(world.GrantCommand(mobile, "李四", idNumber, ["establishment"])));
        Assert.Equal("有效期不能早于今天。", await RefusalAsync(world.GrantCommand(mobile, "李四", idNumber, [Simple], expiresOn: new DateOnly(2026, 11, 22))));
        Assert.Equal(0, await factory.WithDb(db => db.EnterpriseAgents.CountAsync()));

        await factory.VerifyAsync(unverified);
        Assert.Equal("李四", await factory.SendAs(world.Representative, world.GrantCommand(mobile, "李四", idNumber, [Simple])));
        Assert.Contains("已有有效的授权", await RefusalAsync(world.GrantCommand(mobile, "李四", idNumber, [Tax])));
        Assert.Equal(1, await factory.WithDb(db => db.EnterpriseAgents.CountAsync()));
    }

    private static Task<IdentityLevel> LevelAsync(PortalFactory factory, TestUser user) =>
        factory.WithDb(async db => (await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).Level);
}
