using Portal.Domain.Calendar;
using Portal.Workflow;

namespace Portal.Domain.Cases;

/// <summary>
/// A case (办件): the generic record every service uses. Its state only changes through <see cref="Fire"/>,
/// which runs the <see cref="CaseWorkflow"/>, computes the new step's deadline from the working-day calendar
/// and appends a history row — all to be saved in one transaction.
/// </summary>
public partial class Case
{
    private Case()
    {
    }

    /// <summary>The history action of the deadline sweep's mark (not a workflow trigger).</summary>
    public const string OverdueAction = "Overdue";

    public long Id { get; private set; }

    /// <summary>Human-readable unique number, e.g. QYKB-20261122-0007.</summary>
    public string Number { get; private set; } = "";

    public string ServiceCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>What the case is about, when that is a registered thing (e.g. an enterprise's credit code).</summary>
    public string? SubjectCode { get; private set; }

    public string ApplicantId { get; private set; } = "";

    public string ApplicantName { get; private set; } = "";

    /// <summary>Who filed it: the applicant, or staff on their behalf (帮办代办).</summary>
    public string FiledById { get; private set; } = "";

    public string FiledByName { get; private set; } = "";

    public bool FiledOnBehalf => FiledById != ApplicantId;

    public Channel Channel { get; private set; }

    public CaseState State { get; internal set; }

    /// <summary>The role holding the current step (the workbench filters on it).</summary>
    public string HolderRole { get; private set; } = "";

    /// <summary>首问负责制: the first staff member who handled the case owns it until a hand-over is recorded.</summary>
    public string? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public DateTime? StepStartedAt { get; private set; }

    /// <summary>The current step's deadline, computed from the calendar when the step started, and stored.</summary>
    public DateTime? StepDueAt { get; private set; }

    /// <summary>When 75% of the step's limit is used (the workbench turns yellow).</summary>
    public DateTime? StepWarnAt { get; private set; }

    /// <summary>The step's limit in office minutes, kept to resume a paused clock.</summary>
    public int StepLimitMinutes { get; private set; }

    public string? StepLimitText { get; private set; }

    public bool IsOverdue { get; private set; }

    public DateTime? OverdueSince { get; private set; }

    /// <summary>Set while the clock is paused waiting for a supplement (补正).</summary>
    public DateTime? PausedAt { get; private set; }

    public int PausedRemainingMinutes { get; private set; }

    public CaseState? PausedState { get; private set; }

    public int SupplementCount { get; private set; }

    public string? SupplementItems { get; private set; }

    /// <summary>容缺受理: the missing non-key item and the date the applicant committed to supply it.</summary>
    public string? ToleranceItem { get; private set; }

    public DateTime? ToleranceDueAt { get; private set; }

    /// <summary>When the 容缺 item was supplied (null while the commitment is open).</summary>
    public DateTime? ToleranceSuppliedAt { get; private set; }

    /// <summary>
    /// The start of the step whose 75% warning went to staff: the current step was warned when this equals
    /// <see cref="StepStartedAt"/>. Written by the sweep with one conditional UPDATE (no version change, so it never
    /// gets in the way of staff acting on the case); a new step makes it stale by itself.
    /// </summary>
    public DateTime? WarnedStepAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Optimistic concurrency token: two staff acting on one case get a conflict, never a silent overwrite.</summary>
    public long Version { get; private set; }

    public List<CaseEvent> History { get; private set; } = [];

    /// <summary>The case's parallel tracks (并联子事项), if its service has any.</summary>
    public List<SubItem> SubItems { get; private set; } = [];

    /// <summary>Adds a parallel track (before submission, or later for 单独办理).</summary>
    public void AddSubItem(SubItem item)
    {
        item.Case = this;
        SubItems.Add(item);
    }

    /// <summary>Records something that happened inside the current step (a sub-item's transition) in the history.</summary>
    internal void Note(string action, string label, CaseActor actor, DateTime atUtc, string? reason) =>
        History.Add(new CaseEvent(this, action, label, State, State, actor, atUtc, reason));

    /// <summary>The history action of a note a service records inside a step (an objection filed, a department confirmed).</summary>
    public const string NoteAction = "Note";

    /// <summary>Records something that happened inside the current step without changing it; the case's version moves.</summary>
    public void Record(string label, CaseActor actor, DateTime atUtc, string? reason)
    {
        Note(NoteAction, label, actor, atUtc, reason);
        BumpVersion();
    }

    /// <summary>Whether a history row is a note inside a step (overdue mark, sub-item move) rather than a step of its own.</summary>
    public static bool IsNote(CaseEvent e) =>
        e.Action is OverdueAction or NoteAction or DeadlineChangedAction || e.Action.StartsWith("SubItem.", StringComparison.Ordinal);

    /// <summary>An unsaved case in its initial state, used to describe the workflow.</summary>
    internal static Case Blank() => new();

    public static Case Submit(
        string number,
        string title,
        (string Id, string Name) applicant,
        Channel channel,
        CaseActionContext context,
        string? subjectCode = null)
    {
        var @case = new Case
        {
            Number = number,
            SubjectCode = subjectCode,
            ServiceCode = context.Service.Code,
            Title = title,
            ApplicantId = applicant.Id,
            ApplicantName = applicant.Name,
            FiledById = context.Actor.UserId,
            FiledByName = context.Actor.Name,
            Channel = context.Actor.UserId != applicant.Id && context.Actor.IsStaff && channel == Channel.Online ? Channel.Assisted : channel,
            State = CaseState.Submitted,
            CreatedAt = context.NowUtc,
        };
        var machine = CaseWorkflow.Create(@case, context, () => CaseActionArgs.None);
        @case.StartStep(CaseState.Submitted, machine.GetTimeLimit(CaseState.Submitted), context);
        var label = @case.FiledOnBehalf ? $"提交申请（{context.Actor.Name}代为提交）" : "提交申请";
        @case.History.Add(new CaseEvent(@case, "Submit", label, null, CaseState.Submitted, context.Actor, context.NowUtc, null));
        return @case;
    }

    /// <summary>
    /// Fires one workflow trigger. Throws <see cref="InvalidTransitionException"/> (with the Chinese guard
    /// descriptions) when the action is not allowed now.
    /// </summary>
    public void Fire(CaseTrigger trigger, CaseActionContext context, CaseActionArgs? args = null)
    {
        args ??= CaseActionArgs.None;
        var machine = CaseWorkflow.Create(this, context, () => args);
        machine.Transitioned += t => OnTransitioned(t, context, args);
        machine.Fire(trigger);
    }

    /// <summary>The actions the given actor may take now, in the workflow table's order.</summary>
    public Task<IReadOnlyList<CaseTrigger>> PermittedActionsAsync(CaseActionContext context, CaseActionArgs? args = null) =>
        CaseWorkflow.Create(this, context, () => args ?? CaseActionArgs.None).PermittedTriggersAsync();

    /// <summary>Marks the current step overdue (the deadline sweep). Returns false when there is nothing to mark.</summary>
    public bool MarkOverdue(DateTime nowUtc)
    {
        if (IsOverdue || State.IsFinal() || StepDueAt is null || StepDueAt >= nowUtc)
        {
            return false;
        }

        IsOverdue = true;
        OverdueSince = nowUtc;
        History.Add(new CaseEvent(this, OverdueAction, "超过承诺时限", State, State, CaseActor.System, nowUtc, null));
        return true;
    }

    /// <summary>Whether the current step passed 75% of its limit and its staff have not been warned yet.</summary>
    public bool WarningDue(DateTime nowUtc) =>
        WarnedStepAt != StepStartedAt && !IsOverdue && !State.IsFinal() && StepWarnAt is { } warn && warn <= nowUtc && StepDueAt is { } due && due >= nowUtc;

    /// <summary>容缺受理: the committed item has been supplied; recorded in the history.</summary>
    public void SupplyToleranceItem(CaseActor actor, DateTime nowUtc, string? note)
    {
        if (ToleranceItem is null)
        {
            throw new InvalidOperationException("该办件没有容缺受理的承诺事项。");
        }

        if (ToleranceSuppliedAt is not null)
        {
            throw new InvalidOperationException("容缺材料已补齐，无需重复登记。");
        }

        ToleranceSuppliedAt = nowUtc;
        Record(Shorten($"容缺材料已补齐：{ToleranceItem}", 100), actor, nowUtc, note);
    }

    /// <summary>首问负责: hands the case's ownership to another staff member, with a reason, in the history.</summary>
    public void HandOver(string toId, string toName, CaseActor actor, DateTime nowUtc, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException("请填写移交原因。");
        }

        if (toId == OwnerId)
        {
            throw new InvalidOperationException($"{toName} 已是本办件的首问负责人。");
        }

        var from = OwnerName ?? "（无）";
        OwnerId = toId;
        OwnerName = toName;
        Record(Shorten($"首问负责移交：{from} → {toName}", 100), actor, nowUtc, reason);
    }

