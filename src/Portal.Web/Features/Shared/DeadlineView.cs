using Portal.Domain.Calendar;
using Portal.Domain.Cases;

namespace Portal.Web.Features.Shared;

/// <summary>How a step's deadline is shown: its colour and a sentence in Chinese.</summary>
public sealed record DeadlineView(DeadlineStatus Status, string Text)
{
    public static DeadlineView For(Case c, DateTime nowUtc, DeadlineClock clock)
    {
        if (c.State.IsFinal())
        {
            return new(DeadlineStatus.None, c.ClosedAt is { } closed ? $"已于{Format(clock.ToLocal(closed))}{c.State.Label()}" : c.State.Label());
        }

        if (c.PausedAt is { } paused)
        {
            return new(DeadlineStatus.None, $"等待补正，自{Format(clock.ToLocal(paused))}起暂停计时（剩余{Duration(c.PausedRemainingMinutes)}）");
        }

        if (c.StepDueAt is not { } due)
        {
            return new(DeadlineStatus.None, "本环节不计时");
        }

        var status = DeadlineStatuses.Of(nowUtc, c.StepWarnAt, due);
        var dueText = Format(clock.ToLocal(due));
        return status == DeadlineStatus.Overdue
            ? new(status, $"已超时（应于{dueText}前完成）")
            : new(status, $"{dueText}前（剩余{Duration(clock.OfficeMinutesBetween(nowUtc, due))}工作时间）");
    }

    /// <summary>A parallel track's deadline (no 75% mark is stored for tracks: yellow is left to the case).</summary>
    public static DeadlineView ForTrack(DateTime dueUtc, DateTime nowUtc, DeadlineClock clock) =>
        nowUtc > dueUtc
            ? new(DeadlineStatus.Overdue, $"已超时（应于{Format(clock.ToLocal(dueUtc))}前完成）")
            : new(DeadlineStatus.OnTrack, $"{Format(clock.ToLocal(dueUtc))}前");

    public static string Format(DateTime local) => local.ToString("yyyy年M月d日 HH:mm");

    /// <summary>Office minutes as text: "3小时20分钟", or whole working days when longer than a day.</summary>
    public static string Duration(int officeMinutes) => officeMinutes switch
    {
        < 1 => "不足1分钟",
        < 60 => $"{officeMinutes}分钟",
        < 480 => officeMinutes % 60 == 0 ? $"{officeMinutes / 60}小时" : $"{officeMinutes / 60}小时{officeMinutes % 60}分钟",
        _ => $"约{Math.Round(officeMinutes / 480.0, 1)}个工作日",
    };
}
