namespace Portal.Domain.Calendar;

/// <summary>
/// The dates the portal counts with: a date typed into a form or an API outside them is refused in Chinese instead of
/// overflowing (9999-12-31 + 1 day, 0001-01-01 − 1 day). 2000 is well before any case the portal holds; 2100 is the
/// last year of the statutory-holiday fallback (.NET's Chinese lunisolar calendar ends in January 2101), so every
/// deadline counted from a supported date — at most 3650 working days, about 15 years — stays representable.
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly First = new(2000, 1, 1);

    public static readonly DateOnly Last = new(StatutoryHolidays.LastYear, 12, 31);

    /// <summary>As shown to people.</summary>
    public static readonly string Range = $"{First.Year}年至{Last.Year}年";

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    public static bool Contains(DateTime date) => Contains(DateOnly.FromDateTime(date));
}
