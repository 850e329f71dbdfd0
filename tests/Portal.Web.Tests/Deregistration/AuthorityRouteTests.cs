using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>代位注销 and 除名: a supervisor cancels an enterprise at once, with the legal reason recorded.</summary>
public sealed class AuthorityRouteTests
{
    private const string Reason = "依据《市场主体登记管理条例》第四十条，该企业连续两年未报送年度报告且通过登记的住所无法联系，依法除名。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supervisor_strikes_off_an_enterprise_with_a_recorded_reason(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        factory.Time.SetChina(2026, 11, 25, 14);

        var number = await factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode,
            Route = DeregistrationRoute.StruckOff,
            Reason = Reason,
        });

        Assert.Matches(@"^YZZX-20261125-\d{6}$", number);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(DeregistrationService.AuthorityCode, c.ServiceCode);
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 14), c.ClosedAt);
        Assert.Equal(world.Supervisor.Id, c.FiledById);
        var cancel = Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.CancelByAuthority));
        Assert.Equal($"除名：{Reason}", cancel.Reason);
        Assert.Equal(world.Supervisor.Id, cancel.ActorId);
        Assert.Equal(CaseState.Completed, cancel.ToState);

        var enterprise = await factory.EnterpriseAsync(world.Enterprise.CreditCode);
        Assert.Equal(EnterpriseStatus.Cancelled, enterprise.Status);
        Assert.Equal(new DateOnly(2026, 11, 25), enterprise.CancelledOn);
        Assert.Null(enterprise.DeregistrationCaseId);
        Assert.Equal($"除名（{number}）", enterprise.CancellationNote);
        var application = await factory.ApplicationAsync(number);
        Assert.Equal(DeregistrationRoute.StruckOff, application.Route);
        Assert.Equal($"除名：{Reason}", application.AuthorityReason);
        Assert.Equal(6, application.Shares.Count);
        Assert.Equal($"除名：{Reason}", (await factory.SendAs(world.Supervisor, new CasePanel.Query { Number = number })).AuthorityReason);
        // The enterprise sees what happened to it.
        var view = await factory.SendAs(world.Representative, new CaseView.Query { Number = number });
        Assert.Contains(view.Timeline, s => s.Reason == $"除名：{Reason}");

        // A cancelled enterprise can be neither struck off again nor deregistered.
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.Subrogated, Reason = "重复",
        }));
        Assert.Equal("该企业已于2026年11月25日注销。", again.Message);
        await Assert.ThrowsAsync<RuleViolationException>(() => world.StartSimpleAsync());
        Assert.Equal((1, 1), await factory.DeregistrationCountsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Subrogated_deregistration_is_completed_at_once_too(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);

        var number = await factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.Subrogated, Reason = "依据人民法院判决书代位注销",
        });

        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
        Assert.Equal("代位注销：依据人民法院判决书代位注销", (await factory.ApplicationAsync(number)).AuthorityReason);
        Assert.False((await factory.EnterpriseAsync(world.Enterprise.CreditCode)).IsActive);
    }

    /// <summary>
    /// Each department's confirmation has its own version: six departments confirming at the same moment all succeed
    /// (none is refused because another department confirmed first).
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Six_departments_confirming_the_cancellation_at_the_same_moment_all_succeed(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.StruckOff, Reason = Reason,
        });
        var shares = (await factory.ApplicationAsync(number)).Shares;
        var reviewers = new List<(TestUser User, long ShareId, long Version)>();
        foreach (var share in shares)
        {
            reviewers.Add((await factory.CreateUserAsync(share.Department.ReviewerRole(), $"{share.Department.Label()}审批员"), share.Id, share.Version));
        }

        using var start = new SemaphoreSlim(0, reviewers.Count);
        var confirmations = reviewers.Select(r => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.SendAs(r.User, new ConfirmShare.Command { Number = number, ShareId = r.ShareId, ExpectedVersion = r.Version }));
        })).ToList();
        start.Release(reviewers.Count);
        var outcomes = await Task.WhenAll(confirmations);

        var failures = outcomes.OfType<Exception>().Select(e => $"{e.GetType().Name}: {e.Message}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of 6 departments could not confirm:\n" + string.Join("\n", failures));
        Assert.All((await factory.ApplicationAsync(number)).Shares, s => Assert.True(s.Confirmed));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Deregistration_by_authority_without_a_reason_or_with_an_applicant_route_is_refused(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);

        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.StruckOff,
        }));
        var blank = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.StruckOff, Reason = "   ",
        }));
        var simple = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Supervisor, new ByAuthority.Command
        {
            Files = DeregistrationSteps.Basis,
            CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.Simple, Reason = Reason,
        }));

        Assert.Equal("依职权注销须写明法律依据和理由。", Assert.Single(noReason.Errors).Message);
        Assert.Equal("依职权注销须写明法律依据和理由。", Assert.Single(blank.Errors).Message);
        Assert.Equal("请选择代位注销或除名。", Assert.Single(simple.Errors).Message);
        Assert.Equal((0, 0), await factory.DeregistrationCountsAsync());
        var enterprise = await factory.EnterpriseAsync(world.Enterprise.CreditCode);
        Assert.True(enterprise.IsActive);
        Assert.Null(enterprise.DeregistrationCaseId);
    }
}
