using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Ratings;

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

/// <summary>
/// Drops the cached statistics when a save changes a rating, a follow-up or an appeal: when the save starts, and again
/// once the change is committed (its own transaction, or the command's). Figures computed by another request in
/// between read the old rows and would otherwise be kept for a minute.
/// </summary>
public sealed class RatingChangeInterceptor(StatisticsCache cache) : SaveChangesInterceptor
{
    /// <summary>Contexts with a saved, not yet committed rating change.</summary>
    internal static readonly ConditionalWeakTable<DbContext, object> Uncommitted = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Saving(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries()
                .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Rating or RatingFollowUp or RatingAppeal))
        {
            cache.Invalidate();
            Uncommitted.AddOrUpdate(context, cache);
        }
    }

    /// <summary>Without a transaction of the caller's, the save has committed by now.</summary>
    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && Uncommitted.Remove(context))
        {
            cache.Invalidate();
        }
    }
}

/// <summary>The second half of <see cref="RatingChangeInterceptor"/>: the command's transaction has committed.</summary>
public sealed class RatingCommitInterceptor(StatisticsCache cache) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            RatingChangeInterceptor.Uncommitted.Remove(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && RatingChangeInterceptor.Uncommitted.Remove(context))
        {
            cache.Invalidate();
        }
    }
}
