using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

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
