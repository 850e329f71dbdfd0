namespace Portal.Infrastructure.Health;

/// <summary>
/// When a background service (the deadline sweep, the notification dispatcher) started and when it last finished a
/// run without failing: the signal /healthz reads to tell a stalled or failing service from a working one.
/// Thread-safe: the service writes, health checks read.
/// </summary>
public sealed class BackgroundRun(bool enabled, TimeSpan interval)
{
    private long startedTicks;
    private long succeededTicks;

    /// <summary>Whether this instance runs the service at all (off, it is not expected to run).</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>How often it runs.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <summary>When its loop started in this process, or null before that.</summary>
    public DateTimeOffset? StartedAt => Read(ref startedTicks);

    /// <summary>When a run last finished without failing, or null when none has yet.</summary>
    public DateTimeOffset? LastSuccess => Read(ref succeededTicks);

    public void Started(DateTimeOffset at) => Interlocked.Exchange(ref startedTicks, at.UtcTicks);

    public void Succeeded(DateTimeOffset at) => Interlocked.Exchange(ref succeededTicks, at.UtcTicks);

    private static DateTimeOffset? Read(ref long ticks) =>
        Interlocked.Read(ref ticks) is var t && t > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
