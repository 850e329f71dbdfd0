namespace Portal.Domain.Calendar;

/// <summary>The kind of a calendar day.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday–Friday working day (工作日).</summary>
    Workday,

    /// <summary>An ordinary Saturday or Sunday (休息日).</summary>
    Weekend,

    /// <summary>A statutory holiday or a day of the holiday break (法定节假日及调休放假).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday on which people work to make up for a holiday (调休上班).</summary>
    MakeupWorkday,
}

/// <summary>
/// A day whose kind differs from the Monday–Friday rule, as published each year by the
/// General Office of the State Council (国务院办公厅关于部分节假日安排的通知).
/// Only <see cref="DayKind.Holiday"/> and <see cref="DayKind.MakeupWorkday"/> are allowed.
/// </summary>
public sealed record DayOverride(DateOnly Date, DayKind Kind, string Name);

/// <summary>What the calendar knows about one date.</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">Workday, weekend, holiday or make-up working day.</param>
/// <param name="Name">The holiday name (e.g. "国庆节" or "国庆节调休上班"), or null for ordinary days.</param>
/// <param name="IsWorkingDay">Whether offices are open on that date.</param>
/// <param name="YearHasData">
/// Whether the holiday arrangement of that year is loaded. When false the day was judged by the statutory
/// fallback (<see cref="StatutoryHolidays"/>) and the host marks the result as provisional.
/// </param>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string? Name, bool IsWorkingDay, bool YearHasData);
