using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Workflow;
using static Portal.Domain.Tests.Connections.ConnectionKit;

namespace Portal.Domain.Tests.Connections;

/// <summary>
/// The parent case of a 报装 application: accepted by the system at once, it waits (各专营单位办理中) without a deadline
/// of its own and is 办结 only by the system, only once every child is done.
/// </summary>
public sealed class ParentConnectionFlowTests
{
    private static readonly DateTime Now = China(2026, 9, 28, 10);

    private static CaseActionContext At(CaseActor actor, DateTime nowUtc, Func<bool> childrenDone) =>
        new(actor, nowUtc, Clock, Limits, ParentService) { Flow = new ParentConnectionFlow(childrenDone) };

    private static Case Running(Func<bool> childrenDone)
    {
        var c = Case.Submit("BZ-20260928-000001", $"{Address} 联合报装（供电、供水）", (Applicant.UserId, Applicant.Name), Channel.Online, At(Applicant, Now, childrenDone));
        c.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, Now, childrenDone));
        return c;
    }

    [Fact]
    public void System_acceptance_puts_the_parent_in_connections_running_without_a_deadline()
    {
        var c = Case.Submit("BZ-20260928-000001", "联合报装", (Applicant.UserId, Applicant.Name), Channel.Online, At(Applicant, Now, () => false));
        Assert.Equal(CaseState.Submitted, c.State);

        c.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, Now, () => false));

        Assert.Equal(CaseState.ConnectionsRunning, c.State);
        Assert.Equal(Now, c.AcceptedAt);
        Assert.Equal("", c.HolderRole);
        Assert.Null(c.StepDueAt);
        Assert.False(c.MarkOverdue(China(2027, 1, 1, 9)));
        Assert.Equal("各专营单位办理中", c.State.Label());
    }

    [Fact]
    public void Parent_is_not_accepted_by_anyone_but_the_system_through_auto_acceptance()
    {
        var c = Case.Submit("BZ-20260928-000001", "联合报装", (Applicant.UserId, Applicant.Name), Channel.Online, At(Applicant, Now, () => false));

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.AutoAccept, At(PowerStaff, Now, () => false)));

        Assert.Equal(new[] { "由系统在提交时受理" }, refused.UnmetGuards);
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Fact]
    public async Task System_cannot_complete_the_parent_while_a_child_is_still_open()
    {
        var c = Running(() => false);

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(CaseActor.System, Now, () => false)));

        Assert.Equal(new[] { "尚有专营单位未办结" }, refused.UnmetGuards);
        Assert.Equal(CaseState.ConnectionsRunning, c.State);
        Assert.Null(c.ClosedAt);
        Assert.DoesNotContain(CaseTrigger.Complete, await c.PermittedActionsAsync(At(CaseActor.System, Now, () => false)));
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("power")]
    [InlineData("window")]
    [InlineData("supervisor")]
    public void Nobody_but_the_system_completes_the_parent_even_when_every_child_is_done(string who)
    {
        var actor = who switch
        {
            "applicant" => Applicant,
            "power" => PowerStaff,
            "window" => Window,
            _ => Supervisor,
        };
        var c = Running(() => true);

        var refused = Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(actor, Now, () => true)));

        Assert.Equal(new[] { "各专营单位全部接通后由系统办结" }, refused.UnmetGuards);
        Assert.Equal(CaseState.ConnectionsRunning, c.State);
    }

    [Fact]
    public async Task System_completes_the_parent_once_the_children_are_done_as_the_function_says_at_that_moment()
    {
        var done = false;
        var c = Running(() => done);
        Assert.Throws<InvalidTransitionException>(() => c.Fire(CaseTrigger.Complete, At(CaseActor.System, Now, () => done)));

        done = true;
        var later = China(2026, 10, 19, 15);
        Assert.Contains(CaseTrigger.Complete, await c.PermittedActionsAsync(At(CaseActor.System, later, () => done)));
        c.Fire(CaseTrigger.Complete, At(CaseActor.System, later, () => done), Because("各专营单位均已办结"));

        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(later, c.ClosedAt);
        Assert.Equal("各专营单位均已办结", c.History[^1].Reason);
        Assert.Equal(CaseActor.System.UserId, c.History[^1].ActorId);
    }

    [Fact]
    public void Applicant_or_system_may_withdraw_the_parent_and_staff_may_not()
    {
        var byWindow = Running(() => false);
        var refused = Assert.Throws<InvalidTransitionException>(() => byWindow.Fire(CaseTrigger.Withdraw, At(Window, Now, () => false)));
        Assert.Equal(new[] { "只有申请人本人或代办人可以撤回" }, refused.UnmetGuards);
        Assert.Throws<InvalidTransitionException>(() => byWindow.Fire(CaseTrigger.Withdraw, At(PowerStaff, Now, () => false)));
        Assert.Throws<InvalidTransitionException>(() => byWindow.Fire(CaseTrigger.Withdraw, At(OtherApplicant, Now, () => false)));

        var byApplicant = Running(() => false);
        byApplicant.Fire(CaseTrigger.Withdraw, At(Applicant, Now, () => false), Because("项目取消"));
        Assert.Equal(CaseState.Withdrawn, byApplicant.State);

        var bySystem = Running(() => false);
        bySystem.Fire(CaseTrigger.Withdraw, At(CaseActor.System, Now, () => false), Because("各专营单位的申请均已撤回"));
        Assert.Equal(CaseState.Withdrawn, bySystem.State);
    }

    [Fact]
    public async Task Parent_holds_no_utility_step_and_gives_the_utilities_nothing_to_do()
    {
        var c = Running(() => false);

        foreach (var staff in new[] { PowerStaff, WaterStaff, Window })
        {
            Assert.Empty(await c.PermittedActionsAsync(At(staff, Now, () => false)));
        }

        Assert.Equal(new[] { CaseTrigger.Withdraw }, await c.PermittedActionsAsync(At(Applicant, Now, () => false)));
        Assert.NotEqual(Department.Power.ReviewerRole(), c.HolderRole);
    }
}
