namespace Portal.Web.Setup;

/// <summary>
/// The system clock moved forward by an offset. Only used when <c>Portal:TestClock</c> is true (the end-to-end
/// tests set it): a 20-working-day notice period can then be walked through in a real browser in seconds.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
