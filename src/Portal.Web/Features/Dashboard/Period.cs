using Portal.Domain.Calendar;
using Portal.Web.Common;

namespace Portal.Web.Features.Dashboard;

/// <summary>The statistics period: whole local days, from <see cref="From"/> 00:00 up to (not including) the day after <see cref="To"/> 00:00.</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    /// <summary>The longest period one request may ask for (keeps the queries bounded).</summary>
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first instant of the period: From 00:00 local, as UTC.</summary>
    public DateTime StartUtc(DeadlineClock clock) => clock.ToUtc(From.ToDateTime(TimeOnly.MinValue));

    /// <summary>The first instant after the period: To + 1 day 00:00 local, as UTC (excluded).</summary>
    public DateTime EndUtc(DeadlineClock clock) => clock.ToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public bool Contains(DateTime utc, DeadlineClock clock) => utc >= StartUtc(clock) && utc < EndUtc(clock);

    public string Text => $"{From:yyyy年M月d日}至{To:yyyy年M月d日}";

    /// <summary>
    /// The period asked for: <paramref name="to"/> defaults to today, <paramref name="from"/> to the first day of
    /// that month (so nothing given means this month up to today). Refused in Chinese when it runs backwards, is
    /// longer than <see cref="MaxDays"/> or leaves 2000-2099. Checked here, where today is known.
    /// </summary>
    public static Period Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start.Year is < 2000 or > 2099 || end.Year is < 2000 or > 2099)
        {
            throw new ValidationFailedException("", "统计日期须在2000年至2099年之间。");
        }

        if (start > end)
        {
            throw new ValidationFailedException("", "开始日期不能晚于结束日期。");
        }

        var period = new Period(start, end);
        if (period.Days > MaxDays)
        {
            throw new ValidationFailedException("", $"统计期间最长{MaxDays}天，请缩短期间。");
        }

        return period;
    }
}
