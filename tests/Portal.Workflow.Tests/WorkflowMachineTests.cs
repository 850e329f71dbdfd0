namespace Portal.Workflow.Tests;

/// <summary>
/// What the portal adds around Stateless: labels, time limits resolved on entry, the Chinese refusal, the permitted
/// actions in the table's order, and the description diagrams are drawn from. Not tests of Stateless itself.
/// </summary>
public class WorkflowMachineTests
{
    [Fact]
    public void A_refused_action_without_a_transition_names_the_state_and_action_in_chinese_and_changes_nothing()
    {
        var permit = new Permit { State = PermitState.Approved, IsClerk = true };

        var ex = Assert.Throws<InvalidTransitionException>(() => permit.Machine().Fire(PermitAction.Accept));

        Assert.Equal("当前状态「已批准」不能执行「受理」。", ex.Message);
        Assert.Empty(ex.UnmetGuards);
        Assert.Equal(PermitState.Approved, ex.State);
        Assert.Equal(PermitAction.Accept, ex.Trigger);
        Assert.Equal(PermitState.Approved, permit.State);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
    }

    [Fact]
    public void A_refused_action_carries_every_unmet_guard_text_in_table_order()
    {
        var permit = new Permit { State = PermitState.Processing, IsClerk = false, Reason = "  " };

        var ex = Assert.Throws<InvalidTransitionException>(() => permit.Machine().Fire(PermitAction.Refuse));

        Assert.Equal([Permit.ClerkOnly, Permit.NeedsReason], ex.UnmetGuards);
        Assert.Equal("当前状态「办理中」不能执行「不予许可」：只有窗口工作人员可以执行此操作；须写明理由。", ex.Message);
        Assert.Equal("办理中", ex.StateLabel);
        Assert.Equal("不予许可", ex.TriggerLabel);
        Assert.Equal(PermitState.Processing, permit.State);
        Assert.Empty(permit.Log);
    }

    [Fact]
    public void Only_the_guards_that_fail_are_listed()
    {
        var permit = new Permit { State = PermitState.Processing, IsClerk = true };

        var ex = Assert.Throws<InvalidTransitionException>(() => permit.Machine().Fire(PermitAction.Return));

        Assert.Equal([Permit.NeedsReason], ex.UnmetGuards);
    }

    [Fact]
    public void Two_transitions_for_one_action_report_each_failing_text_once()
    {
        var state = PermitState.Submitted;
        var m = new WorkflowMachine<PermitState, PermitAction>(() => state, s => state = s, Permit.Label, Permit.Label);
        m.Configure(PermitState.Submitted)
            .PermitIf(PermitAction.Accept, PermitState.Processing, (() => false, "只有窗口工作人员可以受理"), (() => false, "办件尚未受理"))
            .PermitIf(PermitAction.Accept, PermitState.Approved, (() => false, "只有窗口工作人员可以受理"), (() => false, "办件已受理"));

        Assert.False(m.CanFire(PermitAction.Accept, out var unmet));

        Assert.Equal(["只有窗口工作人员可以受理", "办件尚未受理", "办件已受理"], unmet);
    }

    [Fact]
    public void A_machine_can_give_a_shared_action_its_own_label()
    {
        var permit = new Permit { State = PermitState.Approved };
        var m = permit.Machine();
        m.LabelTrigger(PermitAction.Accept, "核准登记");

        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(PermitAction.Accept));

