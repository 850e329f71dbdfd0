namespace Portal.Workflow.Tests;

public class ParameterTests
{
    private static (StateMachine<S, T> Machine, StateMachine<S, T>.TriggerWithParameters<string> Reject, List<string> Log) Build()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Submitted);
        var reject = m.SetTriggerParameters<string>(T.Reject);
        m.Configure(S.Submitted).PermitIf(reject, S.Rejected, reason => reason.Length >= 5, "驳回理由不少于5个字");
        m.Configure(S.Rejected).OnEntryFrom(reject, (reason, t) => log.Add($"{reason}|{t.Parameters.Length}"), "通知申请人");
        return (m, reject, log);
    }

    [Fact]
    public void Typed_guard_receives_the_argument()
    {
        var (m, reject, _) = Build();

        Assert.False(m.CanFire(reject, "太短", out var unmet));
        Assert.Equal(["驳回理由不少于5个字"], unmet);
        Assert.True(m.CanFire(reject, "材料不符合要求", out _));

        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(reject, "太短"));
        Assert.Equal(["驳回理由不少于5个字"], ex.UnmetGuards);
        Assert.Equal(S.Submitted, m.State);
    }

    [Fact]
    public void OnEntryFrom_receives_the_typed_argument_and_transition_parameters()
    {
        var (m, reject, log) = Build();
        Transition<S, T>? seen = null;
        m.Transitioned += t => seen = t;

        m.Fire(reject, "材料不符合要求");

        Assert.Equal(S.Rejected, m.State);
        Assert.Equal(["材料不符合要求|1"], log);
        Assert.NotNull(seen);
        Assert.Equal(["材料不符合要求"], seen.Parameters);
    }

    [Fact]
    public void Firing_a_parameterised_trigger_without_arguments_throws_argument_exception()
    {
        var (m, _, _) = Build();
        Assert.Throws<ArgumentException>(() => m.Fire(T.Reject));
        Assert.Equal(S.Submitted, m.State);
    }

    [Fact]
    public void Firing_with_the_wrong_argument_type_or_count_throws_argument_exception()
    {
        var (m, reject, _) = Build();
        StateMachine<S, T>.TriggerWithParameters untyped = reject;

        Assert.Throws<ArgumentException>(() => m.Fire(untyped, 42));
        Assert.Throws<ArgumentException>(() => m.Fire(untyped, "材料不符合要求", "多余"));
        Assert.Throws<ArgumentException>(() => m.Fire(untyped));
        Assert.Equal(S.Submitted, m.State);

        m.Fire(untyped, "材料不符合要求");
        Assert.Equal(S.Rejected, m.State);

        var scored = new StateMachine<S, T>(S.Reviewing);
        StateMachine<S, T>.TriggerWithParameters approve = scored.SetTriggerParameters<int>(T.Approve);
        scored.Configure(S.Reviewing).Permit(T.Approve, S.Completed);
        Assert.Throws<ArgumentException>(() => scored.Fire(approve, [null])); // null for a value type
    }

    [Fact]
    public void SetTriggerParameters_returns_the_same_declaration_and_rejects_conflicting_types()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        var first = m.SetTriggerParameters<string>(T.Reject);
        Assert.Same(first, m.SetTriggerParameters<string>(T.Reject));
        Assert.Equal([typeof(string)], first.ArgumentTypes);
        Assert.Throws<InvalidOperationException>(() => m.SetTriggerParameters<int>(T.Reject));
    }

    [Fact]
    public void Two_argument_trigger_passes_both_arguments_to_guard_and_entry_action()
    {
        var log = new List<string>();
        var m = new StateMachine<S, T>(S.Reviewing);
        var approve = m.SetTriggerParameters<string, int>(T.Approve);
        m.Configure(S.Reviewing).PermitIf(approve, S.Completed, (who, score) => score >= 60, "评分须达到60分");
        m.Configure(S.Completed).OnEntryFrom(approve, (who, score, t) => log.Add($"{who}:{score}:{t.Trigger}"));

        Assert.False(m.CanFire(approve, "张三", 59, out var unmet));
        Assert.Equal(["评分须达到60分"], unmet);

        m.Fire(approve, "李四", 90);

        Assert.Equal(["李四:90:Approve"], log);
    }

    [Fact]
    public void Parameterised_trigger_can_be_permitted_without_a_typed_guard()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        var reject = m.SetTriggerParameters<string>(T.Reject);
        m.Configure(S.Submitted).Permit(T.Reject, S.Rejected);

        m.Fire(reject, "任意理由");

        Assert.Equal(S.Rejected, m.State);
    }

    [Fact]
    public void Typed_internal_transition_receives_the_argument()
    {
        var comments = new List<string>();
        var m = new StateMachine<S, T>(S.Reviewing);
        var comment = m.SetTriggerParameters<string>(T.Comment);
        m.Configure(S.Reviewing).InternalTransition(comment, (text, t) => comments.Add(text + "@" + t.Source));

        m.Fire(comment, "请补充身份证明");

        Assert.Equal(["请补充身份证明@Reviewing"], comments);
    }
}
