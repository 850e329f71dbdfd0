using System.Globalization;
using Portal.Workflow;

namespace Portal.Domain.Calendar;

/// <summary>
/// Reads back the limit text a step stored when it started (<see cref="TimeLimit.ToString"/>, e.g. "20个工作日",
/// "45日", "0.5个工作日", "次日"): the unit decides how the time left is shown (natural days for 自然日 periods) and the limit
/// is what a recomputation counts again when the holiday calendar changes.
/// </summary>
public static class LimitText
{
    private static readonly (string Suffix, TimeUnit Unit)[] Suffixes =
    [
        ("个工作日", TimeUnit.WorkingDays),
        ("个工作小时", TimeUnit.OfficeHours),
        ("分钟(工作时间)", TimeUnit.OfficeMinutes),
        ("个自然日", TimeUnit.NaturalDays),
        ("日", TimeUnit.CalendarDays),
    ];

    public static bool TryParse(string? text, out TimeLimit limit)
    {
        limit = default;
        if (text == "次日")
        {
            limit = TimeLimit.NaturalDays(1);
            return true;
        }

        var (suffix, unit) = Suffixes.FirstOrDefault(s => text?.EndsWith(s.Suffix, StringComparison.Ordinal) == true);
        if (suffix is null
            || !decimal.TryParse(text![..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > int.MaxValue / 2)
        {
            return false;
        }

        // "0.5个工作日" and "1.5个工作日" are half working days; "1个工作日" is a working day.
        limit = unit == TimeUnit.WorkingDays && amount != decimal.Truncate(amount)
            ? new TimeLimit((int)(amount * 2), TimeUnit.HalfWorkingDays)
            : new TimeLimit((int)amount, unit);
        return limit.ToString() == text;
    }

    /// <summary>Whether the stored limit text is a natural-day period (自然日, e.g. the 45-day creditor period, or 次日).</summary>
    public static bool IsNaturalDays(string? text) => TryParse(text, out var limit) && limit.Unit is TimeUnit.CalendarDays or TimeUnit.NaturalDays;

    /// <summary>Whether the stored limit text counts natural days only (never extended over holidays), so it does not depend on the holiday calendar.</summary>
    public static bool IsCalendarFree(string? text) => TryParse(text, out var limit) && limit.Unit == TimeUnit.NaturalDays;
}
