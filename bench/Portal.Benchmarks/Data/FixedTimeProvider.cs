namespace Portal.Benchmarks.Data;

/// <summary>A clock that always says the same instant, so cached data sets stay "due" however much later they are used.</summary>
public sealed class FixedTimeProvider(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
}