    /// <summary>首问负责: the first staff member who serves the case owns it (a window clerk opening it for a visitor).</summary>
    public bool ClaimOwnership(CaseActor actor)
    {
        if (OwnerId is not null || !actor.IsStaff || actor.IsSystem)
        {
            return false;
        }

        OwnerId = actor.UserId;
        OwnerName = actor.Name;
        return true;
    }

    /// <summary>A history label fits its column (100 characters); the full text stays on the case.</summary>
    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Called by the persistence layer before each save of a changed case.</summary>
    public void BumpVersion() => Version++;

    private void OnTransitioned(WorkflowTransition<CaseState, CaseTrigger> t, CaseActionContext context, CaseActionArgs args)
    {
        var now = context.NowUtc;
        switch (t.Trigger)
        {
            case CaseTrigger.RequestSupplement:
                SupplementCount++;
                SupplementItems = args.Reason;
                break;
            case CaseTrigger.AcceptWithMissing:
                ToleranceItem = args.Reason;
                ToleranceDueAt = args.CommitmentDueUtc;
                break;
            case CaseTrigger.ProposeRejection:
                RejectionReason = args.Reason;
                break;
        }

        if (AcceptedAt is null && t.Trigger is CaseTrigger.Accept or CaseTrigger.AutoAccept or CaseTrigger.AcceptWithMissing)
        {
            AcceptedAt = now;
        }

        if (t.Destination.IsFinal())
        {
            ClosedAt = now;
        }

        ClaimOwnership(context.Actor);

        var label = context.Flow?.LabelOf(t.Trigger) ?? t.Trigger.Label();
        if (t.Destination == CaseState.AwaitingSupplement)
        {
            Pause(t.Source, context);
        }
        else if (t.Source == CaseState.AwaitingSupplement && PausedState == t.Destination)
        {
            Resume(t.Destination, context);
        }
        else if (t.Trigger == CaseTrigger.DismissRejection)
        {
            ResumeAfterRejection(t.Destination, t.DestinationTimeLimit, context);
        }
        else if (CarriesClock(t.Source, t.Destination, context))
        {
            ContinueStep(t.Destination, context);
        }
        else
        {
            StartStep(t.Destination, t.DestinationTimeLimit, context);
        }

        History.Add(new CaseEvent(this, t.Trigger.ToString(), label, t.Source, t.Destination, context.Actor, now, HistoryReason(t.Trigger, args, context)));
    }

