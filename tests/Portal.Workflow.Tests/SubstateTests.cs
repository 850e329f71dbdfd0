namespace Portal.Workflow.Tests;

public class SubstateTests
{
    [Fact]
    public void Trigger_not_handled_by_substate_is_handled_by_superstate()
    {
        var m = TestMachines.Portal(S.Reviewing);
        m.Fire(T.Suspend);
        Assert.Equal(S.Suspended, m.State);
    }

    [Fact]
    public void IsInState_is_true_for_current_state_and_its_superstates_only()
    {
        var m = TestMachines.Portal(S.Accepted);
        Assert.True(m.IsInState(S.Accepted));
        Assert.True(m.IsInState(S.Processing));
        Assert.False(m.IsInState(S.Reviewing));
        Assert.False(m.IsInState(S.Submitted));
    }

    [Fact]
    public void Moving_between_substates_does_not_exit_or_enter_the_shared_superstate()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).OnEntry(() => log.Add("entry Processing")).OnExit(() => log.Add("exit Processing"));
        m.Configure(S.Accepted).SubstateOf(S.Processing).Permit(T.Review, S.Reviewing).OnExit(() => log.Add("exit Accepted"));
        m.Configure(S.Reviewing).SubstateOf(S.Processing).OnEntry(() => log.Add("entry Reviewing"));

        m.Fire(T.Review);

        Assert.Equal(["exit Accepted", "entry Reviewing"], log);
    }

    [Fact]
    public void Moving_from_a_superstate_into_its_own_substate_does_not_exit_the_superstate()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Processing);
        m.Configure(S.Processing).Permit(T.Accept, S.Accepted)
            .OnEntry(() => log.Add("entry Processing")).OnExit(() => log.Add("exit Processing"));
        m.Configure(S.Accepted).SubstateOf(S.Processing).OnEntry(() => log.Add("entry Accepted"));

        m.Fire(T.Accept);

        Assert.Equal(["entry Accepted"], log);
        Assert.True(m.IsInState(S.Processing));
    }

    [Fact]
    public void Substate_transition_takes_precedence_over_the_superstate_for_the_same_trigger()
    {
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).Permit(T.Reject, S.Rejected);
        m.Configure(S.Accepted).SubstateOf(S.Processing).Permit(T.Reject, S.Submitted);

        m.Fire(T.Reject);

        Assert.Equal(S.Submitted, m.State);
    }

    [Fact]
    public void Superstate_handles_trigger_when_the_substate_guard_fails()
    {
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).Permit(T.Reject, S.Rejected);
        m.Configure(S.Accepted).SubstateOf(S.Processing).PermitIf(T.Reject, S.Submitted, () => false, "仅限退回补正");

        m.Fire(T.Reject);

        Assert.Equal(S.Rejected, m.State);
    }

    [Fact]
    public void Superstate_transition_leading_to_the_current_substate_reenters_it()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).Permit(T.Reset, S.Accepted).OnExit(() => log.Add("exit Processing"));
        m.Configure(S.Accepted).SubstateOf(S.Processing)
            .OnExit(() => log.Add("exit Accepted"))
            .OnEntry(t => log.Add($"entry Accepted reentry={t.IsReentry}"));

        m.Fire(T.Reset);

        Assert.Equal(["exit Accepted", "entry Accepted reentry=True"], log);
    }

    [Fact]
    public void Reentry_declared_on_a_superstate_exits_the_substate_and_reenters_the_superstate()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).PermitReentry(T.Reset)
            .OnExit(() => log.Add("exit Processing"))
            .OnEntry(() => log.Add("entry Processing"));
        m.Configure(S.Accepted).SubstateOf(S.Processing).OnExit(() => log.Add("exit Accepted"));
        m.Transitioned += t => log.Add($"transitioned {t.Source}->{t.Destination} reentry={t.IsReentry}");

        m.Fire(T.Reset);

        Assert.Equal(
            ["exit Accepted", "exit Processing", "transitioned Accepted->Processing reentry=True", "entry Processing"],
            log);
        Assert.Equal(S.Processing, m.State);
    }

    [Fact]
    public void SubstateOf_rejects_cycles_and_a_second_superstate()
    {
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Accepted).SubstateOf(S.Processing);
        Assert.Throws<ArgumentException>(() => m.Configure(S.Processing).SubstateOf(S.Accepted));
        Assert.Throws<ArgumentException>(() => m.Configure(S.Processing).SubstateOf(S.Processing));
        Assert.Throws<InvalidOperationException>(() => m.Configure(S.Accepted).SubstateOf(S.Submitted));
        m.Configure(S.Accepted).SubstateOf(S.Processing); // same superstate again is fine
    }
}
