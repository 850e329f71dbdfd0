namespace Portal.Domain.Calendar;

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
