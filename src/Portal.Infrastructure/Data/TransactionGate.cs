using System.Collections.Concurrent;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Infrastructure.Data;

/// <summary>
/// How many commands of one portal process may hold a database transaction at once, per database:
/// <list type="bullet">
/// <item>SQLite has one writer at a time. When a second write transaction finds the file locked, Microsoft.Data.Sqlite
/// sleeps 150 ms and tries again, so under concurrent submissions most of the time went into sleeping (18 submissions
/// per second at 50 connections). Commands queue here for the file instead, one at a time, in order. One that waits
/// longer than <see cref="SqliteMaxWait"/> goes on without the gate (SQLite's own locking still keeps the data safe),
/// so a mistake can slow the portal, never stop it.</item>
/// <item>PostgreSQL connections come from a bounded pool. A command keeps one pooled connection for its whole
/// transaction, and meanwhile the calendar and promise caches take a second one for a moment (they read their
/// revision stamp through a scope of their own). With as many commands in flight as the pool has connections, every
/// connection is held by a command waiting for a second one: none proceeds until the pool's timeout, and then they
/// all fail (200 simultaneous 企业开办 submissions: half were answered with the error page after 15 s). At most half
/// of the pool is given to transactions; the other half stays free for those short reads and for pages.</item>
/// <item>SQL Server: the same bounded pool (SqlClient's Max Pool Size, 100 by default) and the same second connection,
/// so the same half.</item>
/// </list>
/// </summary>
public static class TransactionGate
{
    public static readonly TimeSpan SqliteMaxWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for a place; dispose the result to give it back. Null when no place is needed (or the SQLite wait ran out).</summary>
    public static async Task<IDisposable?> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetConnectionString() is not { } connectionString)
        {
            return null;
        }

        if (db.Database.IsSqlite())
        {
            var writer = Gates.GetOrAdd(connectionString, static _ => new SemaphoreSlim(1, 1));
            return await writer.WaitAsync(SqliteMaxWait, cancellationToken) ? new Place(writer) : null;
        }

        if (db.Database.IsNpgsql())
        {
            var slots = Gates.GetOrAdd(connectionString, static c =>
            {
                var pool = new NpgsqlConnectionStringBuilder(c);
                return new SemaphoreSlim(pool.Pooling ? Math.Max(1, pool.MaxPoolSize / 2) : int.MaxValue);
            });
            await slots.WaitAsync(cancellationToken);
            return new Place(slots);
        }

        if (db.Database.IsSqlServer())
        {
            var slots = Gates.GetOrAdd(connectionString, static c =>
            {
                var pool = new SqlConnectionStringBuilder(c);
                return new SemaphoreSlim(pool.Pooling ? Math.Max(1, pool.MaxPoolSize / 2) : int.MaxValue);
            });
            await slots.WaitAsync(cancellationToken);
            return new Place(slots);
        }

        return null;
    }

    private sealed class Place(SemaphoreSlim gate) : IDisposable
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
