using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Workflow;

namespace Portal.Web.Features.Shared;

/// <summary>
/// How a step's deadline is shown: its colour and a sentence in Chinese, in the portal's local time. A deadline counted
/// over a year whose State Council notice is not entered carries <see cref="WorkingCalendar.ProvisionalNote"/>; time left
/// is shown in office time divided by the configured office day, or in natural days for a 自然日 period.
/// </summary>
public sealed record DeadlineView(DeadlineStatus Status, string Text)
{
    public static DeadlineView For(Case c, DateTime nowUtc, DeadlineClock clock)
    {
        if (c.State.IsFinal())
        {
            return new(DeadlineStatus.None, c.ClosedAt is { } closed ? $"已于{clock.Format(closed)}{c.State.EndedPhrase()}" : c.State.Label());
        }

        if (c.PausedAt is { } paused)
        {
            return new(DeadlineStatus.None, $"等待补正，自{Format(clock.ToLocal(paused))}起暂停计时（剩余{Duration(c.PausedRemainingMinutes, clock)}）");
        }

        if (c.StepDueAt is not { } due)
        {
            return new(DeadlineStatus.None, "本环节不计时");
        }

        var status = DeadlineStatuses.Of(nowUtc, c.StepWarnAt, due);
        var note = LimitText.IsCalendarFree(c.StepLimitText) ? "" : clock.ProvisionalNote(c.StepStartedAt ?? nowUtc, due);
        return status == DeadlineStatus.Overdue
            ? new(status, $"已超时（应于{FormatDue(clock.ToLocal(due))}前完成）{note}")
            : new(status, $"{FormatDue(clock.ToLocal(due))}前（{Remaining(nowUtc, due, c.StepLimitText, clock)}）{note}");
    }

    /// <summary>A parallel track's deadline (no 75% mark is stored for tracks: yellow is left to the case).</summary>
    public static DeadlineView ForTrack(DateTime dueUtc, DateTime nowUtc, DeadlineClock clock, DateTime? startedUtc = null) =>
        nowUtc > dueUtc
            ? new(DeadlineStatus.Overdue, $"已超时（应于{Due(dueUtc, startedUtc ?? nowUtc, clock)}前完成）")
            : new(DeadlineStatus.OnTrack, $"{Due(dueUtc, startedUtc ?? nowUtc, clock)}前");

    /// <summary>A deadline as shown: local time, and the provisional note when it was counted over a year without the notice.</summary>
    public static string Due(DateTime dueUtc, DateTime countedFromUtc, DeadlineClock clock) =>
        FormatDue(clock.ToLocal(dueUtc)) + clock.ProvisionalNote(countedFromUtc, dueUtc);

    /// <summary>A local date computed from now (the guides' "如今天受理…"), with the provisional note when it needs one.</summary>
    public static string DueLocal(DateTime nowLocal, DateTime dueLocal, DeadlineClock clock) =>
        FormatDue(dueLocal) + (clock.Calendar.IsProvisional(DateOnly.FromDateTime(nowLocal), DateOnly.FromDateTime(dueLocal)) ? WorkingCalendar.ProvisionalNote : "");

    /// <summary>A guide's "如现在开始…" date for a limit: natural-day limits (次日) never depend on the holiday calendar.</summary>
    public static string DueLocal(DateTime nowLocal, TimeLimit limit, DeadlineClock clock) =>
        limit.Unit == TimeUnit.NaturalDays ? FormatDue(clock.DueLocal(nowLocal, limit)) : DueLocal(nowLocal, clock.DueLocal(nowLocal, limit), clock);

    /// <summary>A local wall-clock time written for people; a UTC instant is refused (<see cref="DeadlineClock.FormatLocal"/>).</summary>
    public static string Format(DateTime local) => DeadlineClock.FormatLocal(local);

    /// <summary>A deadline: midnight is the end of the day before (a 次日 promise is due "12月8日 24:00", not "12月9日 00:00").</summary>
    public static string FormatDue(DateTime local) =>
        local.TimeOfDay == TimeSpan.Zero ? local.AddDays(-1).ToString("yyyy年M月d日 24:00") : Format(local);

    /// <summary>
    /// Time left until a deadline: "剩余12日" for a natural-day period (自然日, e.g. the 45-day creditor period), otherwise
    /// office time — "剩余工作时间3小时20分钟", or "剩余约17.8个工作日" once it is a configured office day or more.
    /// </summary>
    public static string Remaining(DateTime nowUtc, DateTime dueUtc, string? limitText, DeadlineClock clock)
    {
        if (LimitText.IsNaturalDays(limitText))
        {
            // A deadline at 24:00 belongs to the day that ends then.
            var days = clock.LocalDate(dueUtc.AddTicks(-1)).DayNumber - clock.LocalDate(nowUtc).DayNumber;
            return days > 0 ? $"剩余{days}日" : "今日届满";
        }

        var minutes = clock.OfficeMinutesBetween(nowUtc, dueUtc);
        return minutes < clock.OfficeDayMinutes ? $"剩余工作时间{Duration(minutes, clock)}" : $"剩余{Duration(minutes, clock)}";
    }

    /// <summary>
    /// Office minutes as text: "3小时20分钟", or working days when a configured office day or longer — the office time
    /// divided by the office day (7 hours with 09:00-12:00 and 13:00-17:00), e.g. "约17.8个工作日".
    /// </summary>
    public static string Duration(int officeMinutes, DeadlineClock clock) => Duration(officeMinutes, clock.OfficeDayMinutes);

    public static string Duration(int officeMinutes, int officeDayMinutes) => officeMinutes switch
    {
        < 1 => "不足1分钟",
        < 60 when officeMinutes < officeDayMinutes => $"{officeMinutes}分钟",
        _ when officeMinutes < officeDayMinutes => officeMinutes % 60 == 0 ? $"{officeMinutes / 60}小时" : $"{officeMinutes / 60}小时{officeMinutes % 60}分钟",
        _ => $"约{Math.Round(officeMinutes / (double)officeDayMinutes, 1):0.#}个工作日",
    };
}
