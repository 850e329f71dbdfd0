using System.Collections.ObjectModel;

namespace Portal.Domain.Calendar;

/// <summary>
/// Working days, office hours and legal time limits of the portal. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Every <see cref="DateTime"/> is a LOCAL wall-clock time of the portal (Kind Unspecified or Local).
/// This class never converts time zones; a <see cref="DateTimeKind.Utc"/> value is rejected with an
/// <see cref="ArgumentException"/> because it would silently be read as local time. Results keep the
/// Kind of the start value.
/// </para>
/// <para>
/// Years whose holiday arrangement (the State Council's notice) is not loaded fall back to the statutory holidays of
/// 《全国年节及纪念日放假办法》 with its 补假 rule (<see cref="StatutoryHolidays"/>), without make-up working days, which
/// only the notice sets. Days entered for such a year still win over the fallback. Every result that depends on such a
/// year is provisional: the host marks it with <see cref="ProvisionalNote"/> (<see cref="IsProvisional"/>).
/// </para>
/// </remarks>
public sealed class WorkingCalendar
{
    private static readonly Lazy<WorkingCalendar> LazyChinaDefault =
        new(() => new WorkingCalendar(ChinaHolidays.All, [2025, 2026]));

    private readonly Dictionary<DateOnly, DayOverride> _overrides;
    private readonly HashSet<int> _years;

    /// <summary>The office periods as an array: walking it allocates nothing (deadlines are computed on every step).</summary>
    private readonly OfficePeriod[] _periods;

    /// <summary>Creates a calendar.</summary>
    /// <param name="overrides">Holidays and make-up working days. Each date at most once.</param>
    /// <param name="yearsWithData">Years whose arrangement is complete in <paramref name="overrides"/>.</param>
    /// <param name="officeHours">Office hours of a working day; <see cref="OfficeHours.Default"/> when null.</param>
    /// <exception cref="ArgumentException">
    /// An override is neither Holiday nor MakeupWorkday, a make-up working day is not a Saturday or Sunday,
    /// or a date is listed twice.
    /// </exception>
    public WorkingCalendar(IEnumerable<DayOverride> overrides, IEnumerable<int> yearsWithData, OfficeHours? officeHours = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(yearsWithData);

        _overrides = [];
        foreach (var day in overrides)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(overrides));
            if (day.Kind is not (DayKind.Holiday or DayKind.MakeupWorkday))
            {
                throw new ArgumentException(
                    $"{day.Date:yyyy-MM-dd} 的调整类型只能是节假日（Holiday）或调休上班（MakeupWorkday）。", nameof(overrides));
            }

            if (day.Kind == DayKind.MakeupWorkday && !IsWeekend(day.Date))
            {
                throw new ArgumentException($"调休上班日 {day.Date:yyyy-MM-dd} 应为星期六或星期日。", nameof(overrides));
            }

