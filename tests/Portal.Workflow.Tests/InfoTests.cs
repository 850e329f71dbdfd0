namespace Portal.Workflow.Tests;

public class InfoTests
{
    private static StateInfo Find(StateMachineInfo info, S state) =>
        info.States.Single(s => s.UnderlyingState.Equals(state));

    [Fact]
    public void GetInfo_lists_states_in_configuration_order_with_labels_and_current_state_as_initial()
    {
        var m = TestMachines.Portal();
        var info = m.GetInfo();
        Assert.Equal(S.Draft, info.InitialState.UnderlyingState);
        m.Fire(T.Submit);
        Assert.Equal("已提交", m.GetInfo().InitialState.Label);

        Assert.Equal(
            [S.Draft, S.Submitted, S.Accepted, S.Rejected, S.Processing, S.Suspended, S.Reviewing, S.Completed],
            info.States.Select(s => (S)s.UnderlyingState));
        Assert.Equal(
            ["草稿", "已提交", "已受理", "已驳回", "办理中", "已中止", "审核中", "已办结"],
            info.States.Select(s => s.Label));
        Assert.Equal(typeof(S), info.StateType);
        Assert.Equal(typeof(T), info.TriggerType);
    }

    [Fact]
    public void GetInfo_describes_superstates_and_substates()
    {
        var info = TestMachines.Portal().GetInfo();
        var processing = Find(info, S.Processing);
        Assert.Equal([S.Accepted, S.Reviewing], processing.Substates.Select(s => (S)s.UnderlyingState));
        Assert.Same(processing, Find(info, S.Accepted).Superstate);
        Assert.Null(processing.Superstate);
    }

    [Fact]
    public void GetInfo_describes_transitions_with_trigger_labels_destinations_and_guards()
    {
        var info = TestMachines.Portal().GetInfo();
        var submitted = Find(info, S.Submitted);

        Assert.Equal(2, submitted.FixedTransitions.Count);
        var accept = submitted.FixedTransitions[0];
        Assert.Equal(T.Accept, accept.Trigger.UnderlyingTrigger);
        Assert.Equal("受理", accept.TriggerLabel);
        Assert.Same(Find(info, S.Accepted), accept.Destination);
        Assert.Empty(accept.GuardDescriptions);

        var reject = submitted.FixedTransitions[1];
        Assert.Equal("驳回", reject.TriggerLabel);
        Assert.Equal("已驳回", reject.Destination.Label);
        Assert.Equal(["需要督查批准"], reject.GuardDescriptions);
        Assert.False(reject.IsReentry);
    }

    [Fact]
    public void GetInfo_describes_actions_ignored_internal_reentry_and_time_limits()
    {
        var m = new StateMachine<S, T>(S.Reviewing);
        var reject = m.SetTriggerParameters<string>(T.Reject);
        m.Configure(S.Reviewing).Named("审核中")
            .OnEntry(() => { }, "启动计时")
            .OnEntryFrom(reject, (_, _) => { }, "记录驳回理由")
            .OnEntry(() => { })
            .OnExit(() => { }, "停止计时")
            .Ignore(T.Remind)
            .IgnoreIf(T.Submit, () => true, "重复提交")
            .InternalTransition(T.Comment, _ => { })
            .PermitReentryIf(T.Reset, () => true, "需要重新分派")
            .WithTimeLimit(() => TimeLimit.WorkingDays(5), "按政策配置");
        m.Configure(S.Accepted).WithTimeLimit(TimeLimit.OfficeHours(4));
        m.DescribeTrigger(T.Reject, "驳回");

        var info = m.GetInfo();
        var reviewing = Find(info, S.Reviewing);

        Assert.Equal(["启动计时", "记录驳回理由", null], reviewing.EntryActions.Select(a => a.Description));
        Assert.Equal("驳回", reviewing.EntryActions[1].FromTrigger!.Label);
        Assert.Null(reviewing.EntryActions[0].FromTrigger);
        Assert.Equal(["停止计时"], reviewing.ExitActions.Select(a => a.Description));
        Assert.Equal([T.Remind, T.Submit], reviewing.IgnoredTriggers.Select(r => (T)r.Trigger.UnderlyingTrigger));
        Assert.Equal(["重复提交"], reviewing.IgnoredTriggers[1].GuardDescriptions);
        Assert.Equal([T.Comment], reviewing.InternalTransitions.Select(r => (T)r.Trigger.UnderlyingTrigger));
        var reentry = Assert.Single(reviewing.FixedTransitions);
        Assert.True(reentry.IsReentry);
        Assert.Same(reviewing, reentry.Destination);
        Assert.Equal(["需要重新分派"], reentry.GuardDescriptions);

        Assert.True(reviewing.HasDynamicTimeLimit);
        Assert.Null(reviewing.FixedTimeLimit);
        Assert.Equal("按政策配置", reviewing.TimeLimitDescription);
        var accepted = Find(info, S.Accepted);
        Assert.Equal(TimeLimit.OfficeHours(4), accepted.FixedTimeLimit);
        Assert.Equal("4个工作小时", accepted.TimeLimitDescription);
        Assert.Null(Find(info, S.Accepted).Superstate);
    }

    [Fact]
    public void GetInfo_lists_all_triggers_with_labels_and_parameter_types()
    {
        var m = TestMachines.Portal();
        m.SetTriggerParameters<string>(T.Withdraw);
        var info = m.GetInfo();

        Assert.Equal(
            [T.Submit, T.Accept, T.Reject, T.Suspend, T.Remind, T.Review, T.Approve, T.Resume, T.Withdraw],
            info.Triggers.Select(t => (T)t.UnderlyingTrigger));
        Assert.Equal("提交", info.Triggers[0].Label);
        Assert.Equal("Withdraw", info.Triggers[^1].Label);
        Assert.Equal([typeof(string)], info.Triggers[^1].ParameterTypes);
    }

    [Fact]
    public void Labels_fall_back_to_ToString_and_DescribeState_equals_Named()
    {
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted);
        m.DescribeState(S.Submitted, "已提交");

        Assert.Equal("Draft", m.GetStateLabel(S.Draft));
        Assert.Equal("已提交", m.GetStateLabel(S.Submitted));
        Assert.Equal("Submit", m.GetTriggerLabel(T.Submit));
        Assert.Equal("已提交", m.GetInfo().States[1].Label);

        m.Configure(S.Submitted).Named("已递交");
        Assert.Equal("已递交", m.GetStateLabel(S.Submitted));
    }

    [Fact]
    public void ReachableOnly_drops_states_no_transition_leads_to_and_keeps_the_rest_in_order()
    {
        var m = new StateMachine<S, T>(S.Draft);
        m.Configure(S.Draft).Permit(T.Submit, S.Submitted);
        m.Configure(S.Submitted).PermitIf(T.Accept, S.Accepted, () => false, "从不");
        m.Configure(S.Processing).Permit(T.Approve, S.Completed);

        var info = m.GetInfo();
        var drawn = info.ReachableOnly();

        Assert.Contains(info.States, s => s.UnderlyingState.Equals(S.Processing));
        Assert.Equal([S.Draft, S.Submitted, S.Accepted], drawn.States.Select(s => (S)s.UnderlyingState));
        Assert.Equal(S.Draft, drawn.InitialState.UnderlyingState);
        Assert.DoesNotContain("Processing", DiagramExport.ToMermaid(drawn), StringComparison.Ordinal);
    }
}
