using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Connections;

/// <summary>
/// One utility's steps (SPEC 2.3), chosen by the classification: 现场踏勘 (the joint survey, when needed) → 方案答复
/// (high voltage, works needing approval, water over 150 m) → the supply contract signed by the utility and then by
/// the applicant (000:193) → 装表接通 / 验收送电. Every utility-held step's deadline is the whole promise counted from
/// 受理 (e.g. 10 kV single supply ≤11 working days, 004:123); water over 150 m has the joint approval's own
/// 3 (or 5) working days, and the 6-day connection counts from the approval (002:19).
/// </summary>
public sealed class UtilityConnectionFlow(UtilityRequest request) : ICaseFlow
{
    private Case? current;

    public UtilityRequest Request => request;

    public bool AcceptedBySystem => true;

    public CaseState AcceptedState =>
        request.NeedsSurvey ? CaseState.SiteSurvey : request.NeedsPlanApproval ? CaseState.PlanReply : CaseState.ContractSigning;

    public void Configure(WorkflowMachine<CaseState, CaseTrigger> machine, Case c, CaseActionContext context, Func<CaseActionArgs> args)
    {
        current = c;
        var actor = context.Actor;
        var now = context.NowUtc;
        var role = request.Utility.Department().ReviewerRole();
        var utilityOnly = $"只有{request.Utility.Label()}单位的工作人员可以执行此操作";
        const string applicantOnly = "只有申请人本人或代办人可以执行此操作";
        bool IsUtility() => actor.Has(role);
        bool IsApplicantSide() => actor.IsApplicantSideOf(c);
        bool ApplicantOrSystem() => IsApplicantSide() || actor.IsSystem;
        bool HasReason() => !string.IsNullOrWhiteSpace(args().Reason);
        TimeLimit? Total() => context.Limits(request.LimitKey);
        var surveyAt = request.Application.SurveyAt is { } at ? context.Clock.ToLocal(at).ToString("yyyy年M月d日 HH:mm") : null;

        if (request.NeedsSurvey)
        {
            machine.Configure(CaseState.SiteSurvey, Total, "报装承诺时限（自受理起）")
                .OnExit(t => { if (t.Trigger == CaseTrigger.RecordSurvey) { request.RecordSurvey(args().Reason!.Trim(), now); } }, "记录踏勘结果")
                .PermitIf(CaseTrigger.RecordSurvey, request.NeedsPlanApproval ? CaseState.PlanReply : CaseState.ContractSigning,
                    (IsUtility, utilityOnly),
                    (() => request.Application.SurveyAt is not null, "请先安排（联合）踏勘时间"),
                    (() => request.Application.SurveyAt is not { } t || now >= t, surveyAt is null ? "踏勘时间到达后才能记录结果" : $"踏勘时间为{surveyAt}，踏勘后才能记录结果"),
                    (HasReason, "请填写踏勘结果"))
                .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (ApplicantOrSystem, applicantOnly));
        }

        if (request.NeedsPlanApproval)
        {
            machine.Configure(CaseState.PlanReply, () => request.ApprovalLimitKey is { } key ? context.Limits(key) : Total(), "方案答复（外线工程审批）时限")
                .OnExit(t => { if (t.Trigger == CaseTrigger.ReplyPlan) { request.RecordPlanReply(now); } }, "记录方案答复时间")
                .PermitIf(CaseTrigger.ReplyPlan, CaseState.ContractSigning, (IsUtility, utilityOnly), (HasReason, "请填写供应方案或审批意见"))
                .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (ApplicantOrSystem, applicantOnly));
        }

        machine.Configure(CaseState.ContractSigning, Total, "报装承诺时限")
            .OnExit(t => { if (t.Trigger == CaseTrigger.SignContract) { request.SignByUtility($"HT-{c.Number}", actor.Name, now); } }, "专营单位电子签章")
            .PermitIf(CaseTrigger.SignContract, CaseState.ContractConfirm,
                (IsUtility, utilityOnly),
                (() => request.HasContractTerms, "请先填写供用合同条款（供应容量或用量、价格及收费依据、双方责任），申请人确认前可以看到"))
            .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (ApplicantOrSystem, applicantOnly));
        machine.Configure(CaseState.ContractConfirm)
            .OnExit(t => { if (t.Trigger == CaseTrigger.ConfirmContract) { request.SignByApplicant(actor.Name, now); } }, "申请人电子签名")
            .PermitIf(CaseTrigger.ConfirmContract, CaseState.Connecting, (IsApplicantSide, applicantOnly))
            .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (ApplicantOrSystem, applicantOnly));
        // 涉路、涉树 works (000:177) are planned with a lead time before they start: 提前3天报请批准, checked before connecting.
        List<(Func<bool>, string)> connectGuards =
        [
            (IsUtility, utilityOnly),
            (() => request.UtilitySignedAt is not null && request.ApplicantSignedAt is not null, "供用合同双方签订后才能接通"),
        ];
        if (request.NeedsWorksPlan)
        {
            var lead = context.Limits(PromiseKeys.PowerRoadWorksFiling);
            connectGuards.Add((() => request.WorksPlanKeeps(lead),
                $"涉及道路挖掘或树木砍伐：请先登记施工计划（告知承诺，或开工前提前{lead?.Amount ?? 3}天向道路、绿化等管理部门报请批准，000:177）"));
        }

        machine.Configure(CaseState.Connecting, Total, "报装承诺时限")
            .OnExit(t => { if (t.Trigger == CaseTrigger.Connect) { request.MarkConnected(now); } }, "记录接通时间")
            .PermitIf(CaseTrigger.Connect, CaseState.Completed, [.. connectGuards])
            .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (ApplicantOrSystem, applicantOnly));
    }

    public string? HolderOf(CaseState state) => state switch
    {
        CaseState.ContractConfirm => Roles.Applicant,
        CaseState.Submitted or CaseState.SiteSurvey or CaseState.PlanReply or CaseState.ContractSigning or CaseState.Connecting
            => request.Utility.Department().ReviewerRole(),
        _ => null,
    };

    public DateTime? AnchorOf(CaseState state) => state switch
    {
        CaseState.PlanReply when request.ApprovalLimitKey is not null => null,
        CaseState.ContractSigning or CaseState.Connecting when request.ApprovalLimitKey is not null => request.PlanRepliedAt,
        CaseState.SiteSurvey or CaseState.PlanReply or CaseState.ContractSigning or CaseState.Connecting => current?.AcceptedAt,
        _ => null,
    };

    public CaseTrigger? ExpiryOf(CaseState state) => null;

    public string? LabelOf(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Connect when request.Utility == Utility.Power && request.Data.Voltage != VoltageLevel.Low => "验收送电",
        CaseTrigger.Connect => "装表接通",
        CaseTrigger.AutoAccept => "提交即受理（受理申请）",
        _ => null,
    };
}
