namespace Portal.Workflow.Tests;

public class OrderingTests
{
    [Fact]
    public void One_transition_runs_exit_write_transitioned_entry_completed_in_order()
    {
        var log = new List<string>();
        var holder = new Application { Status = S.Draft };
        var m = new StateMachine<S, T>(() => holder.Status, s =>
        {
            log.Add($"write {s}");
            holder.Status = s;
        });
        m.Configure(S.Draft)
            .Permit(T.Submit, S.Submitted)
            .OnExit(() => log.Add("exit Draft 1"))
            .OnExit(t => log.Add($"exit Draft 2 to {t.Destination}"));
        m.Configure(S.Submitted)
            .OnEntry(() => log.Add("entry Submitted 1"))
            .OnEntry(t => log.Add($"entry Submitted 2 from {t.Source}"))
            .OnEntryFrom(T.Submit, () => log.Add("entry Submitted from Submit"))
            .OnEntryFrom(T.Withdraw, () => log.Add("entry Submitted from Withdraw"));
        m.Transitioned += t => log.Add($"transitioned state={m.State}");
        m.TransitionCompleted += t => log.Add("completed");

        m.Fire(T.Submit);

        Assert.Equal(
            [
                "exit Draft 1",
                "exit Draft 2 to Submitted",
                "write Submitted",
                "transitioned state=Submitted",
                "entry Submitted 1",
                "entry Submitted 2 from Draft",
                "entry Submitted from Submit",
                "completed",
            ],
            log);
    }

    [Fact]
    public void Leaving_a_nested_state_exits_from_the_innermost_state_outwards()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Accepted);
        m.Configure(S.Processing).OnExit(() => log.Add("exit Processing")).Permit(T.Suspend, S.Suspended);
        m.Configure(S.Accepted).SubstateOf(S.Processing).OnExit(() => log.Add("exit Accepted"));
        m.Configure(S.Suspended).OnEntry(() => log.Add("entry Suspended"));

        m.Fire(T.Suspend);

        Assert.Equal(["exit Accepted", "exit Processing", "entry Suspended"], log);
    }

    [Fact]
    public void Entering_a_substate_from_outside_enters_the_superstate_first()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Submitted);
        m.Configure(S.Submitted).Permit(T.Accept, S.Accepted).OnExit(() => log.Add("exit Submitted"));
        m.Configure(S.Processing).OnEntry(() => log.Add("entry Processing"));
        m.Configure(S.Accepted).SubstateOf(S.Processing).OnEntry(() => log.Add("entry Accepted"));
        m.Transitioned += _ => log.Add("transitioned");

        m.Fire(T.Accept);

        Assert.Equal(["exit Submitted", "transitioned", "entry Processing", "entry Accepted"], log);
        Assert.Equal(S.Accepted, m.State);
    }

    [Fact]
    public void Reentry_runs_exit_then_entry_of_the_state()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Reviewing);
        m.Configure(S.Reviewing)
            .PermitReentry(T.Reset)
            .OnExit(() => log.Add("exit"))
            .OnEntry(t => log.Add($"entry reentry={t.IsReentry}"));
        m.Transitioned += t => log.Add($"transitioned {t.Source}->{t.Destination}");

        m.Fire(T.Reset);

        Assert.Equal(["exit", "transitioned Reviewing->Reviewing", "entry reentry=True"], log);
        Assert.Equal(S.Reviewing, m.State);
    }

    [Fact]
    public void Reentry_of_a_substate_does_not_exit_its_superstate()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Reviewing);
        m.Configure(S.Processing).OnExit(() => log.Add("exit Processing")).OnEntry(() => log.Add("entry Processing"));
        m.Configure(S.Reviewing).SubstateOf(S.Processing).PermitReentry(T.Reset)
            .OnExit(() => log.Add("exit Reviewing")).OnEntry(() => log.Add("entry Reviewing"));

        m.Fire(T.Reset);

        Assert.Equal(["exit Reviewing", "entry Reviewing"], log);
    }

    [Fact]
    public void Guarded_reentry_only_happens_when_the_guard_passes()
    {
        var allowed = false;
        var entries = 0;
        var m = new StateMachine<S, T>(S.Reviewing);
        m.Configure(S.Reviewing).PermitReentryIf(T.Reset, () => allowed, "需要重新分派权限").OnEntry(() => entries++);

        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Reset));
        Assert.Equal(["需要重新分派权限"], ex.UnmetGuards);
        Assert.Equal(0, entries);

        allowed = true;
        m.Fire(T.Reset);
        Assert.Equal(1, entries);
    }

    [Fact]
    public void OnEntryFrom_runs_only_for_the_matching_trigger()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted);
        m.Configure(S.Submitted).Permit(T.Withdraw, S.Draft).Permit(T.Reset, S.Draft)
            .OnEntryFrom(T.Submit, t => log.Add($"from submit via {t.Trigger}"));
        m.Configure(S.Draft).OnEntryFrom(T.Withdraw, () => log.Add("withdrawn"));

        m.Fire(T.Submit);
        m.Fire(T.Reset);
        m.Fire(T.Submit);
        m.Fire(T.Withdraw);

        Assert.Equal(["from submit via Submit", "from submit via Submit", "withdrawn"], log);
    }
}
