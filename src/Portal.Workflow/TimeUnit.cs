namespace Portal.Workflow;

/// <summary>The unit in which a state's processing time limit is counted.</summary>
public enum TimeUnit
{
    /// <summary>Working days (excluding weekends and public holidays).</summary>
    WorkingDays,

    /// <summary>Hours counted only during office hours.</summary>
    OfficeHours,

    /// <summary>Minutes counted only during office hours.</summary>
    OfficeMinutes,

    /// <summary>Plain calendar days.</summary>
    CalendarDays,

    /// <summary>Halves of a working day's office time (1 = "0.5个工作日", half the configured office day).</summary>
    HalfWorkingDays,

    /// <summary>
    /// Natural days that are never extended over holidays, ending at 24:00 of the N-th day after the start's day
    /// (1 = "次日": 当日申请、次日接电 is due by the end of the next natural day, whatever day it is).
    /// </summary>
    NaturalDays,
}
