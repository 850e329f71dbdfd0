using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Web.Features.Ratings;

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