        Assert.Equal("当前状态「已批准」不能执行「核准登记」。", ex.Message);
        Assert.Equal("核准登记", m.LabelOf(PermitAction.Accept));
        Assert.Equal("办理中", m.LabelOf(PermitState.Processing));
    }

    [Fact]
    public void CanFire_says_why_not_without_firing()
    {
        var permit = new Permit { State = PermitState.Processing, IsClerk = false, Reason = "材料不全" };
        var m = permit.Machine();

        Assert.False(m.CanFire(PermitAction.Return, out var unmet));
        Assert.Equal([Permit.ClerkOnly], unmet);
        Assert.False(m.CanFire(PermitAction.Accept, out var none));
        Assert.Empty(none);
        permit.IsClerk = true;
        Assert.True(m.CanFire(PermitAction.Return, out var met));
        Assert.Empty(met);
        Assert.Equal(PermitState.Processing, permit.State);
    }

    [Fact]
    public async Task Permitted_actions_come_in_the_order_the_table_configures_them_not_the_enum_order()
    {
        var permit = new Permit { State = PermitState.Processing, IsClerk = true, Reason = "材料不全" };

        var permitted = await permit.Machine().PermittedTriggersAsync();

        Assert.Equal([PermitAction.Refuse, PermitAction.Return, PermitAction.Approve], permitted);
    }

    [Fact]
    public async Task Permitted_actions_leave_out_those_whose_guards_fail()
    {
        var permit = new Permit { State = PermitState.Processing, IsClerk = true };
        Assert.Equal([PermitAction.Approve], await permit.Machine().PermittedTriggersAsync());

        permit.IsClerk = false;
        Assert.Empty(await permit.Machine().PermittedTriggersAsync());
    }

    [Fact]
    public void The_transition_event_carries_the_destination_limit_resolved_when_it_is_entered()
    {
        var permit = new Permit { State = PermitState.Submitted, IsClerk = true };
        var m = permit.Machine();
        permit.ProcessingLimit = TimeLimit.OfficeHours(4); // changed after configuring: the limit is read on entry

        m.Fire(PermitAction.Accept);

        Assert.Equal(PermitState.Processing, permit.State);
        Assert.Equal(["Submitted→Processing limit 4个工作小时", "entered 办理中"], permit.Log);
    }

    [Fact]
    public void Exit_actions_run_before_the_state_is_written_and_the_event_follows()
    {
        var permit = new Permit { State = PermitState.Returned, IsClerk = false, Reason = "已补交" };

        permit.Machine().Fire(PermitAction.Resubmit);

        Assert.Equal(["left 已退回 by Resubmit", "Returned→Processing limit 5个工作日", "entered 办理中"], permit.Log);
    }

    [Fact]
    public void A_state_without_a_limit_has_none()
    {
        var m = new Permit().Machine();

        Assert.Equal(TimeLimit.WorkingDays(1), m.GetTimeLimit(PermitState.Submitted));
        Assert.Equal("受理时限", m.TimeLimitDescription(PermitState.Submitted));
        Assert.Null(m.GetTimeLimit(PermitState.Returned));
        Assert.Null(m.TimeLimitDescription(PermitState.Approved));
    }

    [Fact]
    public void The_description_lists_the_reachable_states_in_reading_order_with_labels_limits_and_guard_texts()
    {
        var d = new Permit().Machine().Describe();

        Assert.Equal(["Submitted", "Processing", "Returned", "Refused", "Approved"], d.States.Select(s => s.Key)); // final states last
        Assert.Equal("待受理", d.Initial.Label);
        var processing = d.Find("Processing")!;
        Assert.Equal(TimeLimit.WorkingDays(5), processing.Limit);
        Assert.Equal("办理时限（承诺时限清单）", processing.LimitDescription);
        Assert.False(processing.IsFinal);
        Assert.Equal(["不予许可", "退回补正", "批准"], processing.Transitions.Select(t => t.TriggerLabel));
        Assert.Equal([Permit.ClerkOnly, Permit.NeedsReason], processing.Transitions[0].Guards);
        Assert.True(d.Find("Approved")!.IsFinal);
        Assert.Contains(d.Find("Returned")!.Transitions, t => t.DestinationKey == "Processing" && t.TriggerLabel == "重新提交");
    }

    [Fact]
    public void The_description_leaves_out_states_that_cannot_be_reached_from_the_current_one()
    {
        var d = new Permit { State = PermitState.Returned }.Machine().Describe();

        Assert.Equal("Returned", d.Initial.Key);
        Assert.DoesNotContain(d.States, s => s.Key == "Submitted");
    }

    [Fact]
    public void A_guard_needs_its_chinese_text()
    {
        var state = PermitState.Submitted;
        var m = new WorkflowMachine<PermitState, PermitAction>(() => state, s => state = s, Permit.Label, Permit.Label);

        Assert.Throws<ArgumentException>(() => m.Configure(PermitState.Submitted).PermitIf(PermitAction.Accept, PermitState.Processing, (() => true, " ")));
    }
}
