using Npgsql;

namespace Portal.E2E.Proxy;

/// <summary>
/// A database of its own on the PostgreSQL server of the test run (PORTAL_TEST_PG, which scripts/test.sh starts),
/// shared by the two portal hosts of a test and dropped at the end. The test reads it with plain SQL.
/// </summary>
public sealed class ProxyDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PORTAL_TEST_PG";

    private readonly string server;
    private readonly string name;

    private ProxyDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
    }

    /// <summary>What the portal hosts get as <c>ConnectionStrings:Portal</c>.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    public static async Task<ProxyDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"This test needs a PostgreSQL server: run scripts/test.sh, which starts one and sets {ServerVariable}.");
        }

        var name = "portal_proxy_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new ProxyDatabase(server, name);
    }

    /// <summary>The rows of a query, each as its columns' text.</summary>
    public async Task<List<string?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
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
