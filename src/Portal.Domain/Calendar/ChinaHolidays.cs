namespace Portal.Domain.Calendar;

/// <summary>
/// Public-holiday arrangements of the mainland, as published by the General Office of the State Council
/// (国务院办公厅关于部分节假日安排的通知). Each year must be added by hand when the notice is published
/// (usually in November of the previous year); until then <see cref="WorkingCalendar"/> falls back to the statutory
/// holidays of that year (<see cref="StatutoryHolidays"/>) and marks what it computes as provisional.
/// </summary>
public static class ChinaHolidays
{
    /// <summary>2025 arrangement (notice of 2024-11-12).</summary>
    public static IReadOnlyList<DayOverride> Y2025 { get; } = Build(
    [
        .. Off("元旦", 2025, 1, 1, 1),
        .. Off("春节", 2025, 1, 28, 8),              // 1/28–2/4
        Work("春节", 2025, 1, 26),                    // Sunday
        Work("春节", 2025, 2, 8),                     // Saturday
        .. Off("清明节", 2025, 4, 4, 3),             // 4/4–4/6
        .. Off("劳动节", 2025, 5, 1, 5),             // 5/1–5/5
        Work("劳动节", 2025, 4, 27),                  // Sunday
        .. Off("端午节", 2025, 5, 31, 3),            // 5/31–6/2
        .. Off("国庆节、中秋节", 2025, 10, 1, 8),     // 10/1–10/8
        Work("国庆节、中秋节", 2025, 9, 28),          // Sunday
        Work("国庆节、中秋节", 2025, 10, 11),         // Saturday
    ]);

    /// <summary>2026 arrangement (notice of 2025-11-04).</summary>
    public static IReadOnlyList<DayOverride> Y2026 { get; } = Build(
    [
        .. Off("元旦", 2026, 1, 1, 3),               // 1/1–1/3
        Work("元旦", 2026, 1, 4),                     // Sunday
        .. Off("春节", 2026, 2, 15, 9),              // 2/15–2/23
        Work("春节", 2026, 2, 14),                    // Saturday
        Work("春节", 2026, 2, 28),                    // Saturday
        .. Off("清明节", 2026, 4, 4, 3),             // 4/4–4/6
        .. Off("劳动节", 2026, 5, 1, 5),             // 5/1–5/5
        Work("劳动节", 2026, 5, 9),                   // Saturday
        .. Off("端午节", 2026, 6, 19, 3),            // 6/19–6/21
        .. Off("中秋节", 2026, 9, 25, 3),            // 9/25–9/27
        .. Off("国庆节", 2026, 10, 1, 7),            // 10/1–10/7
        Work("国庆节", 2026, 9, 20),                  // Sunday
        Work("国庆节", 2026, 10, 10),                 // Saturday
    ]);

    /// <summary>All years above, in date order.</summary>
    public static IReadOnlyList<DayOverride> All { get; } = Build([.. Y2025, .. Y2026]);

    private static IEnumerable<DayOverride> Off(string name, int year, int month, int day, int count)
    {
        var first = new DateOnly(year, month, day);
        return Enumerable.Range(0, count).Select(i => new DayOverride(first.AddDays(i), DayKind.Holiday, name));
    }

    private static DayOverride Work(string holiday, int year, int month, int day) =>
        new(new DateOnly(year, month, day), DayKind.MakeupWorkday, holiday + "调休上班");

    private static IReadOnlyList<DayOverride> Build(IEnumerable<DayOverride> days) =>
        days.OrderBy(d => d.Date).ToArray().AsReadOnly();
}
