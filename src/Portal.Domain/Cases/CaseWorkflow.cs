using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Cases;

/// <summary>
/// The shared case workflow, one readable table. Guards carry the Chinese sentence the person sees when an
/// action is refused. Sources: 一次性告知 and 首问负责 (000:503, 003:377-381), 窗口无否决权 (000:503, 003:381,
/// 002:25), 容缺受理 (002:19, 002:25, 003:43), 补正 pauses the clock (SPEC 4).
/// </summary>
public static class CaseWorkflow
{
    public const string SupplementOnceRule = "一次性告知：本办件已告知过一次补正，再次要求补正须经督查批准";
    public const string WindowCannotRejectRule = "窗口无否决权：不予受理须由督查批准";

    public static WorkflowMachine<CaseState, CaseTrigger> Create(Case @case, CaseActionContext context, Func<CaseActionArgs> args)
    {
        var actor = context.Actor;
        var machine = new WorkflowMachine<CaseState, CaseTrigger>(() => @case.State, s => @case.State = s, CaseStates.Label, CaseStates.Label);

        bool IsWindow() => actor.Has(Roles.Window);
        bool IsSupervisor() => actor.Has(Roles.Supervisor);
        bool IsFrontOrBackOffice() => actor.Has(Roles.Window) || actor.Has(context.Service.Department.ReviewerRole());
        bool MaySendSupplement() => IsFrontOrBackOffice() || IsSupervisor();
        bool IsHoldingDepartment() => actor.Has(context.Service.Department.ReviewerRole());
        bool IsApplicantSide() => actor.IsApplicantSideOf(@case);
        bool HasReason() => !string.IsNullOrWhiteSpace(args().Reason);
        bool FirstSupplementOrOverride() => @case.SupplementCount == 0 || (args().SupervisorOverride && IsSupervisor());
        bool HasCommitmentDate() => args().CommitmentDueUtc is { } due && due > context.NowUtc;
        bool WasAccepted() => @case.AcceptedAt is not null;
        bool NotAccepted() => @case.AcceptedAt is null;

        const string windowOnly = "只有窗口工作人员可以受理";
        const string staffOnly = "只有受理窗口或承办部门的工作人员可以执行此操作";
        const string supervisorOnly = "只有督查可以审批不予受理建议";
        const string applicantOnly = "只有申请人本人或代办人可以执行此操作";

        var accepted = context.Flow?.AcceptedState ?? CaseState.InProgress;
        if (context.Flow?.AcceptedBySystem == true)
        {
            machine.Configure(CaseState.Submitted)
                .PermitIf(CaseTrigger.AutoAccept, accepted, (() => actor.IsSystem, "由系统在提交时受理"))
                .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, applicantOnly));
            context.Flow.Configure(machine, @case, context, args);
            return machine;
        }

        // 全流程: 受理 is inside the whole process's limit, counted from submission (not a separate acceptance limit).
        var whole = context.ProcessIsWhole;
        machine.Configure(
                CaseState.Submitted,
                () => context.Limits(whole ? context.Service.ProcessLimitKey : PromiseKeys.CaseAccept),
                whole ? "全流程时限（自提交起，受理在内）" : "受理时限（承诺时限清单）")
            .PermitIf(CaseTrigger.Accept, accepted, [(IsWindow, windowOnly), .. context.GuardsOf(CaseTrigger.Accept, args)])
            .PermitIf(CaseTrigger.AutoAccept, accepted, (() => actor.IsSystem, "即报即得由系统按条件自动受理"))
            .PermitIf(CaseTrigger.AcceptWithMissing, accepted,
            [
                (IsWindow, windowOnly),
                (HasReason, "容缺受理须写明所缺的非关键材料"),
                (HasCommitmentDate, "容缺受理须有申请人承诺补齐的日期（晚于现在）"),
                .. context.GuardsOf(CaseTrigger.AcceptWithMissing, args),
            ])
            .PermitIf(CaseTrigger.RequestSupplement, CaseState.AwaitingSupplement,
            [
                (MaySendSupplement, staffOnly),
                (HasReason, "补正告知须一次性列明全部所缺材料"),
                (FirstSupplementOrOverride, SupplementOnceRule),
                .. context.GuardsOf(CaseTrigger.RequestSupplement, args),
            ])
            .PermitIf(CaseTrigger.ProposeRejection, CaseState.RejectionProposed,
                (IsFrontOrBackOffice, staffOnly),
                (HasReason, "提出不予受理须写明理由"))
            .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, applicantOnly));

        // A service with its own steps after 受理 (context.Flow) asks for 补正 only before 受理 and has no 办理中 step.
        var shared = context.Flow is null;
        var supplement = machine.Configure(CaseState.AwaitingSupplement)
            .PermitIf(CaseTrigger.SubmitSupplement, CaseState.Submitted,
                [(IsApplicantSide, applicantOnly), (NotAccepted, "办件尚未受理"), .. context.GuardsOf(CaseTrigger.SubmitSupplement, args)])
            .PermitIf(CaseTrigger.Withdraw, CaseState.Withdrawn, (IsApplicantSide, applicantOnly));
        if (shared)
        {
            supplement.PermitIf(CaseTrigger.SubmitSupplement, CaseState.InProgress,
                [(IsApplicantSide, applicantOnly), (WasAccepted, "办件已受理"), .. context.GuardsOf(CaseTrigger.SubmitSupplement, args)]);
            ConfigureInProgress(machine, context, args, IsHoldingDepartment, MaySendSupplement, HasReason, FirstSupplementOrOverride, IsFrontOrBackOffice);
        }

        var rejection = machine.Configure(CaseState.RejectionProposed, () => context.Limits(PromiseKeys.RejectionReview), "督查审批时限")
            .PermitIf(CaseTrigger.ApproveRejection, CaseState.Rejected, (IsSupervisor, WindowCannotRejectRule))
            .PermitIf(CaseTrigger.DismissRejection, CaseState.Submitted, (IsSupervisor, supervisorOnly), (NotAccepted, "办件尚未受理"));
        if (shared)
        {
            rejection.PermitIf(CaseTrigger.DismissRejection, CaseState.InProgress, (IsSupervisor, supervisorOnly), (WasAccepted, "办件已受理"));
        }

        context.Flow?.Configure(machine, @case, context, args);
        return machine;
    }

    private static void ConfigureInProgress(
        WorkflowMachine<CaseState, CaseTrigger> machine,
        CaseActionContext context,
        Func<CaseActionArgs> args,
        Func<bool> IsHoldingDepartment,
        Func<bool> MaySendSupplement,
        Func<bool> HasReason,
        Func<bool> FirstSupplementOrOverride,
        Func<bool> IsFrontOrBackOffice)
    {
        var actor = context.Actor;
        const string staffOnly = "只有受理窗口或承办部门的工作人员可以执行此操作";
        machine.Configure(
                CaseState.InProgress,
                () => context.Limits(context.Service.ProcessLimitKey),
                context.ProcessIsWhole ? "全流程时限（受理后接续提交时起算的时限）" : "办理时限（承诺时限清单）")
            .PermitIf(CaseTrigger.Complete, CaseState.Completed,
                [(() => IsHoldingDepartment() || actor.IsSystem, $"只有{context.Service.Department.Label()}后台审批人员可以办结"), .. context.CompletionGuards])
            .PermitIf(CaseTrigger.RequestSupplement, CaseState.AwaitingSupplement,
            [
                (MaySendSupplement, staffOnly),
                (HasReason, "补正告知须一次性列明全部所缺材料"),
                (FirstSupplementOrOverride, SupplementOnceRule),
                .. context.GuardsOf(CaseTrigger.RequestSupplement, args),
            ])
            .PermitIf(CaseTrigger.ProposeRejection, CaseState.RejectionProposed,
                (IsFrontOrBackOffice, staffOnly),
                (HasReason, "提出不予受理须写明理由"));
    }

    /// <summary>Who holds a case in each state.</summary>
    public static string HolderOf(CaseState state, CaseActionContext context) =>
        context.Flow?.HolderOf(state) ?? HolderOf(state, context.Service);

    /// <summary>Who holds a case in each of the shared states.</summary>
    public static string HolderOf(CaseState state, ServiceDefinition service) => state switch
    {
        CaseState.Submitted => Roles.Window,
        CaseState.AwaitingSupplement => Roles.Applicant,
        CaseState.InProgress => service.Department.ReviewerRole(),
        CaseState.RejectionProposed => Roles.Supervisor,
        _ => "",
    };

    /// <summary>The workflow's structure for diagrams and guide pages (no case needed).</summary>
    public static WorkflowDescription Describe(ServiceDefinition service, Func<string, TimeLimit?> limits, ICaseFlow? flow = null, Func<string, bool>? wholeProcess = null)
    {
        var clock = new DeadlineClock(WorkingCalendar.ChinaDefault, TimeZoneInfo.Utc);
        var context = new CaseActionContext(CaseActor.System, DateTime.UnixEpoch, clock, limits, service) { Flow = flow, WholeProcess = wholeProcess ?? (_ => false) };
        return Create(Case.Blank(), context, () => CaseActionArgs.None).Describe();
    }
}
