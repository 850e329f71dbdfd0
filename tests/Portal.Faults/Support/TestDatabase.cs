using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Infrastructure.Data;

namespace Portal.Faults.Support;

public enum Provider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The database one test's portals run on: a SQLite file in a temporary folder, or a database on a PostgreSQL cluster
/// of the test's own. The test reads it afterwards through the portal's own <see cref="PortalDbContext"/>.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The value of <c>ConnectionStrings:Portal</c> the portal gets.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>The connection string the test reads with (no pooling: nothing stays open between checks).</summary>
    protected abstract string ReadingConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(Provider provider) =>
        provider == Support.Provider.Sqlite ? new SqliteDatabase() : await PostgresDatabase.CreateAsync();

    public PortalDbContext Open() => DatabaseSetup.CreateContext(Provider, ReadingConnectionString);

    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Open();
        return await read(db);
    }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteDatabase : TestDatabase
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-faults-" + Guid.NewGuid().ToString("N")[..10]);

    public SqliteDatabase()
    {
        Directory.CreateDirectory(folder);
    }

    public string File => Path.Combine(folder, "portal.db");

    public override string Provider => DatabaseSetup.Sqlite;

    public override string ConnectionString => $"Data Source={File}";

    protected override string ReadingConnectionString => $"Data Source={File};Pooling=False";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresDatabase : TestDatabase
{
    private readonly string connectionString;

    private PostgresDatabase(PostgresCluster cluster, string connectionString)
    {
        Cluster = cluster;
        this.connectionString = connectionString;
    }

    /// <summary>The test's own server: stopping it disturbs no other test.</summary>
    public PostgresCluster Cluster { get; }

    public override string Provider => DatabaseSetup.PostgreSql;

    public override string ConnectionString => connectionString;

    protected override string ReadingConnectionString => connectionString + ";Pooling=false";

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var cluster = await PostgresCluster.StartAsync();
        try
        {
            return new PostgresDatabase(cluster, await cluster.CreateDatabaseAsync("portal"));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Cluster.DisposeAsync();
    }
}

/// <summary>
/// A database of its own on the PostgreSQL server the test command runs (PORTAL_TEST_PG), for tests that never stop
/// their server: cheaper than a cluster of the test's own. Dropped at the end.
/// </summary>
public sealed class SharedServerDatabase : TestDatabase
{
    public const string ServerVariable = "PORTAL_TEST_PG";

    private readonly string server;
    private readonly string name;

    private SharedServerDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
    }

    public override string Provider => DatabaseSetup.PostgreSql;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    protected override string ReadingConnectionString => ConnectionString + ";Pooling=false";

    public static async Task<SharedServerDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"This test needs a PostgreSQL server: run scripts/test.sh, which starts one and sets {ServerVariable}.");
        }

        var name = "portal_faults_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new SharedServerDatabase(server, name);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(server + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
        }
    }
}
