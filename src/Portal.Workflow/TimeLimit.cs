using System.Globalization;

namespace Portal.Workflow;

/// <summary>A processing time limit such as "20 working days" attached to a workflow state.</summary>
/// <param name="Amount">How many <paramref name="Unit"/>s are allowed.</param>
/// <param name="Unit">The unit of <paramref name="Amount"/>.</param>
public readonly record struct TimeLimit(int Amount, TimeUnit Unit)
{
    /// <summary>Creates a limit of <paramref name="days"/> working days.</summary>
    public static TimeLimit WorkingDays(int days) => new(days, TimeUnit.WorkingDays);

    /// <summary>Creates a limit of <paramref name="hours"/> office hours.</summary>
    public static TimeLimit OfficeHours(int hours) => new(hours, TimeUnit.OfficeHours);

    /// <summary>Creates a limit of <paramref name="minutes"/> office minutes.</summary>
    public static TimeLimit OfficeMinutes(int minutes) => new(minutes, TimeUnit.OfficeMinutes);

    /// <summary>Creates a limit of <paramref name="days"/> calendar days.</summary>
    public static TimeLimit CalendarDays(int days) => new(days, TimeUnit.CalendarDays);

    /// <summary>Creates a limit ending at 24:00 of the <paramref name="days"/>-th natural day after the start's day (1 = 次日).</summary>
    public static TimeLimit NaturalDays(int days) => new(days, TimeUnit.NaturalDays);

    /// <summary>Chinese display text, e.g. "20个工作日", "4个工作小时", "20分钟(工作时间)", "10日", "0.5个工作日", "次日", "3个自然日".</summary>
    public override string ToString()
    {
        var amount = Amount.ToString(CultureInfo.InvariantCulture);
        return Unit switch
        {
            TimeUnit.WorkingDays => amount + "个工作日",
            TimeUnit.OfficeHours => amount + "个工作小时",
            TimeUnit.OfficeMinutes => amount + "分钟(工作时间)",
            TimeUnit.CalendarDays => amount + "日",
            TimeUnit.HalfWorkingDays => (Amount / 2m).ToString("0.#", CultureInfo.InvariantCulture) + "个工作日",
            TimeUnit.NaturalDays => Amount == 1 ? "次日" : amount + "个自然日",
            _ => amount + " " + Unit.ToString(),
        };
    }
}
