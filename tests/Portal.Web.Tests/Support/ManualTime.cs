namespace Portal.Web.Tests.Support;

/// <summary>A clock the tests move by hand instead of sleeping.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Set(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;

    /// <summary>Sets the clock to a wall-clock time in China (UTC+8).</summary>
    public void SetChina(int year, int month, int day, int hour, int minute = 0) =>
        now = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
