using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Faults.Support;

/// <summary>
/// Kills a portal (SIGKILL) as soon as the clients have seen enough acknowledgements, or else as soon as the database
/// holds that many more cases than when the switch was armed (so that requests are still in flight however far the
/// answers lag behind the commits on a busy machine). It watches from a thread of its own with a connection of its own,
/// so the kill does not wait for the test's thread pool.
/// </summary>
public sealed class KillSwitch : IDisposable
{
    private readonly PortalProcess portal;
    private readonly PortalDbContext context;
    private readonly DbConnection connection;
    private readonly long baseline;
    private readonly int afterNewCases;
    private readonly Func<int> acknowledged;
    private readonly int afterAcknowledged;
    private readonly Thread thread;
    private readonly Stopwatch clock = new();
    private readonly ManualResetEventSlim fired = new();
    private volatile bool stopped;

    private KillSwitch(PortalProcess portal, PortalDbContext context, Func<int> acknowledged, int afterAcknowledged, int afterNewCases)
    {
        this.portal = portal;
        this.context = context;
        this.acknowledged = acknowledged;
        this.afterAcknowledged = afterAcknowledged;
        this.afterNewCases = afterNewCases;
        context.Database.OpenConnection();
        connection = context.Database.GetDbConnection();
        baseline = Count();
        thread = new Thread(Watch) { IsBackground = true, Name = "kill switch" };
    }

    /// <summary>How many cases had been stored since arming when the switch fired.</summary>
    public long NewCasesAtKill { get; private set; } = -1;

    /// <summary>When it fired, measured from arming.</summary>
    public TimeSpan FiredAfter { get; private set; }

    /// <param name="acknowledged">How many submissions the clients have seen acknowledged so far.</param>
    /// <param name="afterAcknowledged">Kill when the clients have seen this many acknowledgements …</param>
    /// <param name="afterNewCases">… or when this many new cases are stored, whichever comes first.</param>
    public static KillSwitch Arm(PortalProcess portal, TestDatabase database, Func<int> acknowledged, int afterAcknowledged, int afterNewCases)
    {
        var kill = new KillSwitch(portal, database.Open(), acknowledged, afterAcknowledged, afterNewCases);
        kill.clock.Start();
        kill.thread.Start();
        return kill;
    }

    /// <summary>Waits until the switch fired by itself, or the timeout passed.</summary>
    public bool Wait(TimeSpan timeout) => fired.Wait(timeout);

    /// <summary>Kills now unless the switch already fired, and stops watching.</summary>
    public void Fire()
    {
        stopped = true;
        thread.Join(TimeSpan.FromSeconds(10));
        if (!fired.IsSet)
        {
            FiredAfter = clock.Elapsed;
            portal.Kill();
            fired.Set();
        }
    }

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
            long stored;
            try
            {
                stored = Count() - baseline;
            }
            catch (DbException)
            {
                Thread.Sleep(5);
                continue;
            }

            if (stored >= afterNewCases || acknowledged() >= afterAcknowledged)
            {
                portal.Kill();
                FiredAfter = clock.Elapsed;
                NewCasesAtKill = stored;
                fired.Set();
                return;
            }

            Thread.Sleep(2);
        }
    }

    private long Count()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Cases\"";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
