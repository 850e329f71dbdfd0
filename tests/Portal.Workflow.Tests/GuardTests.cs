namespace Portal.Workflow.Tests;

public class GuardTests
{
    [Fact]
    public void Guarded_trigger_fails_with_unmet_guard_descriptions()
    {
        var m = TestMachines.Portal(S.Submitted, supervisorApproved: () => false);

        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Reject));

        Assert.Equal(["需要督查批准"], ex.UnmetGuards);
        Assert.Equal(S.Submitted, m.State);
    }

    [Fact]
    public void Guards_are_evaluated_at_fire_time()
    {
        var approved = false;
        var m = TestMachines.Portal(S.Submitted, supervisorApproved: () => approved);

        Assert.False(m.CanFire(T.Reject));
        approved = true;
        Assert.True(m.CanFire(T.Reject));
        m.Fire(T.Reject);
        Assert.Equal(S.Rejected, m.State);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void All_of_multiple_guards_must_hold(bool first, bool second, bool expected)
    {
        var m = new StateMachine<S, T>(S.Submitted);
        m.Configure(S.Submitted).PermitIf(T.Accept, S.Accepted,
            (() => first, "材料齐全"),
            (() => second, "已缴费"));

        Assert.Equal(expected, m.CanFire(T.Accept, out var unmet));
        var expectedUnmet = new List<string>();
        if (!first)
        {
            expectedUnmet.Add("材料齐全");
        }

        if (!second)
        {
            expectedUnmet.Add("已缴费");
        }

        Assert.Equal(expectedUnmet, unmet);
    }

    [Fact]
    public void Multiple_guards_where_one_fails_report_only_that_description()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        m.Configure(S.Submitted).PermitIf(T.Accept, S.Accepted,
            (() => true, "材料齐全"),
            (() => false, "需要缴费"),
            (() => true, "已实名认证"));

        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Accept));
        Assert.Equal(["需要缴费"], ex.UnmetGuards);
    }

    [Fact]
    public void Mutually_exclusive_guards_select_the_matching_destination()
    {
        var urgent = true;
        var m = new StateMachine<S, T>(S.Submitted);
        m.Configure(S.Submitted)
            .PermitIf(T.Accept, S.Reviewing, () => urgent, "加急件")
            .PermitIf(T.Accept, S.Accepted, () => !urgent, "普通件");

        m.Fire(T.Accept);
        Assert.Equal(S.Reviewing, m.State);

        var m2 = new StateMachine<S, T>(S.Submitted);
        bool? kind = false;
        m2.Configure(S.Submitted)
            .PermitIf(T.Accept, S.Reviewing, () => kind == true, "加急件")
            .PermitIf(T.Accept, S.Accepted, () => kind == false, "普通件");
        m2.Fire(T.Accept);
        Assert.Equal(S.Accepted, m2.State);

        // When every alternative fails, all of their guard texts are reported.
        var m3 = new StateMachine<S, T>(S.Submitted);
        m3.Configure(S.Submitted)
            .PermitIf(T.Accept, S.Reviewing, () => false, "加急件")
            .PermitIf(T.Accept, S.Accepted, () => false, "普通件");
        Assert.False(m3.CanFire(T.Accept, out var unmet));
        Assert.Equal(["加急件", "普通件"], unmet);
    }

    [Fact]
    public void Two_passing_handlers_for_one_trigger_are_a_configuration_error()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        m.Configure(S.Submitted)
            .PermitIf(T.Accept, S.Reviewing, () => true, "加急件")
            .Permit(T.Accept, S.Accepted);

        var ex = Assert.Throws<InvalidOperationException>(() => m.Fire(T.Accept));
        Assert.IsNotType<InvalidTransitionException>(ex);
        Assert.Contains("Accept", ex.Message);
        Assert.Equal(S.Submitted, m.State);
    }

    [Fact]
    public void Guard_descriptions_are_required()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        Assert.Throws<ArgumentException>(() => m.Configure(S.Submitted).PermitIf(T.Accept, S.Accepted, () => true, " "));
        Assert.Throws<ArgumentNullException>(() => m.Configure(S.Submitted).PermitIf(T.Accept, S.Accepted, null!, "说明"));
    }

    [Fact]
    public void CanFire_reports_no_unmet_guards_when_permitted_and_empty_list_when_unconfigured()
    {
        var m = TestMachines.Portal(S.Submitted, supervisorApproved: () => true);

        Assert.True(m.CanFire(T.Reject, out var unmet));
        Assert.Empty(unmet);

        Assert.False(m.CanFire(T.Approve, out var none));
        Assert.Empty(none);
    }
}
