namespace Portal.Workflow.Tests;

public class BasicTransitionTests
{
    [Fact]
    public void Permitted_trigger_moves_to_destination()
    {
        var m = TestMachines.Portal();
        Assert.Equal(S.Draft, m.State);
        m.Fire(T.Submit);
        Assert.Equal(S.Submitted, m.State);
        m.Fire(T.Accept);
        Assert.Equal(S.Accepted, m.State);
    }

    [Fact]
    public void Configure_returns_the_same_configuration_for_the_same_state()
    {
        var m = new StateMachine<S, T>(S.Draft);
        var first = m.Configure(S.Draft);
        Assert.Same(first, m.Configure(S.Draft));
        Assert.NotSame(first, m.Configure(S.Submitted));
        Assert.Equal(S.Draft, first.State);
    }

    [Fact]
    public void Permit_to_the_same_state_is_rejected_at_configuration_time()
    {
        var m = new StateMachine<S, T>(S.Draft);
        Assert.Throws<ArgumentException>(() => m.Configure(S.Draft).Permit(T.Submit, S.Draft));
    }

    [Fact]
    public void Unconfigured_trigger_throws_invalid_transition_exception_by_default()
    {
        var m = TestMachines.Portal();
        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Accept));
        Assert.Equal(S.Draft, ex.State);
        Assert.Equal(T.Accept, ex.Trigger);
        Assert.Empty(ex.UnmetGuards);
        Assert.Equal(S.Draft, m.State);

        var unconfigured = new StateMachine<S, T>(S.Completed);
        Assert.Throws<InvalidTransitionException>(() => unconfigured.Fire(T.Submit));
        Assert.Empty(unconfigured.PermittedTriggers);
    }

    [Fact]
    public void Custom_unhandled_trigger_handler_receives_state_trigger_and_unmet_guards()
    {
        var m = TestMachines.Portal(S.Submitted, supervisorApproved: () => false);
        var calls = new List<(S, T, IReadOnlyList<string>)>();
        m.OnUnhandledTrigger((s, t, guards) => calls.Add((s, t, guards)));

        m.Fire(T.Reject);
        m.Fire(T.Approve);

        Assert.Equal(S.Submitted, m.State);
        Assert.Equal(2, calls.Count);
        Assert.Equal((S.Submitted, T.Reject), (calls[0].Item1, calls[0].Item2));
        Assert.Equal(["需要督查批准"], calls[0].Item3);
        Assert.Equal((S.Submitted, T.Approve), (calls[1].Item1, calls[1].Item2));
        Assert.Empty(calls[1].Item3);
    }

    [Fact]
    public void Ignored_trigger_does_nothing_and_raises_no_events()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft)
            .Ignore(T.Remind)
            .OnExit(() => log.Add("exit"))
            .OnEntry(() => log.Add("entry"));
        m.Transitioned += _ => log.Add("transitioned");
        m.TransitionCompleted += _ => log.Add("completed");

        m.Fire(T.Remind);

        Assert.Equal(S.Draft, m.State);
        Assert.Empty(log);
        Assert.True(m.CanFire(T.Remind));
    }

    [Fact]
    public void IgnoreIf_ignores_only_when_the_guard_passes()
    {
        var quiet = true;
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft).IgnoreIf(T.Remind, () => quiet, "静默期内");

        m.Fire(T.Remind);
        Assert.Equal(S.Draft, m.State);

        quiet = false;
        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Remind));
        Assert.Equal(["静默期内"], ex.UnmetGuards);
    }

    [Fact]
    public void Ignore_in_a_substate_overrides_a_transition_of_the_superstate()
    {
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).Permit(T.Suspend, S.Suspended);
        m.Configure(S.Accepted).SubstateOf(S.Processing).Ignore(T.Suspend);

        m.Fire(T.Suspend);

        Assert.Equal(S.Accepted, m.State);
        Assert.DoesNotContain(T.Suspend, m.PermittedTriggers);
    }

    [Fact]
    public void Internal_transition_runs_action_without_exit_entry_or_events()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Reviewing);
        m.Configure(S.Reviewing)
            .OnEntry(() => log.Add("entry"))
            .OnExit(() => log.Add("exit"))
            .InternalTransition(T.Comment, t => log.Add($"comment {t.Source}->{t.Destination} internal={t.IsInternal}"));
        m.Transitioned += _ => log.Add("transitioned");
        m.TransitionCompleted += _ => log.Add("completed");

        m.Fire(T.Comment);

        Assert.Equal(S.Reviewing, m.State);
        Assert.Equal(["comment Reviewing->Reviewing internal=True"], log);
    }

    [Fact]
    public void Guarded_internal_transition_reports_its_guard_when_blocked()
    {
        var open = false;
        var count = 0;
        var m = new StateMachine<S, T>(S.Reviewing);
        m.Configure(S.Reviewing).InternalTransitionIf(T.Comment, () => open, "评论已关闭", _ => count++);

        Assert.False(m.CanFire(T.Comment, out var unmet));
        Assert.Equal(["评论已关闭"], unmet);

        open = true;
        m.Fire(T.Comment);
        Assert.Equal(1, count);
    }

    [Fact]
    public void Internal_transition_of_a_superstate_applies_to_its_substates()
    {
        var comments = 0;
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).InternalTransition(T.Comment, _ => comments++);
        m.Configure(S.Accepted).SubstateOf(S.Processing);

        m.Fire(T.Comment);

        Assert.Equal(1, comments);
        Assert.Equal(S.Accepted, m.State);
    }

    [Fact]
    public void Many_transitions_run_quickly()
    {
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted).OnEntry(() => { });
        m.Configure(S.Submitted).Permit(T.Withdraw, S.Draft).OnExit(() => { });

        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++)
        {
            m.Fire(T.Submit);
            m.Fire(T.Withdraw);
        }

        sw.Stop();
        Assert.Equal(S.Draft, m.State);
        // 200k transitions; generous bound (10 µs each) so the test is not flaky on slow CI machines.
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), $"200k transitions took {sw.Elapsed}");
    }
}
