namespace Portal.Workflow.Tests;

public class QueueTests
{
    [Fact]
    public void Trigger_fired_from_an_entry_action_runs_after_the_current_transition_completes()
    {
        var log = new List<string>();
        StateMachine<S, T>? machine = null;
        var m = new StateMachine<S, T>(S.Draft);
        machine = m;
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted);
        m.Configure(S.Submitted)
            .Permit(T.Accept, S.Accepted)
            .OnEntry(() =>
            {
                log.Add("entry Submitted (auto-accept)");
                machine.Fire(T.Accept);
                log.Add($"entry Submitted continues, state={machine.State}");
            });
        m.Configure(S.Accepted).OnEntry(() => log.Add("entry Accepted"));
        m.TransitionCompleted += t => log.Add($"completed {t.Source}->{t.Destination}");

        m.Fire(T.Submit);

        Assert.Equal(
            [
                "entry Submitted (auto-accept)",
                "entry Submitted continues, state=Submitted",
                "completed Draft->Submitted",
                "entry Accepted",
                "completed Submitted->Accepted",
            ],
            log);
        Assert.Equal(S.Accepted, m.State);
    }

    [Fact]
    public void Triggers_fired_from_exit_actions_and_events_are_queued_in_order()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted).OnExit(() => m.Fire(T.Accept));
        m.Configure(S.Submitted).Permit(T.Accept, S.Accepted);
        m.Configure(S.Accepted).Permit(T.Review, S.Reviewing);
        m.Transitioned += t =>
        {
            log.Add($"{t.Source}->{t.Destination}");
            if (t.Destination == S.Submitted)
            {
                m.Fire(T.Review);
            }
        };

        m.Fire(T.Submit);

        Assert.Equal(["Draft->Submitted", "Submitted->Accepted", "Accepted->Reviewing"], log);
        Assert.Equal(S.Reviewing, m.State);
    }

    [Fact]
    public void Exception_in_an_action_clears_the_queue_and_leaves_the_machine_usable()
    {
        var fail = true;
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted);
        m.Configure(S.Submitted).Permit(T.Accept, S.Accepted).Permit(T.Withdraw, S.Draft).OnEntry(() =>
        {
            m.Fire(T.Accept);
            if (fail)
            {
                throw new InvalidOperationException("boom");
            }
        });

        Assert.Throws<InvalidOperationException>(() => m.Fire(T.Submit));
        Assert.Equal(S.Submitted, m.State); // queued Accept was dropped

        fail = false;
        m.Fire(T.Withdraw);
        m.Fire(T.Submit);
        Assert.Equal(S.Accepted, m.State);
    }
}
