using Portal.Domain.Calendar;
using Portal.Workflow;

namespace Portal.Domain.Cases;

/// <summary>
/// A stored deadline counted again when the holiday calendar changes (issue 15): the current step's deadline is
/// replayed from its history — its start (or the instant its limit counts from), its stored limit, and each 补正 pause —
/// with the calendar as it is now, exactly as <see cref="StartStep"/>, <see cref="Pause"/> and <see cref="Resume"/>
/// computed it when those things happened. Nothing else about the case changes.
/// </summary>
public partial class Case
{
    /// <summary>The history action of a deadline recomputed after the holiday calendar changed (a note inside the step).</summary>
    public const string DeadlineChangedAction = "DeadlineChanged";

    /// <summary>The reason written in the history when an administrator's holiday change moves a deadline.</summary>
    public const string CalendarChangeReason = "节假日安排变更";

    /// <summary>The 补正 pauses of the case, oldest first: when the clock stopped and when it resumed (null while it still waits).</summary>
    public IReadOnlyList<(DateTime From, DateTime? To)> SupplementPauses()
    {
        var pauses = new List<(DateTime From, DateTime? To)>();
        foreach (var e in History.Where(e => !IsNote(e)).OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            if (e.ToState == CaseState.AwaitingSupplement && e.FromState != CaseState.AwaitingSupplement)
            {
                pauses.Add((e.At, null));
            }
            else if (e.FromState == CaseState.AwaitingSupplement && pauses.Count > 0 && pauses[^1].To is null)
            {
                pauses[^1] = (pauses[^1].From, e.At);
            }
        }

        return pauses;
    }

    /// <summary>Office minutes between two instants less the time the clock was paused for 补正 (a sub-item's 用时).</summary>
    public int OfficeMinutesWorked(DateTime fromUtc, DateTime toUtc, DeadlineClock clock, DateTime nowUtc)
    {
        var total = clock.OfficeMinutesBetween(fromUtc, toUtc);
        foreach (var (pausedAt, resumedAt) in SupplementPauses())
        {
            var start = pausedAt > fromUtc ? pausedAt : fromUtc;
            var end = (resumedAt ?? nowUtc) < toUtc ? resumedAt ?? nowUtc : toUtc;
            if (end > start)
            {
                total -= clock.OfficeMinutesBetween(start, end);
            }
        }

        return Math.Max(0, total);
    }

    /// <summary>
    /// What the current step's stored deadline is under <paramref name="context"/>'s calendar: due, warning and limit
    /// (or, while paused for 补正, the office time left). Null when the step has no stored limit to count again.
    /// </summary>
    public StepReplay? ReplayDeadline(CaseActionContext context)
    {
        var step = PausedState ?? State;
        if (State.IsFinal() || !LimitText.TryParse(StepLimitText, out var limit))
        {
            return null;
        }

        return ReplayStep(step, limit, context, resumedNowUtc: null);
    }

    /// <summary>
    /// Replays one step's deadline from the history: its start (the last entry into it that was not a resumption),
    /// its limit, then each interruption after the start — a 补正 pause keeps the office time that was left (never
    /// less than none); a rejection proposal (拟不予受理) that the supervisor dismissed keeps it too, and a step that
    /// was already late when the proposal was made keeps its deadline. <paramref name="resumedNowUtc"/> is the instant
    /// of a dismissal being recorded now (its history row is not written yet). Null when the step's start is not in
    /// the loaded history.
    /// </summary>
    private StepReplay? ReplayStep(CaseState step, TimeLimit limit, CaseActionContext context, DateTime? resumedNowUtc)
    {
        var events = History.Where(e => !IsNote(e)).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var startIndex = events.FindLastIndex(e => e.ToState == step && !IsResumption(e));
        if (startIndex < 0)
        {
            return null;
        }

        // 全流程: 办理 carries on the clock 受理 started at submission, with every 补正 pause since.
        if (events[startIndex].FromState is { } from && CarriesClock(from, step, context))
        {
            var clockStart = events.FindLastIndex(startIndex, e => e.ToState == from && e.FromState != CaseState.AwaitingSupplement);
            startIndex = clockStart >= 0 ? clockStart : startIndex;
        }

        var clock = context.Clock;
        var deadline = clock.Compute(context.Flow?.AnchorOf(step) ?? events[startIndex].At, limit);
        var due = deadline.DueUtc;
        var warn = deadline.WarnUtc;
        var quarter = (int)Math.Ceiling(deadline.LimitMinutes * 0.25);
        for (var i = startIndex + 1; i < events.Count; i++)
        {
            var interruption = events[i].ToState;
            if (interruption is not (CaseState.AwaitingSupplement or CaseState.RejectionProposed))
            {
                continue;
            }

            var stoppedAt = events[i].At;
            var next = i + 1 < events.Count ? events[i + 1] : null;
            DateTime? resumedAt = next is not null && next.FromState == interruption ? next.At
                : next is null && interruption == CaseState.RejectionProposed ? resumedNowUtc
                : null;
            if (interruption == CaseState.AwaitingSupplement)
            {
                var remaining = Math.Max(0, clock.OfficeMinutesBetween(stoppedAt, due));
                if (resumedAt is not { } resumed)
                {
                    return new StepReplay(null, null, deadline.LimitMinutes, remaining);
                }

                due = clock.AddOfficeMinutes(resumed, remaining);
                warn = clock.AddOfficeMinutes(resumed, Math.Max(0, remaining - quarter));
            }
            else if (resumedAt is { } resumed && due > stoppedAt)
            {
                var remaining = clock.OfficeMinutesBetween(stoppedAt, due);
                due = clock.AddOfficeMinutes(resumed, remaining);
                warn = clock.AddOfficeMinutes(resumed, Math.Max(0, remaining - quarter));
            }
        }

        // The overdue mark a late step had before it was interrupted (the sweep's note), if any.
        var startedAt = events[startIndex].At;
        var overdueSince = due < (resumedNowUtc ?? context.NowUtc)
            ? History.Where(e => e.Action == OverdueAction && e.FromState == step && e.At >= startedAt).OrderBy(e => e.At).Select(e => (DateTime?)e.At).FirstOrDefault()
            : null;
        return new StepReplay(due, warn, deadline.LimitMinutes, 0) { OverdueSince = overdueSince };
    }

