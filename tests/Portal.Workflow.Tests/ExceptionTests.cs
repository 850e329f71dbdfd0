namespace Portal.Workflow.Tests;

public class ExceptionTests
{
    [Fact]
    public void Invalid_transition_message_is_chinese_and_uses_labels()
    {
        var m = TestMachines.Portal(S.Accepted);

        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Accept));

        Assert.Equal("当前状态「已受理」不能执行「受理」。", ex.Message);
        Assert.Equal("已受理", ex.StateLabel);
        Assert.Equal("受理", ex.TriggerLabel);
    }

    [Fact]
    public void Invalid_transition_message_lists_guard_texts()
    {
        var m = new StateMachine<S, T>(S.Submitted);
        m.DescribeState(S.Submitted, "已提交").DescribeTrigger(T.Reject, "驳回");
        m.Configure(S.Submitted).PermitIf(T.Reject, S.Rejected,
            (() => false, "需要督查批准"),
            (() => false, "需要填写驳回理由。"));

        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Reject));

        Assert.Equal("当前状态「已提交」不能执行「驳回」：需要督查批准；需要填写驳回理由。", ex.Message);
        Assert.Equal(["需要督查批准", "需要填写驳回理由。"], ex.UnmetGuards);
    }

    [Fact]
    public void Invalid_transition_message_uses_ToString_without_labels()
    {
        var m = new StateMachine<S, T>(S.Completed);
        var ex = Assert.Throws<InvalidTransitionException>(() => m.Fire(T.Reset));
        Assert.Equal("当前状态「Completed」不能执行「Reset」。", ex.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
    }

}
