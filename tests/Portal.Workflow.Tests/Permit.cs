namespace Portal.Workflow.Tests;

/// <summary>A small permit workflow (the shape of the portal's case table) to test the thin layer with.</summary>
public enum PermitState
{
    Submitted,
    Processing,
    Returned,
    Approved,
    Refused,
}

public enum PermitAction
{
    Accept,
    Return,
    Resubmit,
    Approve,
    Refuse,
}

/// <summary>An entity holding its own state, as Case does; the machine reads and writes it.</summary>
public sealed class Permit
{
    public PermitState State { get; set; }

    public bool IsClerk { get; set; }

    public string? Reason { get; set; }

    /// <summary>Where the processing limit comes from: read every time the state is entered.</summary>
    public TimeLimit? ProcessingLimit { get; set; } = TimeLimit.WorkingDays(5);

    public List<string> Log { get; } = [];

    public static string Label(PermitState state) => state switch
    {
        PermitState.Submitted => "待受理",
        PermitState.Processing => "办理中",
        PermitState.Returned => "已退回",
        PermitState.Approved => "已批准",
        _ => "不予许可",
    };

    public static string Label(PermitAction action) => action switch
    {
        PermitAction.Accept => "受理",
        PermitAction.Return => "退回补正",
        PermitAction.Resubmit => "重新提交",
        PermitAction.Approve => "批准",
        _ => "不予许可",
    };

    public const string ClerkOnly = "只有窗口工作人员可以执行此操作";
    public const string NeedsReason = "须写明理由";

    /// <summary>The table, configured deliberately out of enum order in 办理中 (Refuse before Return before Approve).</summary>
    public WorkflowMachine<PermitState, PermitAction> Machine()
    {
        var m = new WorkflowMachine<PermitState, PermitAction>(() => State, s => State = s, Label, Label);
        bool Clerk() => IsClerk;
        bool HasReason() => !string.IsNullOrWhiteSpace(Reason);
        m.Configure(PermitState.Submitted, () => TimeLimit.WorkingDays(1), "受理时限")
            .PermitIf(PermitAction.Accept, PermitState.Processing, (Clerk, ClerkOnly));
        m.Configure(PermitState.Processing, () => ProcessingLimit, "办理时限（承诺时限清单）")
            .OnEntry(() => Log.Add("entered 办理中"), "记录进入")
            .PermitIf(PermitAction.Refuse, PermitState.Refused, (Clerk, ClerkOnly), (HasReason, NeedsReason))
            .PermitIf(PermitAction.Return, PermitState.Returned, (Clerk, ClerkOnly), (HasReason, NeedsReason))
            .PermitIf(PermitAction.Approve, PermitState.Approved, (Clerk, ClerkOnly));
        m.Configure(PermitState.Returned)
            .OnExit(t => Log.Add($"left 已退回 by {t.Trigger}"), "记录离开")
            .PermitIf(PermitAction.Resubmit, PermitState.Processing, (() => !Clerk(), "只有申请人可以重新提交"), (HasReason, NeedsReason));
        m.Transitioned += t => Log.Add($"{t.Source}→{t.Destination} limit {t.DestinationTimeLimit?.ToString() ?? "none"}");
        return m;
    }
}
