using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Workflow;
using static Portal.Domain.Tests.Deregistration.DeregistrationKit;

namespace Portal.Domain.Tests.Deregistration;

/// <summary>代位注销 and 除名 (004:35): a supervisor cancels from 待受理 with a recorded legal reason.</summary>
public sealed class AuthorityDeregistrationTests
{
    private static DeregistrationApplication ByAuthority(DeregistrationRoute route) =>
        DeregistrationApplication.ByAuthority(1, CreditCode, EnterpriseName, route, "《市场主体登记管理条例》第四十条", China(2026, 11, 23, 9));

    [Theory]
    [InlineData(DeregistrationRoute.Subrogated)]
    [InlineData(DeregistrationRoute.StruckOff)]
    public void Supervisor_cancels_by_authority_with_a_reason(DeregistrationRoute route)
    {
        var application = ByAuthority(route);
        var c = Submit(application, China(2026, 11, 23, 9), Supervisor);
        Assert.Equal(Roles.Supervisor, c.HolderRole);
        Assert.True(c.FiledOnBehalf);

        c.Fire(CaseTrigger.CancelByAuthority, At(Supervisor, China(2026, 11, 23, 9, 5), application), Because("连续两年未年报且无法联系"));

        Assert.Equal(CaseState.Completed, c.State);
        Assert.True(c.State.IsFinal());
        Assert.Equal(China(2026, 11, 23, 9, 5), c.ClosedAt);
        Assert.Null(c.StepDueAt);
        Assert.Equal(route, application.Route);
        Assert.Equal("《市场主体登记管理条例》第四十条", application.AuthorityReason);
        var e = c.History[^1];
        Assert.Equal(nameof(CaseTrigger.CancelByAuthority), e.Action);
        Assert.Equal("连续两年未年报且无法联系", e.Reason);
        Assert.Equal(Supervisor.UserId, e.ActorId);
    }

    [Fact]
    public void Cancelling_by_authority_needs_a_reason()
    {
        var application = ByAuthority(DeregistrationRoute.StruckOff);
        var c = Submit(application, China(2026, 11, 23, 9), Supervisor);

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.CancelByAuthority, At(Supervisor, China(2026, 11, 23, 10), application), Because(" ")));
        Assert.Contains("依职权注销须写明法律依据和理由", refused.UnmetGuards);
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Fact]
    public async Task Nobody_but_a_supervisor_cancels_by_authority()
    {
        var application = ByAuthority(DeregistrationRoute.Subrogated);
        var c = Submit(application, China(2026, 11, 23, 9), Supervisor);

        foreach (var actor in new[] { Window, Market, Applicant, CaseActor.System })
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.CancelByAuthority, At(actor, China(2026, 11, 23, 10), application), Because("理由")));
            Assert.Contains("只有督查可以依职权注销（代位注销、除名）", refused.UnmetGuards);
            Assert.DoesNotContain(CaseTrigger.CancelByAuthority, await c.PermittedActionsAsync(At(actor, China(2026, 11, 23, 10), application), Because("理由")));
        }

        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Null(c.ClosedAt);
    }

    [Fact]
    public void The_enterprise_routes_have_no_cancellation_by_authority()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        var c = Submit(application, China(2026, 11, 23, 9));

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.CancelByAuthority, At(Supervisor, China(2026, 11, 23, 10), application), Because("理由")));
        Assert.Empty(refused.UnmetGuards);
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Fact]
    public void Only_authority_routes_can_be_opened_by_authority()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ByAuthority(DeregistrationRoute.Simple));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByAuthority(DeregistrationRoute.Ordinary));
        Assert.True(DeregistrationRoute.Subrogated.IsByAuthority());
        Assert.True(DeregistrationRoute.StruckOff.IsByAuthority());
        Assert.False(DeregistrationRoute.Simple.IsByAuthority());
        Assert.Equal(["简易注销", "普通注销", "代位注销", "除名"], Enum.GetValues<DeregistrationRoute>().Select(r => r.Label()));
        Assert.Equal(CaseState.FinalReview, new DeregistrationFlow(ByAuthority(DeregistrationRoute.StruckOff)).AcceptedState);
    }
}
