namespace Portal.Workflow.Tests;

public class TimeLimitMachineTests
{
    [Fact]
    public void GetTimeLimit_returns_the_fixed_limit_or_null()
    {
        var m = TestMachines.Portal();
        Assert.Equal(new TimeLimit(4, TimeUnit.OfficeHours), m.GetTimeLimit(S.Accepted));
        Assert.Equal(new TimeLimit(20, TimeUnit.WorkingDays), m.GetTimeLimit(S.Reviewing));
        Assert.Null(m.GetTimeLimit(S.Draft));
        Assert.Null(m.GetTimeLimit(S.Processing)); // not inherited
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Configure(S.Draft).WithTimeLimit(new TimeLimit(-1, TimeUnit.CalendarDays)));
    }

    [Fact]
    public void Transition_carries_the_destination_time_limit()
    {
        var m = TestMachines.Portal(S.Submitted);
        var limits = new List<TimeLimit?>();
        m.Transitioned += t => limits.Add(t.DestinationTimeLimit);

        m.Fire(T.Accept);
        m.Fire(T.Review);
        m.Fire(T.Approve);

        Assert.Equal([TimeLimit.OfficeHours(4), TimeLimit.WorkingDays(20), null], limits);
    }

    [Fact]
    public void Dynamic_time_limit_is_reevaluated_on_each_entry()
    {
        TimeLimit? profile = TimeLimit.WorkingDays(20);
        var evaluations = 0;
        var m = new StateMachine<S, T>(S.Submitted);
        m.Configure(S.Submitted).Permit(T.Accept, S.Accepted);
        m.Configure(S.Accepted).Permit(T.Withdraw, S.Submitted).WithTimeLimit(() =>
        {
            evaluations++;
            return profile;
        }, "按当前政策配置");
        var seen = new List<TimeLimit?>();
        m.TransitionCompleted += t =>
        {
            if (t.Destination == S.Accepted)
            {
                seen.Add(t.DestinationTimeLimit);
            }
        };

        m.Fire(T.Accept);
        profile = TimeLimit.WorkingDays(10);
        m.Fire(T.Withdraw);
        m.Fire(T.Accept);

        Assert.Equal([TimeLimit.WorkingDays(20), TimeLimit.WorkingDays(10)], seen);
        Assert.Equal(2, evaluations);
        Assert.Equal(TimeLimit.WorkingDays(10), m.GetTimeLimit(S.Accepted));

        profile = null; // the active profile may define no limit
        Assert.Null(m.GetTimeLimit(S.Accepted));
    }

    [Fact]
    public void Reentry_transition_carries_the_time_limit_so_the_deadline_can_be_recomputed()
    {
        var m = new StateMachine<S, T>(S.Reviewing);
        m.Configure(S.Reviewing).PermitReentry(T.Reset).WithTimeLimit(TimeLimit.OfficeMinutes(20));
        Transition<S, T>? seen = null;
        m.Transitioned += t => seen = t;

        m.Fire(T.Reset);

        Assert.True(seen!.IsReentry);
        Assert.Equal(TimeLimit.OfficeMinutes(20), seen.DestinationTimeLimit);
    }

}