    /// <summary>A history row that continues a step rather than starting it: back from 补正, or a dismissed rejection proposal.</summary>
    private static bool IsResumption(CaseEvent e) =>
        e.FromState == CaseState.AwaitingSupplement
        || (e.FromState == CaseState.RejectionProposed && e.Action == nameof(CaseTrigger.DismissRejection));

    /// <summary>
    /// Counts the current step's deadline again with <paramref name="context"/>'s calendar and, when it moved, stores the
    /// new deadline (and warning instant, and the deadline of the open sub-items that shared it), clears an overdue mark
    /// the new deadline no longer justifies, and records the old and the new deadline with <paramref name="why"/> in the
    /// history. Returns the old deadline when something changed, otherwise null — so running it again changes nothing.
    /// </summary>
    public DeadlineChange? Reschedule(CaseActionContext context, string why)
    {
        if (ReplayDeadline(context) is not { } replay)
        {
            return null;
        }

        var clock = context.Clock;
        var now = context.NowUtc;
        if (PausedAt is not null)
        {
            if (replay.PausedRemainingMinutes == PausedRemainingMinutes)
            {
                return null;
            }

            var before = PausedRemainingMinutes;
            PausedRemainingMinutes = replay.PausedRemainingMinutes;
            StepLimitMinutes = replay.LimitMinutes;
            History.Add(new CaseEvent(this, DeadlineChangedAction, "承诺时限调整", State, State, context.Actor, now,
                $"补正后剩余办理时间由{Minutes(before)}调整为{Minutes(PausedRemainingMinutes)}。原因：{why}"));
            return new DeadlineChange(null, null);
        }

        if (StepDueAt is not { } oldDue || replay.DueUtc is not { } newDue || Same(oldDue, newDue))
        {
            return null;
        }

        StepDueAt = newDue;
        StepWarnAt = replay.WarnUtc;
        StepLimitMinutes = replay.LimitMinutes;
        var lifted = IsOverdue && newDue >= now;
        if (lifted)
        {
            IsOverdue = false;
            OverdueSince = null;
        }

        foreach (var item in SubItems.Where(i => i.DueAt is { } d && Same(d, oldDue)))
        {
            item.FollowCaseDeadline(newDue);
        }

        var start = StepStartedAt ?? now;
        History.Add(new CaseEvent(this, DeadlineChangedAction, "承诺时限调整", State, State, context.Actor, now,
            $"“{State.Label()}”环节应于{clock.Format(oldDue)}前完成，调整为{clock.Format(newDue)}前完成"
            + clock.ProvisionalNote(start, newDue)
            + (lifted ? "，不再超时" : "") + $"。原因：{why}"));
        return new DeadlineChange(oldDue, newDue);
    }

    /// <summary>Stored instants come back from the database at microsecond (PostgreSQL) or tick precision.</summary>
    private static bool Same(DateTime a, DateTime b) => Math.Abs((a - b).Ticks) < TimeSpan.TicksPerMillisecond;

    private static string Minutes(int minutes) => minutes % 60 == 0 ? $"{minutes / 60}小时" : $"{minutes / 60}小时{minutes % 60}分钟";
}
