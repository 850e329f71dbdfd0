using Microsoft.Extensions.Time.Testing;

namespace Portal.Web.Tests.Support;

/// <summary>
/// Setting the tests' <see cref="FakeTimeProvider"/> to a wall-clock time. The portal computes days and office hours
/// in its configured zone (Portal:TimeZone, Asia/Shanghai) and never reads <see cref="TimeProvider.LocalTimeZone"/>,
/// so the fake's local zone stays UTC, its default.
/// </summary>
public static class Clock
{
    /// <summary>
    /// Sets the clock to <paramref name="value"/>. Forward, due timers fire as in <see cref="FakeTimeProvider.SetUtcNow"/>;
    /// backward (a test arranging an earlier day on a shared portal) the time is adjusted without firing anything.
    /// </summary>
    public static void Set(this FakeTimeProvider time, DateTimeOffset value)
    {
        if (value >= time.GetUtcNow())
        {
            time.SetUtcNow(value);
        }
        else
        {
            time.AdjustTime(value);
        }
    }

    /// <summary>Sets the clock to a wall-clock time in China (UTC+8).</summary>
    public static void SetChina(this FakeTimeProvider time, int year, int month, int day, int hour, int minute = 0) =>
        time.Set(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));
}
