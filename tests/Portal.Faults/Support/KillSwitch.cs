using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Faults.Support;

/// <summary>
/// Kills a portal (SIGKILL) as soon as the database holds <c>threshold</c> more cases than when the switch was armed.
/// It watches from a thread of its own with a connection of its own, so the kill does not wait for the test's busy
/// thread pool to notice acknowledgements: on two cores a burst of answers can sit unread while the portal goes on.
/// </summary>
public sealed class KillSwitch : IDisposable
{
    private readonly PortalProcess portal;
    private readonly DbConnection connection;
    private readonly PortalDbContext context;
    private readonly long threshold;
    private readonly Thread thread;
    private readonly ManualResetEventSlim fired = new();
    private volatile bool stopped;

    private KillSwitch(PortalProcess portal, PortalDbContext context, DbConnection connection, long threshold)
    {
        this.portal = portal;
        this.context = context;
        this.connection = connection;
        this.threshold = threshold;
        thread = new Thread(Watch) { IsBackground = true, Name = "kill switch" };
    }

    /// <summary>The stored cases when the switch fired.</summary>
    public long CasesAtKill { get; private set; }

    /// <summary>When it fired, measured from arming.</summary>
    public TimeSpan FiredAfter { get; private set; }

    private Stopwatch Clock { get; } = new();

    public static KillSwitch Arm(PortalProcess portal, TestDatabase database, int afterNewCases)
    {
        var context = database.Open();
        context.Database.OpenConnection();
        var connection = context.Database.GetDbConnection();
        var kill = new KillSwitch(portal, context, connection, Count(connection) + afterNewCases);
        kill.Clock.Start();
        kill.thread.Start();
        return kill;
    }

    /// <summary>Kills now (also when the threshold was never reached) and waits for the watching thread to end.</summary>
    public void Fire()
    {
        if (!fired.IsSet)
        {
            CasesAtKill = -1;
            FiredAfter = Clock.Elapsed;
            portal.Kill();
            fired.Set();
        }

        stopped = true;
        thread.Join(TimeSpan.FromSeconds(10));
    }

    public bool Wait(TimeSpan timeout) => fired.Wait(timeout);

    public void Dispose()
    {
        stopped = true;
        thread.Join(TimeSpan.FromSeconds(10));
        context.Dispose();
        fired.Dispose();
    }

    private void Watch()
    {
        while (!stopped)
        {
            long count;
            try
            {
                count = Count(connection);
            }
            catch (DbException)
            {
                Thread.Sleep(5);
                continue;
            }

            if (count >= threshold)
            {
                portal.Kill();
                FiredAfter = Clock.Elapsed;
                CasesAtKill = count;
                fired.Set();
                return;
            }

            Thread.Sleep(2);
        }
    }

    private static long Count(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Cases\"";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
