namespace Portal.Workflow.Tests;

public enum S
{
    Draft,
    Submitted,
    Processing,
    Accepted,
    Reviewing,
    Suspended,
    Completed,
    Rejected,
}

public enum T
{
    Submit,
    Accept,
    Review,
    Approve,
    Reject,
    Suspend,
    Resume,
    Remind,
    Withdraw,
    Comment,
    Reset,
}

/// <summary>Entity-like holder for external state storage.</summary>
public sealed class Application
{
    public S Status { get; set; } = S.Draft;

    public int Writes { get; set; }
}

internal static class TestMachines
{
    /// <summary>A small labelled portal workflow used by several test classes.</summary>
    public static StateMachine<S, T> Portal(S initial = S.Draft, Func<bool>? supervisorApproved = null)
    {
        var approved = supervisorApproved ?? (() => true);
        var m = new StateMachine<S, T>(initial);
        m.Configure(S.Draft).Named("草稿")
            .Permit(T.Submit, S.Submitted);
        m.Configure(S.Submitted).Named("已提交")
            .Permit(T.Accept, S.Accepted)
            .PermitIf(T.Reject, S.Rejected, approved, "需要督查批准");
        m.Configure(S.Processing).Named("办理中")
            .Permit(T.Suspend, S.Suspended)
            .Ignore(T.Remind);
        m.Configure(S.Accepted).Named("已受理")
            .SubstateOf(S.Processing)
            .WithTimeLimit(new TimeLimit(4, TimeUnit.OfficeHours))
            .Permit(T.Review, S.Reviewing);
        m.Configure(S.Reviewing).Named("审核中")
            .SubstateOf(S.Processing)
            .WithTimeLimit(new TimeLimit(20, TimeUnit.WorkingDays))
            .Permit(T.Approve, S.Completed);
        m.Configure(S.Suspended).Named("已中止")
            .Permit(T.Resume, S.Accepted);
        m.Configure(S.Completed).Named("已办结");
        m.Configure(S.Rejected).Named("已驳回");
        m.DescribeTrigger(T.Submit, "提交")
            .DescribeTrigger(T.Accept, "受理")
            .DescribeTrigger(T.Review, "审核")
            .DescribeTrigger(T.Approve, "批准")
            .DescribeTrigger(T.Reject, "驳回")
            .DescribeTrigger(T.Suspend, "中止")
            .DescribeTrigger(T.Resume, "恢复")
            .DescribeTrigger(T.Remind, "催办");
        return m;
    }
}
