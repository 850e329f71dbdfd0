namespace Portal.Workflow.Tests;

public class PermittedTriggersTests
{
    [Fact]
    public void PermittedTriggers_includes_triggers_inherited_from_superstates_but_not_ignored_ones()
    {
        var m = TestMachines.Portal(S.Accepted);
        Assert.Equal([T.Review, T.Suspend], m.PermittedTriggers); // Remind is ignored by the superstate
        Assert.True(m.CanFire(T.Remind)); // ignoring is still a valid way to handle it
    }

    [Fact]
    public void PermittedTriggers_excludes_triggers_whose_guards_fail()
    {
        var approved = false;
        var m = TestMachines.Portal(S.Submitted, supervisorApproved: () => approved);
        Assert.Equal([T.Accept], m.PermittedTriggers);

        approved = true;
        Assert.Equal([T.Accept, T.Reject], m.PermittedTriggers);
    }

    [Fact]
    public void PermittedTriggers_does_not_evaluate_typed_guards_without_arguments()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        var reject = m.SetTriggerParameters<string>(T.Reject);
        m.Configure(S.Submitted).PermitIf(reject, S.Rejected, reason => reason.Length > 3, "理由不少于4个字");

        Assert.Equal([T.Reject], m.PermittedTriggers);
        Assert.True(m.CanFire(T.Reject));
    }

    [Fact]
    public void GetPermittedTriggers_evaluates_typed_guards_with_matching_arguments()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        var reject = m.SetTriggerParameters<string>(T.Reject);
        m.Configure(S.Submitted)
            .Permit(T.Accept, S.Accepted)
            .PermitIf(reject, S.Rejected, reason => reason.Length > 3, "理由不少于4个字");

        Assert.Equal([T.Accept], m.GetPermittedTriggers("短"));
        Assert.Equal([T.Accept, T.Reject], m.GetPermittedTriggers("材料不全，请补正"));
        Assert.Equal([T.Accept, T.Reject], m.GetPermittedTriggers());
    }

    [Fact]
    public void PermittedTriggers_lists_a_trigger_once_when_configured_in_substate_and_superstate()
    {
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).Permit(T.Reject, S.Rejected).Permit(T.Suspend, S.Suspended);
        m.Configure(S.Accepted).SubstateOf(S.Processing).Permit(T.Reject, S.Submitted);

        Assert.Equal([T.Reject, T.Suspend], m.PermittedTriggers);
    }
}
