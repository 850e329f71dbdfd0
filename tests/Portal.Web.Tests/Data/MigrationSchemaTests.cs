using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Data;

/// <summary>
/// The migrations are written by hand (dotnet-ef cannot be restored here). This proves, on each real provider,
/// that the schema the migrations build is the schema the model would create: tables, columns, types,
/// nullability, keys, foreign keys and indexes.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Migrated_schema_equals_the_model(Provider provider)
    {
        await using var migrated = Context(provider);
        await DatabaseSetup.MigrateAsync(migrated);
        await using var created = Context(provider);
        await created.Database.EnsureCreatedAsync();

        var fromMigrations = await Describe(migrated, provider);
        var fromModel = await Describe(created, provider);

        Assert.NotEmpty(fromModel);
        Assert.Contains(fromModel, line => line.StartsWith("table Cases", StringComparison.Ordinal));
        Assert.Equal(string.Join('\n', fromModel), string.Join('\n', fromMigrations));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Migrating_twice_changes_nothing(Provider provider)
    {
        await using var db = Context(provider);
        await DatabaseSetup.MigrateAsync(db);
        var before = await Describe(db, provider);
        await DatabaseSetup.MigrateAsync(db);
        Assert.Equal(before, await Describe(db, provider));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        await using var db = Context(Provider.Sqlite);
        await DatabaseSetup.MigrateAsync(db);
        var mode = await Scalar(db, "PRAGMA journal_mode;");
        Assert.Equal("wal", mode);
    }

    private static PortalDbContext Context(Provider provider)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(Databases.ProviderName(provider), Databases.Create(provider));
        return new PortalDbContext(options.Options);
    }

    private static async Task<string?> Scalar(PortalDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<List<string>> Describe(PortalDbContext db, Provider provider)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var lines = provider == Provider.Sqlite ? await DescribeSqlite(connection) : await DescribePostgres(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> DescribeSqlite(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'");
        foreach (var table in tables.Select(r => r[0]))
        {
            lines.Add($"table {table}");
            foreach (var c in await Rows(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
            {
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            }

            foreach (var f in await Rows(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                lines.Add($"fk {table}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
            }

            foreach (var i in await Rows(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await Rows(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                lines.Add($"index {table} {i[0]} unique={i[1]} origin={i[2]} ({string.Join(",", columns.Select(x => x[0]))})");
            }
        }

        return lines;
    }

    private static async Task<List<string>> DescribePostgres(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var t in await Rows(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_EF%'"))
        {
            lines.Add($"table {t[0]}");
        }

        foreach (var c in await Rows(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(is_identity, ''), coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            """))
        {
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} identity={c[5]}/{c[6]}");
        }

        foreach (var i in await Rows(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'"))
        {
            lines.Add($"index {i[0]} {i[1]}: {i[2]}");
        }

        foreach (var k in await Rows(connection, """
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, coalesce(rc.delete_rule, '')
            FROM information_schema.table_constraints tc
            LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.constraint_schema
            WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE') AND tc.table_name NOT LIKE '\_\_EF%'
            """))
        {
            lines.Add($"constraint {k[0]} {k[1]} {k[2]} {k[3]}");
        }

        return lines;
    }

    private static async Task<List<string[]>> Rows(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }
}
