using System.Globalization;
using Portal.Workflow;

namespace Portal.Domain.Calendar;

/// <summary>
/// Turns a <see cref="TimeLimit"/> into a stored deadline. Instants are UTC at the edges; the calendar works
/// in the portal's local time (Asia/Shanghai by default).
/// </summary>
public sealed class DeadlineClock(WorkingCalendar calendar, TimeZoneInfo zone)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Asia/Shanghai from the system's zone data, or a fixed UTC+8 zone (China has no daylight saving) where that is missing.</summary>
    public static TimeZoneInfo ChinaStandardTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }

    public static TimeZoneInfo FindZone(string id)
    {
        if (id == "Asia/Shanghai")
        {
            return ChinaStandardTime();
        }

        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }

    /// <summary>How an instant is written for people: "2026年12月7日 17:00", always in the portal's local time.</summary>
    public const string InstantPattern = "yyyy年M月d日 HH:mm";

    /// <summary>
    /// The one formatter for an instant shown to a person (pages, history notes, refusals, messages): the stored UTC
    /// instant in the portal's local time. Stored instants are UTC; never format one without this.
    /// </summary>
    public string Format(DateTime utc) => FormatLocal(ToLocal(utc));

    /// <summary>The local calendar day of an instant, written for people: "2026年12月7日".</summary>
    public string FormatDate(DateTime utc) => ToLocal(utc).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>
    /// A local wall-clock time (from <see cref="ToLocal"/> or a date and time of day) written for people. A UTC value is
    /// refused: printing it would show a time 8 hours off, so it must go through <see cref="Format"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="local"/> is a UTC instant.</exception>
    public static string FormatLocal(DateTime local) =>
        local.Kind == DateTimeKind.Utc
            ? throw new ArgumentException("A UTC instant is shown with DeadlineClock.Format (in the portal's local time), never as it is.", nameof(local))
            : local.ToString(InstantPattern, CultureInfo.InvariantCulture);

    public DateTime ToLocal(DateTime utc) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone), DateTimeKind.Unspecified);

    /// <summary>The local calendar day of a UTC instant (today, for the current time).</summary>
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public StepDeadline Compute(DateTime startUtc, TimeLimit limit)
    {
        var start = ToLocal(startUtc);
        var due = DueLocal(start, limit);
        var minutes = (int)Math.Round(Calendar.OfficeTimeBetween(start, due).TotalMinutes);
        var warn = limit.Unit is TimeUnit.CalendarDays or TimeUnit.NaturalDays
            ? start + ((due - start) * 0.75)
            : Calendar.AddOfficeMinutes(start, (int)Math.Ceiling(minutes * 0.75));
        if (warn > due)
        {
            warn = due;
        }

        return new StepDeadline(ToUtc(due), ToUtc(warn), minutes);
    }

    /// <summary>The local due instant for a limit starting at a local instant (the calendar API's "due" answer).</summary>
    public DateTime DueLocal(DateTime startLocal, TimeLimit limit) => limit.Unit switch
    {
        TimeUnit.WorkingDays => Calendar.AddWorkingDays(startLocal, limit.Amount),
        TimeUnit.OfficeHours => Calendar.AddOfficeMinutes(startLocal, limit.Amount * 60),
        TimeUnit.OfficeMinutes => Calendar.AddOfficeMinutes(startLocal, limit.Amount),
        TimeUnit.CalendarDays => Calendar.AddCalendarDays(startLocal, limit.Amount),
        TimeUnit.HalfWorkingDays => Calendar.AddOfficeMinutes(startLocal, HalfDayMinutes(limit.Amount)),
        TimeUnit.NaturalDays => EndOfNaturalDay(startLocal, limit.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };

    /// <summary>
    /// 24:00 of the <paramref name="days"/>-th natural day after the start's day (the next midnight after it), never
    /// moved over weekends or holidays: "当日申请、次日接电" (004:123) applied on Monday is due by Tuesday 24:00, and applied on
    /// a Friday by Saturday 24:00. The promise is the utility's, which connects on any day; see
    /// docs/decisions/0019-promises-by-place.md.
    /// </summary>
    public static DateTime EndOfNaturalDay(DateTime startLocal, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return DateTime.SpecifyKind(DateOnly.FromDateTime(startLocal).AddDays(days + 1).ToDateTime(TimeOnly.MinValue), startLocal.Kind);
    }

    /// <summary>
    /// Office minutes of <paramref name="halves"/> half working days: 0.5个工作日 is half the configured office day
    /// (3 h 30 min with 09:00-12:00 and 13:00-17:00), not 4 hours.
    /// </summary>
    public int HalfDayMinutes(int halves) => (int)Math.Round(Calendar.OfficeHours.PerDay.TotalMinutes * halves / 2, MidpointRounding.AwayFromZero);

    /// <summary>This year and next year, where the holiday notice has not been entered (the portal warns about them).</summary>
    public IReadOnlyList<int> YearsMissingAround(DateTime nowUtc)
    {
        var year = ToLocal(nowUtc).Year;
        return new[] { year, year + 1 }.Where(y => !Calendar.HasDataFor(y)).ToList();
    }

    /// <summary>Whether a deadline counted from <paramref name="fromUtc"/> to <paramref name="toUtc"/> depends on a year without its notice.</summary>
    public bool IsProvisional(DateTime fromUtc, DateTime toUtc) => Calendar.IsProvisional(LocalDate(fromUtc), LocalDate(toUtc));

    /// <summary><see cref="WorkingCalendar.ProvisionalNote"/> when the deadline is provisional, otherwise empty.</summary>
    public string ProvisionalNote(DateTime fromUtc, DateTime toUtc) => IsProvisional(fromUtc, toUtc) ? WorkingCalendar.ProvisionalNote : "";

    /// <summary>The configured office day (the sum of the office periods, 7 hours by default) in minutes.</summary>
    public int OfficeDayMinutes => (int)Calendar.OfficeHours.PerDay.TotalMinutes;

    public DateTime AddOfficeMinutes(DateTime startUtc, int minutes) =>
        ToUtc(Calendar.AddOfficeMinutes(ToLocal(startUtc), minutes));

    public int OfficeMinutesBetween(DateTime fromUtc, DateTime toUtc) =>
        (int)Math.Round(Calendar.OfficeTimeBetween(ToLocal(fromUtc), ToLocal(toUtc)).TotalMinutes);
}
