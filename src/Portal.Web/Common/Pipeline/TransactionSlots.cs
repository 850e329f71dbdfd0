using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Infrastructure.Data;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Bounds how many commands hold a database transaction at once when connections come from a bounded pool (PostgreSQL).
/// A command keeps one pooled connection for its whole transaction, and meanwhile the calendar and promise caches take
/// a second one for a moment (they read their revision stamp through a scope of their own). With as many commands in
/// flight as the pool has connections, every connection is held by a command waiting for a second one: none proceeds
/// until the pool's timeout, and then they all fail (200 simultaneous 企业开办 submissions: half were answered with the
/// error page after 15 s). At most half of the pool is given to transactions; the other half stays free for those
/// short reads and for pages. Commands beyond that wait for a slot before they take a connection.
/// </summary>
internal static class TransactionSlots
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot; dispose the result to give it back. Null when the provider needs no bound (SQLite).</summary>
    public static async Task<IDisposable?> EnterAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL" || db.Database.GetConnectionString() is not { } connectionString)
        {
            return null;
        }

        var gate = Gates.GetOrAdd(connectionString, static c =>
        {
            var pool = new NpgsqlConnectionStringBuilder(c);
            return new SemaphoreSlim(pool.Pooling ? Math.Max(1, pool.MaxPoolSize / 2) : int.MaxValue);
        });
        await gate.WaitAsync(cancellationToken);
        return new Slot(gate);
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
