namespace Portal.Domain.Cases;

public static class CaseStates
{
    public static string Label(this CaseState state) => state switch
    {
        CaseState.Submitted => "待受理",
        CaseState.AwaitingSupplement => "待补正",
        CaseState.InProgress => "办理中",
        CaseState.RejectionProposed => "拟不予受理（待督查审批）",
        CaseState.Rejected => "不予受理",
        CaseState.Completed => "办结",
        CaseState.Withdrawn => "已撤回",
        CaseState.NoticePeriod => "公示期（可提出异议）",
        CaseState.FinalReview => "注销登记审核",
        CaseState.AwaitingCorrection => "待更正（容错）",
        CaseState.Terminated => "简易注销终止",
        CaseState.CreditorNotification => "待通知债权人",
        CaseState.CreditorNoticeDue => "待发布债权人公告",
        CaseState.ClaimsPeriod => "债权申报期",
        CaseState.LiquidationReport => "待提交清算报告",
        CaseState.ConnectionsRunning => "各专营单位办理中",
        CaseState.SiteSurvey => "现场踏勘",
        CaseState.PlanReply => "方案答复（外线工程审批）",
        CaseState.ContractSigning => "供用合同：专营单位签章",
        CaseState.ContractConfirm => "供用合同：待申请人确认",
        CaseState.Connecting => "接通（装表接通、验收送电）",
        _ => state.ToString(),
    };

    public static string Label(this CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Accept => "受理",
        CaseTrigger.AutoAccept => "即报即得自动受理",
        CaseTrigger.AcceptWithMissing => "容缺受理",
        CaseTrigger.RequestSupplement => "一次性告知补正",
        CaseTrigger.SubmitSupplement => "提交补正材料",
        CaseTrigger.ProposeRejection => "提出不予受理",
        CaseTrigger.ApproveRejection => "批准不予受理",
        CaseTrigger.DismissRejection => "驳回不予受理建议",
        CaseTrigger.Complete => "办结",
        CaseTrigger.Withdraw => "撤回申请",
        CaseTrigger.NoticeEnds => "公示期满",
        CaseTrigger.UpholdObjection => "异议成立，终止简易注销",
        CaseTrigger.ReturnForCorrection => "退回更正（容错）",
        CaseTrigger.Resubmit => "更正后重新提交",
        CaseTrigger.NotifyCreditors => "已通知债权人",
        CaseTrigger.PublishCreditorNotice => "发布债权人公告",
        CaseTrigger.ClaimsPeriodEnds => "债权申报期满",
        CaseTrigger.SubmitLiquidationReport => "提交清算报告",
        CaseTrigger.CancelByAuthority => "依职权注销",
        CaseTrigger.RecordSurvey => "记录踏勘结果",
        CaseTrigger.ReplyPlan => "答复供应方案",
        CaseTrigger.SignContract => "专营单位签章供用合同",
        CaseTrigger.ConfirmContract => "申请人确认签订供用合同",
        CaseTrigger.Connect => "接通",
        _ => trigger.ToString(),
    };

    /// <summary>
    /// How the end of a case reads after "已" or "办件已…": 办结, 撤回, 不予受理, 终止简易注销 — never a second 已
    /// (the label of 已撤回 already has one).
    /// </summary>
    public static string EndedPhrase(this CaseState state) => state switch
    {
        CaseState.Completed => "办结",
        CaseState.Withdrawn => "撤回",
        CaseState.Rejected => "不予受理",
        CaseState.Terminated => "终止简易注销",
        _ => state.Label(),
    };

    /// <summary>
    /// The sentence shown to the person who just took an action ("已受理。", "已通知债权人。"): the action's label after
    /// 已, unless the label already says who did what (已通知债权人, 专营单位签章供用合同), in which case it is said as done.
    /// </summary>
    public static string DoneNotice(this CaseTrigger trigger, string? label = null) => trigger switch
    {
        CaseTrigger.NotifyCreditors => "已记录通知债权人的情况。",
        CaseTrigger.SignContract => "供用合同已签章，等待申请人确认。",
        CaseTrigger.ConfirmContract => "已确认签订供用合同。",
        CaseTrigger.ProposeRejection => "已提出不予受理建议，等待督查审批。",
        CaseTrigger.DismissRejection => "已驳回不予受理建议，办件回到原环节，时限从中断处继续计算。",
        CaseTrigger.NoticeEnds => "已确认公示期满，转入注销登记审核。",
        CaseTrigger.ClaimsPeriodEnds => "已确认债权申报期满。",
        _ => $"已{(label ?? trigger.Label()).TrimStart('已')}。",
    };

    public static bool IsFinal(this CaseState state) =>
        state is CaseState.Rejected or CaseState.Completed or CaseState.Withdrawn or CaseState.Terminated;

    /// <summary>
    /// Periods that end by time, not by anyone's work (公示期, 债权申报期): nobody is hurried when 75% of them has passed.
    /// </summary>
    public static IReadOnlyList<CaseState> WaitingPeriods { get; } = [CaseState.NoticePeriod, CaseState.ClaimsPeriod];

    public static IReadOnlyList<CaseState> Open { get; } =
        Enum.GetValues<CaseState>().Where(s => !s.IsFinal()).ToArray();
}
