using System.Collections.Concurrent;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// The public /Ratings statistics are computed from every rating of the period, which under load is the page's whole
/// cost; they are kept for at most <see cref="MaxAge"/> per period (the page says when they were computed), and
/// dropped at once when this instance saves a rating, a 差评 follow-up or an appeal. Concurrent requests for a period
/// share one computation. With several instances another instance's change shows within <see cref="MaxAge"/>.
/// </summary>
public sealed class StatisticsCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<object, Entry> entries = new();
    private long generation;

    public void Invalidate() => Interlocked.Increment(ref generation);

    /// <summary>The cached value for the key, or the value <paramref name="compute"/> makes (run once for concurrent callers).</summary>
    public async Task<T> GetAsync<T>(object key, Func<Task<T>> compute)
    {
        var now = time.GetUtcNow();
        var current = Interlocked.Read(ref generation);
        var entry = entries.AddOrUpdate(
            key,
            _ => new Entry(current, now, new Lazy<Task<object>>(async () => (await compute())!)),
            (_, old) => old.Generation == current && now - old.At < MaxAge && !old.Failed
                ? old
                : new Entry(current, now, new Lazy<Task<object>>(async () => (await compute())!)));
        if (entries.Count > 100)
        {
            foreach (var stale in entries.Where(e => now - e.Value.At >= MaxAge).ToList())
            {
                entries.TryRemove(stale);
            }
        }

        return (T)await entry.Value.Value;
    }

    private sealed record Entry(long Generation, DateTimeOffset At, Lazy<Task<object>> Value)
    {
        /// <summary>A failed computation (the database was away) is not kept: the next request tries again.</summary>
        public bool Failed => Value.IsValueCreated && (Value.Value.IsFaulted || Value.Value.IsCanceled);
    }
}
