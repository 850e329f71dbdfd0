using Npgsql;
using Portal.Infrastructure.Data;

namespace Portal.Web.Tests.Support;

public enum Provider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Real databases for tests: a fresh SQLite file, or a fresh database on the PostgreSQL server the test command
/// starts (connection string in PORTAL_TEST_PG). Nothing is mocked.
/// </summary>
public static class Databases
{
    public const string PostgresVariable = "PORTAL_TEST_PG";

    public static string ProviderName(Provider provider) => provider == Provider.Sqlite ? DatabaseSetup.Sqlite : DatabaseSetup.PostgreSql;

    public static string Create(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "portal-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}";
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: run the README's test command (scripts/test.sh), which starts one and sets {PostgresVariable}.");
        }

        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        // Every test database has its own pool: idle connections are closed quickly so hundreds of test databases
        // do not exhaust the server's connection slots.
        return new NpgsqlConnectionStringBuilder(server)
        {
            Database = name,
            MaxPoolSize = 30,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }
}
