using System.Globalization;

namespace Portal.Domain.Calendar;

/// <summary>
/// The statutory holidays of 《全国年节及纪念日放假办法》 (revised 2024, in force 2025-01-01), used for a year whose
/// State Council notice (国务院办公厅关于部分节假日安排的通知) has not been entered yet. Article 2: 元旦 1 day (1/1);
/// 春节 4 days (农历除夕 to 正月初三); 清明节 1 day (the 清明 solar term); 劳动节 2 days (5/1, 5/2); 端午节 1 day
/// (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (10/1–10/3). Article 6: a statutory day that falls on a
/// Saturday or Sunday is given back on a working day (补假).
/// </summary>
/// <remarks>
/// <para>
/// 补假 as applied here (the law says only "在工作日补假"): each statutory day on a Saturday or Sunday gives one day off
/// on the first Monday–Friday after the end of its festival's block (the festival's consecutive statutory days) that is
/// not itself a statutory day nor already a 补假 day. So 春节 and 国庆 give one day back per weekend day, after the block.
/// A day that is statutory for two festivals at once (中秋 on 10/3 in 2028) is one day off (and one day back if it falls
/// on a weekend): the law gives no extra day for the coincidence.
/// </para>
/// <para>
/// Make-up working days (调休上班) are set only by the year's notice and are unknown until then: none are assumed.
/// Every date computed with these days is provisional (<see cref="WorkingCalendar.ProvisionalNote"/>).
/// </para>
/// <para>
/// Years 2025 to 2100: the revision is in force from 2025 and .NET's <see cref="ChineseLunisolarCalendar"/> ends in
/// January 2101. Other years have no fallback holidays (Monday–Friday).
/// </para>
/// </remarks>
public static class StatutoryHolidays
{
    public const int FirstYear = 2025;
    public const int LastYear = 2100;

    /// <summary>The legal basis, as shown to people.</summary>
    public const string Basis = "《全国年节及纪念日放假办法》（2024年修订，2025年1月1日起施行）";

    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly Dictionary<DateOnly, DayOverride>?[] Cache = new Dictionary<DateOnly, DayOverride>?[LastYear - FirstYear + 1];

    /// <summary>Whether the fallback knows the statutory holidays of <paramref name="year"/>.</summary>
    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The statutory days off and 补假 days of a year, in date order (empty outside <see cref="Covers"/>).</summary>
    public static IReadOnlyList<DayOverride> For(int year) =>
        Covers(year) ? [.. DaysOf(year).Values.OrderBy(d => d.Date)] : [];

    /// <summary>The statutory day off or 补假 day on <paramref name="date"/>, if it is one.</summary>
    public static bool TryGet(DateOnly date, out DayOverride day)
    {
        if (Covers(date.Year) && DaysOf(date.Year).TryGetValue(date, out var found))
        {
            day = found;
            return true;
        }

        day = null!;
        return false;
    }

    /// <summary>正月初一 of the lunar year that begins in <paramref name="year"/>.</summary>
    public static DateOnly SpringFestival(int year) => LunarDate(year, 1, 1);

    /// <summary>农历除夕: the last day of the lunar year, the day before 正月初一 (腊月 has 29 or 30 days).</summary>
    public static DateOnly NewYearsEve(int year) => SpringFestival(year).AddDays(-1);

    /// <summary>端午节: 农历五月初五.</summary>
    public static DateOnly DragonBoat(int year) => LunarDate(year, 5, 5);

    /// <summary>中秋节: 农历八月十五.</summary>
    public static DateOnly MidAutumn(int year) => LunarDate(year, 8, 15);

    /// <summary>
    /// A date of the lunar year that begins in <paramref name="year"/>, in an ordinary (not leap) month. In a year with a
    /// leap month the calendar numbers months 1–13 and the leap month follows the month it repeats
    /// (<see cref="ChineseLunisolarCalendar.GetLeapMonth(int, int)"/> returns its position), so later months shift by one.
    /// </summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明: the day (Beijing time, UTC+8) on which the Sun's apparent longitude reaches 15°. Low-precision solar
    /// coordinates of J. Meeus, <i>Astronomical Algorithms</i> (2nd ed., ch. 25; about 0.01°, i.e. some 15 minutes),
    /// with ΔT taken as 69 s for this century.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        // Start from 4 April 00:00 UTC and refine with Newton steps (the Sun moves about 0.9856° a day).
        var jd = JulianDay(new DateTime(year, 4, 4, 0, 0, 0, DateTimeKind.Utc));
        for (var i = 0; i < 6; i++)
        {
            var delta = NormaliseDegrees(15.0 - ApparentSolarLongitude(jd + (69.0 / 86400.0)) + 180.0) - 180.0;
            jd += delta / 0.98564736;
        }

        var utc = new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(jd - 2451545.0);
        return DateOnly.FromDateTime(utc.AddHours(8));
    }

    private static Dictionary<DateOnly, DayOverride> DaysOf(int year)
    {
        var index = year - FirstYear;
        var days = Volatile.Read(ref Cache[index]);
        if (days is null)
        {
            days = Build(year);
            Volatile.Write(ref Cache[index], days);
        }

        return days;
    }

    private static Dictionary<DateOnly, DayOverride> Build(int year)
    {
        var eve = NewYearsEve(year);
        var festivals = new (string Name, DateOnly First, int Count)[]
        {
            ("元旦", new DateOnly(year, 1, 1), 1),
            ("春节", eve, 4),
            ("清明节", Qingming(year), 1),
            ("劳动节", new DateOnly(year, 5, 1), 2),
            ("端午节", DragonBoat(year), 1),
            ("中秋节", MidAutumn(year), 1),
            ("国庆节", new DateOnly(year, 10, 1), 3),
        };

        var days = new Dictionary<DateOnly, DayOverride>();
        foreach (var (name, first, count) in festivals)
        {
            for (var i = 0; i < count; i++)
            {
                var date = first.AddDays(i);
                if (!days.TryGetValue(date, out var existing))
                {
                    days[date] = new DayOverride(date, DayKind.Holiday, name);
                }
                else
                {
                    days[date] = existing with { Name = $"{existing.Name}、{name}" };
                }
            }
        }

        // 补假 (article 6), in date order of the festivals, each after its own block.
        foreach (var (name, first, count) in festivals.OrderBy(f => f.First))
        {
            var weekendDays = Enumerable.Range(0, count).Select(first.AddDays)
                .Count(d => IsWeekend(d) && days[d].Name.StartsWith(name, StringComparison.Ordinal));
            var candidate = first.AddDays(count - 1);
            for (var i = 0; i < weekendDays; i++)
            {
                do
                {
                    candidate = candidate.AddDays(1);
                }
                while (IsWeekend(candidate) || days.ContainsKey(candidate));

                days[candidate] = new DayOverride(candidate, DayKind.Holiday, name + "补假");
            }
        }

        return days;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static double JulianDay(DateTime utc) => 2451545.0 + (utc - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays;

    /// <summary>The Sun's apparent longitude in degrees at a Julian ephemeris day (Meeus ch. 25, low accuracy).</summary>
    private static double ApparentSolarLongitude(double jde)
    {
        var t = (jde - 2451545.0) / 36525.0;
        var l0 = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        var m = Radians(357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        var c = ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * m))
            + (0.000289 * Math.Sin(3 * m));
        var omega = Radians(125.04 - (1934.136 * t));
        return NormaliseDegrees(l0 + c - 0.00569 - (0.00478 * Math.Sin(omega)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;

    private static double NormaliseDegrees(double degrees)
    {
        var d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }
}
