using BenchmarkDotNet.Attributes;
using Portal.Domain.Calendar;
using Portal.Workflow;

namespace Portal.Benchmarks.Calendar;

/// <summary>
/// <see cref="WorkingCalendar.AddWorkingDays"/> for 1, 20 and 60 working days from an ordinary Monday morning, on the
/// mainland calendar with the 2025 and 2026 holiday notices (<see cref="WorkingCalendar.ChinaDefault"/>).
/// 60 working days from 23 November 2026 run into 2027, a year without holiday data (Monday–Friday fallback).
/// </summary>
[MemoryDiagnoser]
[MicroJob]
public class WorkingDaysBenchmarks
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault;
    private static readonly DateTime Monday = new(2026, 11, 23, 9, 30, 0);

    [Params(1, 20, 60)]
    public int Days { get; set; }

    [Benchmark]
    public DateTime AddWorkingDays() => Calendar.AddWorkingDays(Monday, Days);
}

/// <summary>
/// Office time and the year boundary: limits in office minutes and hours (lunch break and evenings skipped), and
/// limits that start in late December 2025 and end in January 2026, across 元旦 (1–3 January) and the Sunday
/// make-up working day (4 January).
/// </summary>
[MemoryDiagnoser]
[MicroJob]
public class OfficeTimeBenchmarks
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault;
    private static readonly DateTime Monday = new(2026, 11, 23, 10, 30, 0);
    private static readonly DateTime YearEnd = new(2025, 12, 29, 15, 0, 0);

    [Benchmark]
    public DateTime AddOfficeMinutes20() => Calendar.AddOfficeMinutes(Monday, 20);

    [Benchmark]
    public DateTime AddOfficeHours4OverLunch() => Calendar.AddOfficeHours(Monday, 4m);

    [Benchmark]
    public DateTime AddOfficeHours40OverWeekend() => Calendar.AddOfficeHours(Monday, 40m);

    [Benchmark]
    public DateTime YearEndAddWorkingDays5() => Calendar.AddWorkingDays(YearEnd, 5);

    [Benchmark]
    public DateTime YearEndAddOfficeHours24() => Calendar.AddOfficeHours(YearEnd, 24m);
}

/// <summary>
/// <see cref="DeadlineClock.Compute"/>: what every new step of a case does (UTC ↔ Beijing time, the due instant, the
/// step's size in office minutes and the 75% warning instant), for the kinds of limit the promise tables use, plus
/// one that starts at the end of 2025.
/// </summary>
[MemoryDiagnoser]
[MicroJob]
public class DeadlineClockBenchmarks
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    /// <summary>The limit and where it starts (Beijing time); labels are what the summary table shows.</summary>
    public static IEnumerable<LimitCase> Limits { get; } =
    [
        new("1个工作日", TimeLimit.WorkingDays(1), new DateTime(2026, 11, 23, 10, 30, 0)),
        new("20个工作日", TimeLimit.WorkingDays(20), new DateTime(2026, 11, 23, 10, 30, 0)),
        new("4个工作小时", TimeLimit.OfficeHours(4), new DateTime(2026, 11, 23, 10, 30, 0)),
        new("60日", TimeLimit.CalendarDays(60), new DateTime(2026, 11, 23, 10, 30, 0)),
        new("20个工作日(2025-12-29起)", TimeLimit.WorkingDays(20), new DateTime(2025, 12, 29, 15, 0, 0)),
    ];

    [ParamsSource(nameof(Limits))]
    public LimitCase Limit { get; set; } = null!;

    [Benchmark]
    public StepDeadline Compute() => Clock.Compute(Limit.StartUtc, Limit.Limit);

    /// <summary>A benchmark parameter: a limit starting at a local instant, shown by its label.</summary>
    public sealed class LimitCase(string label, TimeLimit limit, DateTime startLocal)
    {
        public TimeLimit Limit { get; } = limit;

        public DateTime StartUtc { get; } = Clock.ToUtc(startLocal);

        public override string ToString() => label;
    }
}
