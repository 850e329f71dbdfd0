using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>
/// Who may start a deregistration (the verified legal representative, or a window clerk for them; agents and impostors:
/// tests/Portal.Web.Tests/Identity), who may
/// deregister by authority (a supervisor), who may see the case — and one deregistration at a time per enterprise.
/// </summary>
public sealed class StartAccessTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Legal_representative_starts_simple_deregistration_online(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);

        var number = await world.StartSimpleAsync();

        Assert.Matches(@"^JYZX-20261123-\d{6}$", number);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(DeregistrationService.SimpleCode, c.ServiceCode);
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(world.Enterprise.CreditCode, c.SubjectCode);
        Assert.Equal(world.Representative.Id, c.ApplicantId);
        Assert.Equal(world.Representative.Id, c.FiledById);
        Assert.Equal(Channel.Online, c.Channel);
        Assert.Equal(Roles.Window, c.HolderRole);
        var application = await factory.ApplicationAsync(number);
        Assert.Equal(DeregistrationRoute.Simple, application.Route);
        Assert.Equal(world.Enterprise.Id, application.EnterpriseId);
        Assert.Equal(string.Join(',', SimpleDeregistrationRules.Conditions.Select(x => x.Code)), application.ConfirmedConditions);
        Assert.Equal("张明", application.CommitmentSignedBy);
        Assert.Equal(c.Id, (await factory.EnterpriseAsync(world.Enterprise.CreditCode)).DeregistrationCaseId);
        Assert.Equal(number, (await factory.SendAs(world.Representative, new CaseView.Query { Number = number })).Number);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Another_applicant_cannot_start_and_nothing_is_stored(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var stranger = await factory.CreateUserAsync(Roles.Applicant, "陌生人");

        var failure = await Scenario.Outcome(() => factory.SendAs(stranger, DeregistrationSteps.SimpleCommand(world.Enterprise)));

        Assert.True(failure is ForbiddenException or NotFoundException, $"expected a refusal, got {failure?.GetType().Name ?? "a new case"}");
        if (failure is ForbiddenException)
        {
            Assert.Equal(DeregistrationAccess.Refused, failure.Message);
        }

        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
        Assert.Null((await factory.EnterpriseAsync(world.Enterprise.CreditCode)).DeregistrationCaseId);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Owner_who_is_not_the_legal_representative_is_refused_but_the_legal_representative_may_start(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var owner = await factory.CreateUserAsync(Roles.Applicant, "李华");
        var representative = await factory.CreateUserAsync(Roles.Applicant, "张明");
        await factory.VerifyAsync(representative);
        var enterprise = await factory.RegisterEnterpriseAsync(owner, representative);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            factory.SendAs(owner, DeregistrationSteps.SimpleCommand(enterprise)));

        Assert.Equal(DeregistrationAccess.Refused, refused.Message);
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());

        // The legal representative (verified, name and ID number match) may, for the enterprise its owner holds in the portal.
        var number = await factory.SendAs(representative, DeregistrationSteps.SimpleCommand(enterprise));
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(owner.Id, c.ApplicantId);
        Assert.Equal(representative.Id, c.FiledById);
        Assert.Equal(number, (await factory.SendAs(representative, new CaseView.Query { Number = number })).Number);
        Assert.Equal(number, (await factory.SendAs(owner, new CaseView.Query { Number = number })).Number);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_clerk_starts_for_the_enterprise_at_the_window(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);

        var number = await factory.SendAs(world.Window, DeregistrationSteps.SimpleCommand(world.Enterprise));

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(world.Representative.Id, c.ApplicantId);
        Assert.Equal(world.Window.Id, c.FiledById);
        Assert.True(c.FiledOnBehalf);
        Assert.Equal(Channel.Window, c.Channel);
        Assert.Equal(c.Id, (await factory.EnterpriseAsync(world.Enterprise.CreditCode)).DeregistrationCaseId);
        // The enterprise sees the case filed for it.
        Assert.Equal(number, (await factory.SendAs(world.Representative, new CaseView.Query { Number = number })).Number);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Back_office_reviewers_and_supervisors_cannot_start_a_deregistration(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());

        foreach (var user in new[] { world.Market, tax, world.Supervisor })
        {
            var simple = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(user, DeregistrationSteps.SimpleCommand(world.Enterprise)));
            Assert.Equal(DeregistrationAccess.Refused, simple.Message);
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                factory.SendAs(user, DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 11, 20))));
        }

        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Only_a_supervisor_may_deregister_by_authority(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var command = new ByAuthority.Command { Files = DeregistrationSteps.Basis, CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.StruckOff, Reason = "连续两年未报送年度报告，依法除名。" };

        foreach (var user in new[] { world.Representative, world.Window, world.Market, await factory.CreateUserAsync(Roles.Admin) })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(user, command));
        }

        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, command));
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
        Assert.True((await factory.EnterpriseAsync(world.Enterprise.CreditCode)).IsActive);

        var number = await factory.SendAs(world.Supervisor, command);
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Applicant_of_another_enterprise_can_see_neither_the_case_nor_its_panel(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var other = await factory.CreateUserAsync(Roles.Applicant, "王强");
        await factory.RegisterEnterpriseAsync(other, other, "枣庄远航商贸有限公司");
        var number = await world.StartSimpleInNoticeAsync();
        await factory.FileAsync(number);

        var view = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(other, new CaseView.Query { Number = number }));
        var panel = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(other, new CasePanel.Query { Number = number }));

        Assert.Equal("未找到该办件，或该办件不属于您。", view.Message);
        Assert.Equal(view.Message, panel.Message);
        Assert.Empty(await factory.SendAs(other, new MyCases.Query()));
        // Nor may they act on it (e.g. withdraw it).
        var version = await factory.StoredVersionAsync(number);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.ActAsync(other, number, CaseTrigger.Withdraw, version));
        // A department the cancellation is not (yet) shared with cannot open it either.
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(tax, new CasePanel.Query { Number = number }));
        Assert.Equal(CaseState.NoticePeriod, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Second_start_while_the_first_runs_is_refused_naming_the_running_case(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleAsync();

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => world.StartSimpleAsync());
        var ordinary = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(world.Representative, DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 11, 20))));
        var byWindow = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(world.Window, DeregistrationSteps.SimpleCommand(world.Enterprise)));

        Assert.Equal($"该企业已有正在办理的注销申请（{number}），请勿重复提交。", Assert.Single(again.Reasons));
        Assert.Equal(again.Message, ordinary.Message);
        Assert.Equal(again.Message, byWindow.Message);
        Assert.Equal((1, 1), await factory.DeregistrationCountsAsync());

        // Still refused once the first is accepted and in its notice period.
        await world.AcceptAsync(number);
        var inNotice = await Assert.ThrowsAsync<RuleViolationException>(() => world.StartSimpleAsync());
        Assert.Contains(number, inNotice.Message);
        Assert.Equal((1, 1), await factory.DeregistrationCountsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_starts_at_the_same_moment_leave_exactly_one_deregistration(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);

        using var start = new SemaphoreSlim(0, 2);
        var attempts = new[] { world.Representative, world.Window }.Select(user => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.SendAs(user, DeregistrationSteps.SimpleCommand(world.Enterprise)));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        var cases = await factory.WithDb(db => db.Cases.AsNoTracking().Where(c => c.SubjectCode == world.Enterprise.CreditCode).ToListAsync());
        var deregistrations = await factory.WithDb(db => db.Deregistrations.AsNoTracking().ToListAsync());
        Assert.True(cases.Count == 1, $"{cases.Count} deregistration cases: {string.Join(", ", cases.Select(c => c.Number))}");
        var only = Assert.Single(deregistrations);
        Assert.Equal(cases[0].Id, only.CaseId);
        Assert.Equal(cases[0].Id, (await factory.EnterpriseAsync(world.Enterprise.CreditCode)).DeregistrationCaseId);
        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is RuleViolationException or ConflictException);
    }
}