    /// <summary>
    /// What the history (the applicant's timeline) says about an action: its reason, and for 容缺受理 also the date the
    /// applicant committed to, in the portal's local time.
    /// </summary>
    private static string? HistoryReason(CaseTrigger trigger, CaseActionArgs args, CaseActionContext context) =>
        trigger == CaseTrigger.AcceptWithMissing && args.CommitmentDueUtc is { } due
            ? $"{args.Reason}（申请人承诺于{context.Clock.Format(due)}前补齐）"
            : args.Reason;

    /// <summary>
    /// 驳回不予受理建议: the step the proposal interrupted (待受理 or 办理中) resumes where its clock stood — the office
    /// time it had left when the proposal was made, counted from now; a step that was already late stays late, with its
    /// deadline and its overdue mark. The supervisor's review time is not charged to the window (it is a step of its own).
    /// </summary>
    private void ResumeAfterRejection(CaseState state, TimeLimit? limit, CaseActionContext context)
    {
        StartStep(state, limit, context);
        if (limit is null || state.IsFinal() || !LimitText.TryParse(limit.ToString(), out var parsed))
        {
            return;
        }

        var replay = ReplayStep(state, parsed, context, resumedNowUtc: context.NowUtc)
            ?? throw new InvalidOperationException($"办件 {Number} 的历史记录未加载，无法恢复被中断环节的时限。");
        StepDueAt = replay.DueUtc;
        StepWarnAt = replay.WarnUtc;
        StepLimitMinutes = replay.LimitMinutes;
        if (StepDueAt is { } due && due < context.NowUtc && replay.OverdueSince is { } since)
        {
            IsOverdue = true;
            OverdueSince = since;
        }
    }

