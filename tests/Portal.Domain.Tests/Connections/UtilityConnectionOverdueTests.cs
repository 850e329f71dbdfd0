using Portal.Domain.Cases;
using Portal.Domain.Connections;
using static Portal.Domain.Tests.Connections.ConnectionKit;

namespace Portal.Domain.Tests.Connections;

/// <summary>The deadline sweep (<see cref="Case.MarkOverdue"/>) on 报装 child cases: the whole promise, not the step, decides.</summary>
public sealed class UtilityConnectionOverdueTests
{
    private static readonly DateTime Accepted0928 = China(2026, 9, 28, 10);
    private static readonly DateTime Due1019 = China(2026, 10, 19, 17); // 10 kV single supply, 11 working days

    private static (Case Case, UtilityRequest Request) TenKilovoltCase()
    {
        var r = Request(Utility.Power, HighVoltage(VoltageLevel.Kv10, dual: false), Accepted0928);
        return (Accepted(r, Accepted0928), r);
    }

    [Fact]
    public void Survey_step_is_marked_overdue_only_after_the_whole_promise_has_passed()
    {
        var (c, _) = TenKilovoltCase();

        Assert.False(c.MarkOverdue(China(2026, 10, 19, 16, 59)));
        Assert.False(c.MarkOverdue(Due1019)); // the deadline instant itself is still in time
        Assert.False(c.IsOverdue);

        Assert.True(c.MarkOverdue(China(2026, 10, 19, 17, 1)));

        Assert.True(c.IsOverdue);
        Assert.Equal(China(2026, 10, 19, 17, 1), c.OverdueSince);
        Assert.Equal(CaseState.SiteSurvey, c.State);
        var mark = c.History[^1];
        Assert.Equal(Case.OverdueAction, mark.Action);
        Assert.Equal("超过承诺时限", mark.ActionLabel);
        Assert.Equal(CaseState.SiteSurvey, mark.FromState);
        Assert.Equal(CaseState.SiteSurvey, mark.ToState);
        Assert.Equal(CaseActor.System.UserId, mark.ActorId);
        Assert.False(c.MarkOverdue(China(2026, 10, 20, 9))); // marked once
    }

    [Fact]
    public void Moving_on_after_the_promise_has_passed_leaves_the_next_utility_step_overdue_at_once()
    {
        var (c, r) = TenKilovoltCase();
        Assert.True(c.MarkOverdue(China(2026, 10, 20, 9)));

        Survey(c, r, China(2026, 10, 20, 9), China(2026, 10, 20, 10));

        Assert.Equal(CaseState.PlanReply, c.State);
        Assert.False(c.IsOverdue); // a new step starts unmarked...
        Assert.Equal(Due1019, c.StepDueAt); // ...but with the same deadline, already passed
        Assert.True(c.MarkOverdue(China(2026, 10, 20, 10, 5)));
        Assert.Equal(DeadlineStatus.Overdue, DeadlineStatuses.Of(China(2026, 10, 20, 10, 5), c.StepWarnAt, c.StepDueAt));
    }

    [Fact]
    public void Connection_step_is_overdue_once_the_promise_from_acceptance_has_passed()
    {
        var (c, r) = TenKilovoltCase();
        Survey(c, r, China(2026, 9, 29, 9), China(2026, 9, 29, 10));
        c.Fire(CaseTrigger.ReplyPlan, At(PowerStaff, China(2026, 10, 9, 10), r), Because("方案"));
        SignBothSides(c, r, China(2026, 10, 12, 9), China(2026, 10, 13, 9));
        Assert.Equal(CaseState.Connecting, c.State);

        Assert.False(c.MarkOverdue(Due1019));
        Assert.True(c.MarkOverdue(China(2026, 10, 20, 9)));
        Assert.True(c.IsOverdue);
        Assert.Equal(CaseState.Connecting, c.State);
    }

    [Fact]
    public void Contract_confirmation_held_by_the_applicant_is_never_marked_overdue()
    {
        var (c, r) = TenKilovoltCase();
        Survey(c, r, China(2026, 9, 29, 9), China(2026, 9, 29, 10));
        c.Fire(CaseTrigger.ReplyPlan, At(PowerStaff, China(2026, 9, 29, 11), r), Because("方案"));
        Sign(c, r, PowerStaff, China(2026, 9, 29, 13));
        Assert.Equal(CaseState.ContractConfirm, c.State);

        Assert.False(c.MarkOverdue(China(2026, 12, 31, 17)));
        Assert.False(c.IsOverdue);
        Assert.Equal(DeadlineStatus.None, DeadlineStatuses.Of(China(2026, 12, 31, 17), c.StepWarnAt, c.StepDueAt));
    }

    [Fact]
    public void Water_joint_approval_step_is_overdue_after_its_own_three_days_even_though_the_connection_promise_is_not()
    {
        var accepted = China(2026, 4, 29, 10);
        var r = Request(Utility.Water, WaterData(300m), accepted);
        var c = Accepted(r, accepted);
        Survey(c, r, China(2026, 4, 30, 9), China(2026, 4, 30, 10));
        Assert.Equal(China(2026, 5, 8, 17), c.StepDueAt);

        Assert.False(c.MarkOverdue(China(2026, 5, 8, 17)));
        Assert.True(c.MarkOverdue(China(2026, 5, 9, 9)));
        Assert.Equal(CaseState.PlanReply, c.State);
    }

    [Fact]
    public void A_completed_connection_is_never_marked_overdue()
    {
        var accepted = China(2026, 9, 28, 10);
        var r = Request(Utility.Power, LowVoltage(lineM: null, works: false), accepted);
        var c = Accepted(r, accepted);
        SignBothSides(c, r, China(2026, 9, 28, 11), China(2026, 9, 28, 12));
        c.Fire(CaseTrigger.Connect, At(PowerStaff, China(2026, 9, 29, 10), r));

        Assert.False(c.MarkOverdue(China(2026, 12, 1, 9)));
        Assert.Equal(CaseState.Completed, c.State);
    }
}
