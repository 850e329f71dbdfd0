using System.Globalization;

namespace Portal.Domain.Tests.Calendar;

internal static class CalendarTestData
{
    public static DateTime At(string localIso) =>
        DateTime.ParseExact(localIso, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateOnly Day(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