    private void StartStep(CaseState state, TimeLimit? limit, CaseActionContext context)
    {
        HolderRole = CaseWorkflow.HolderOf(state, context);
        StepStartedAt = context.NowUtc;
        IsOverdue = false;
        OverdueSince = null;
        PausedAt = null;
        PausedState = null;
        PausedRemainingMinutes = 0;
        if (limit is { } l && !state.IsFinal())
        {
            // Most limits count from the step's start; some from an earlier instant (清算组成立之日, 公示期届满).
            var from = context.Flow?.AnchorOf(state) ?? context.NowUtc;
            var deadline = context.Clock.Compute(from, l);
            StepDueAt = deadline.DueUtc;
            StepWarnAt = deadline.WarnUtc;
            StepLimitMinutes = deadline.LimitMinutes;
            StepLimitText = l.ToString();
        }
        else
        {
            StepDueAt = null;
            StepWarnAt = null;
            StepLimitMinutes = 0;
            StepLimitText = null;
        }
    }

    /// <summary>
    /// 全流程: 受理 leads into 办理 on the clock that started at submission (the whole-process limit), so 办理 keeps the
    /// deadline, warning and limit it had while waiting for 受理 — an overdue case stays overdue.
    /// </summary>
    internal static bool CarriesClock(CaseState from, CaseState to, CaseActionContext context) =>
        context.ProcessIsWhole && from == CaseState.Submitted && to == CaseState.InProgress;

    private void ContinueStep(CaseState state, CaseActionContext context)
    {
        HolderRole = CaseWorkflow.HolderOf(state, context);
        StepStartedAt = context.NowUtc;
        PausedAt = null;
        PausedState = null;
        PausedRemainingMinutes = 0;
    }

    /// <summary>补正 pauses the clock: the office time left is kept and the deadline is cleared.</summary>
    private void Pause(CaseState from, CaseActionContext context)
    {
        PausedState = from;
        PausedRemainingMinutes = StepDueAt is { } due ? Math.Max(0, context.Clock.OfficeMinutesBetween(context.NowUtc, due)) : 0;
        PausedAt = context.NowUtc;
        HolderRole = CaseWorkflow.HolderOf(CaseState.AwaitingSupplement, context);
        StepStartedAt = context.NowUtc;
        StepDueAt = null;
        StepWarnAt = null;
        IsOverdue = false;
        OverdueSince = null;
    }

    private void Resume(CaseState state, CaseActionContext context)
    {
        var remaining = PausedRemainingMinutes;
        HolderRole = CaseWorkflow.HolderOf(state, context);
        StepStartedAt = context.NowUtc;
        if (StepLimitMinutes > 0)
        {
            StepDueAt = context.Clock.AddOfficeMinutes(context.NowUtc, remaining);
            var warnAfter = Math.Max(0, remaining - (int)Math.Ceiling(StepLimitMinutes * 0.25));
            StepWarnAt = context.Clock.AddOfficeMinutes(context.NowUtc, warnAfter);
        }

        PausedAt = null;
        PausedState = null;
        PausedRemainingMinutes = 0;
        IsOverdue = false;
        OverdueSince = null;
    }
}
