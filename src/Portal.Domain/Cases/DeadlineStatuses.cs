namespace Portal.Domain.Cases;

public static class DeadlineStatuses
{
    /// <summary>Yellow once 75% of the limit is used (the stored warn instant), red once the deadline passed.</summary>
    public static DeadlineStatus Of(DateTime nowUtc, DateTime? warnUtc, DateTime? dueUtc) =>
        dueUtc is null ? DeadlineStatus.None
        : nowUtc > dueUtc ? DeadlineStatus.Overdue
        : warnUtc is not null && nowUtc >= warnUtc ? DeadlineStatus.Warning
        : DeadlineStatus.OnTrack;

    public static string Label(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.OnTrack => "正常",
        DeadlineStatus.Warning => "即将到期",
        DeadlineStatus.Overdue => "已超时",
        _ => "不计时",
    };
}