            if (!_overrides.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"日期 {day.Date:yyyy-MM-dd} 重复出现在节假日安排中。", nameof(overrides));
            }
        }

        _years = [.. yearsWithData];
        YearsWithData = new ReadOnlyCollection<int>([.. _years.Order()]);
        OfficeHours = officeHours ?? OfficeHours.Default;
        _periods = [.. OfficeHours.Periods];
    }

    /// <summary>How a date computed with the statutory fallback is marked wherever it is shown.</summary>
    public const string ProvisionalNote = "（按法定节假日暂算，以国务院节假日安排为准）";

    /// <summary>The mainland calendar built from <see cref="ChinaHolidays.All"/> (years 2025 and 2026), default office hours.</summary>
    public static WorkingCalendar ChinaDefault => LazyChinaDefault.Value;

    /// <summary>Office hours of every working day.</summary>
    public OfficeHours OfficeHours { get; }

    /// <summary>Years whose holiday arrangement is loaded, ascending.</summary>
    public IReadOnlyList<int> YearsWithData { get; }

    /// <summary>Whether the holiday arrangement of <paramref name="year"/> is loaded.</summary>
    public bool HasDataFor(int year) => _years.Contains(year);

    /// <summary>
    /// Whether a result counted over [<paramref name="from"/>, <paramref name="to"/>] (either order) touches a year whose
    /// notice is not loaded, so it was computed with the statutory fallback and may change when the notice is entered.
    /// </summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        var first = Math.Min(from.Year, to.Year);
        var last = Math.Max(from.Year, to.Year);
        for (var year = first; year <= last; year++)
        {
            if (!_years.Contains(year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Describes one date.</summary>
    public CalendarDay Describe(DateOnly date)
    {
        var hasData = HasDataFor(date.Year);

        // Overrides are applied even for a year not listed as complete: a known holiday is still a holiday.
        if (TryGetOverride(date, out var day))
        {
            return new CalendarDay(date, day.Kind, day.Name, day.Kind == DayKind.MakeupWorkday, hasData);
        }

        return IsWeekend(date)
            ? new CalendarDay(date, DayKind.Weekend, null, false, hasData)
            : new CalendarDay(date, DayKind.Workday, null, true, hasData);
    }

    /// <summary>
    /// A weekday that is not a holiday, or a make-up working day (调休上班).
    /// Years without data: Monday–Friday less the statutory holidays and 补假 days (<see cref="StatutoryHolidays"/>).
    /// </summary>
    public bool IsWorkingDay(DateOnly date) =>
        TryGetOverride(date, out var day) ? day.Kind == DayKind.MakeupWorkday : !IsWeekend(date);

    /// <summary>An entered day, or for a year without data a statutory day of the fallback.</summary>
    private bool TryGetOverride(DateOnly date, out DayOverride day) =>
        _overrides.TryGetValue(date, out day!) || (!_years.Contains(date.Year) && StatutoryHolidays.TryGet(date, out day));

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>
    /// Deadline of a limit of <paramref name="days"/> working days (N个工作日).
    /// </summary>
    /// <remarks>
    /// Civil Code art. 201 (民法典第二百零一条): a period counted in days starts on the day after the start;
    /// the starting day itself does not count. The result is therefore the close of office hours (e.g. 17:00)
    /// on the N-th working day strictly after the date of <paramref name="startLocal"/>; the time of day of the
    /// start does not matter. N = 0 means "the same working day": the close of office on the start date if it
    /// is a working day, otherwise on the next working day.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateTime AddWorkingDays(DateTime startLocal, int days)
    {
        EnsureLocal(startLocal);
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var date = DateOnly.FromDateTime(startLocal);
        if (days == 0)
        {
            return CloseOfOffice(IsWorkingDay(date) ? date : NextWorkingDay(date), startLocal.Kind);
        }

        for (var i = 0; i < days; i++)
        {
            date = NextWorkingDay(date);
        }

        return CloseOfOffice(date, startLocal.Kind);
    }

    /// <summary>
    /// Deadline of a limit counted in office minutes (N个工作小时), on working days only.
    /// </summary>
    /// <remarks>
    /// Office time is counted only inside the office periods of working days. From the start instant the
    /// periods are walked in order: a start before a period begins at the period start; a start during the
    /// lunch break, in the evening, on a weekend or on a holiday begins at the next period start. The result
    /// is the instant the minutes are used up; a limit that ends exactly at a period end returns that end
    /// (e.g. 12:00, not 13:00). Periods are half-open [start, end): zero minutes returns the start itself when
    /// it is inside office time, otherwise the next period start (so 0 minutes at 12:00 gives 13:00).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative.</exception>
    public DateTime AddOfficeMinutes(DateTime startLocal, int minutes)
    {
        EnsureLocal(startLocal);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);

        var remaining = TimeSpan.FromMinutes(minutes);
        var cursor = DateTime.SpecifyKind(startLocal, DateTimeKind.Unspecified);
        var date = DateOnly.FromDateTime(startLocal);
        while (true)
        {
            if (IsWorkingDay(date))
            {
                // A whole working day still ahead and not enough for the rest: take it at once.
                if (cursor <= date.ToDateTime(_periods[0].Start) && remaining > OfficeHours.PerDay)
                {
                    remaining -= OfficeHours.PerDay;
                    cursor = date.ToDateTime(_periods[^1].End);
                    date = date.AddDays(1);
                    continue;
                }

                foreach (var period in _periods)
                {
                    var periodEnd = date.ToDateTime(period.End);
                    if (cursor >= periodEnd)
                    {
                        continue;
                    }

                    var periodStart = date.ToDateTime(period.Start);
                    var begin = cursor > periodStart ? cursor : periodStart;
                    var available = periodEnd - begin;
                    if (remaining <= available)
                    {
                        return DateTime.SpecifyKind(begin + remaining, startLocal.Kind);
                    }

                    remaining -= available;
                    cursor = periodEnd;
                }
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>
    /// Same as <see cref="AddOfficeMinutes"/> with <c>round(hours × 60)</c> minutes (midpoint away from zero).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is negative or too large.</exception>
    public DateTime AddOfficeHours(DateTime startLocal, decimal hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, int.MaxValue / 60m);
        var minutes = (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);
        return AddOfficeMinutes(startLocal, minutes);
    }

    /// <summary>
    /// Deadline of a limit of <paramref name="days"/> calendar days (自然日), e.g. the periods of the Company Law.
    /// </summary>
    /// <remarks>
    /// Civil Code art. 201: the starting day does not count, so the last day is the N-th day after the start
    /// date. Civil Code art. 203 (民法典第二百零三条): if the last day is a statutory holiday (any non-working day,
    /// including an ordinary weekend), the day after the holiday ends is the last day; a make-up working day is a
    /// working day and is not extended. Where there are business hours, the time business stops is the deadline
    /// (有业务时间的，停止业务活动的时间为截止时间), so the result is the close of office hours on the last day.
    /// N = 0 means the start date itself (extended the same way).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateTime AddCalendarDays(DateTime startLocal, int days)
    {
        EnsureLocal(startLocal);
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var last = DateOnly.FromDateTime(startLocal).AddDays(days);
        if (!IsWorkingDay(last))
        {
            last = NextWorkingDay(last);
        }

        return CloseOfOffice(last, startLocal.Kind);
    }

    /// <summary>
    /// Office time elapsed between two instants: the overlap of [from, to) with the office periods of working
    /// days. Zero when <paramref name="toLocal"/> ≤ <paramref name="fromLocal"/>. Inverse of
    /// <see cref="AddOfficeMinutes"/>: <c>OfficeTimeBetween(s, AddOfficeMinutes(s, m)) == m minutes</c>.
    /// </summary>
    public TimeSpan OfficeTimeBetween(DateTime fromLocal, DateTime toLocal)
    {
        EnsureLocal(fromLocal);
        EnsureLocal(toLocal);
        if (toLocal <= fromLocal)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var first = DateOnly.FromDateTime(fromLocal);
        var last = DateOnly.FromDateTime(toLocal);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            // Days strictly between the two ends count whole.
            if (date > first && date < last)
            {
                total += OfficeHours.PerDay;
                continue;
            }

            foreach (var period in _periods)
            {
                var periodStart = date.ToDateTime(period.Start);
                var periodEnd = date.ToDateTime(period.End);
                var begin = fromLocal > periodStart ? fromLocal : periodStart;
                var end = toLocal < periodEnd ? toLocal : periodEnd;
                if (end > begin)
                {
                    total += end - begin;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Number of working days in (from, to] — the start day excluded (Civil Code art. 201), the end day included.
    /// Zero when <paramref name="to"/> ≤ <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Years touched by the range (either order) whose holiday arrangement is not loaded, ascending.
    /// The host shows a warning for each, because the result was computed with the statutory fallback.
    /// </summary>
    public IReadOnlyList<int> YearsWithoutData(DateTime fromLocal, DateTime toLocal)
    {
        var first = Math.Min(fromLocal.Year, toLocal.Year);
        var last = Math.Max(fromLocal.Year, toLocal.Year);
        var missing = new List<int>();
        for (var year = first; year <= last; year++)
        {
            if (!HasDataFor(year))
            {
                missing.Add(year);
            }
        }

        return missing.AsReadOnly();
    }

    private DateTime CloseOfOffice(DateOnly date, DateTimeKind kind) =>
        DateTime.SpecifyKind(date.ToDateTime(OfficeHours.Close), kind);

    private static bool IsWeekend(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static void EnsureLocal(DateTime value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value.Kind == DateTimeKind.Utc)
        {
            throw new ArgumentException("工作日历只接受本地时间（Kind 为 Unspecified 或 Local），请先将 UTC 时间转换为门户所在时区的本地时间。", name);
        }
    }
}
