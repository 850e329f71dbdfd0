namespace Portal.Workflow.Tests;

public class ExternalStorageTests
{
    private static StateMachine<S, T> Bind(Application app)
    {
        var m = new StateMachine<S, T>(() => app.Status, s =>
        {
            app.Status = s;
            app.Writes++;
        });
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted).Ignore(T.Remind);
        m.Configure(S.Processing).Permit(T.Suspend, S.Suspended);
        m.Configure(S.Submitted).Permit(T.Accept, S.Accepted).InternalTransition(T.Comment, _ => { }).PermitReentry(T.Reset);
        m.Configure(S.Accepted).SubstateOf(S.Processing);
        return m;
    }

    [Fact]
    public void External_state_is_read_from_the_accessor_every_time()
    {
        var app = new Application { Status = S.Draft };
        var m = Bind(app);
        Assert.Equal(S.Draft, m.State);

        app.Status = S.Submitted; // changed behind the machine's back, e.g. reloaded from the database
        Assert.Equal(S.Submitted, m.State);
        m.Fire(T.Accept);
        Assert.Equal(S.Accepted, app.Status);
    }

    [Fact]
    public void Mutator_is_called_exactly_once_per_transition_even_across_superstates()
    {
        var app = new Application { Status = S.Submitted };
        var m = Bind(app);

        m.Fire(T.Accept);   // enters Processing and Accepted
        Assert.Equal(1, app.Writes);
        m.Fire(T.Suspend);  // exits Accepted and Processing
        Assert.Equal(2, app.Writes);
        Assert.Equal(S.Suspended, app.Status);
    }

    [Fact]
    public void Mutator_is_not_called_for_internal_ignored_or_failed_triggers_but_once_for_reentry()
    {
        var app = new Application { Status = S.Draft };
        var m = Bind(app);

        m.Fire(T.Remind);
        Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Accept));
        Assert.Equal(0, app.Writes);

        m.Fire(T.Submit);
        m.Fire(T.Comment);
        Assert.Equal(1, app.Writes);

        m.Fire(T.Reset);
        Assert.Equal(2, app.Writes);
        Assert.Equal(S.Submitted, app.Status);
    }

}
