using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Portal.Infrastructure.Data;
using Portal.Web.Setup;
using Portal.Web.Setup.Seeding;

namespace Portal.Web.Tests.Data;

/// <summary>
/// No SQL Server runs on this machine, so SQL Server is checked without one: the scripts EF Core writes for it (the
/// whole schema, every migration, the idempotent deployment script) and every hand-written statement's SQL Server form
/// are parsed with Microsoft's own T-SQL parser (ScriptDom) for SQL Server 2022 and 2025, and the indexes are checked
/// against SQL Server's key size limit.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    public static TheoryData<string> Parsers => ["2022", "2025"];

    [Theory]
    [MemberData(nameof(Parsers))]
    public void The_whole_schema_script_parses(string version)
    {
        using var db = SqlServer();
        var script = db.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE [Cases]", script, StringComparison.Ordinal);
        AssertParses(version, script);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void The_migration_script_from_an_empty_database_parses(string version)
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();
        Assert.Contains(LegacyHistory.BaselineId(db), script, StringComparison.Ordinal);
        AssertParses(version, script);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void The_idempotent_migration_script_parses(string version)
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
        AssertParses(version, script);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void The_hand_written_statements_parse(string version)
    {
        using var db = SqlServer();
        var statements = ProviderSqlStatements().Select(s => s.Sql).ToList();
        statements.AddRange(LoadData.ArchiveCopyStatements(db, lastId: 1000, offset: 5000, copy: 2));
        Assert.Contains(statements, s => s.Contains("SET IDENTITY_INSERT [Cases] ON", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("[Number] + '-A02'", StringComparison.Ordinal));
        foreach (var statement in statements)
        {
            AssertParses(version, statement);
        }
    }

    /// <summary>The enumeration below reaches every method of ProviderSql, the materials' MERGE among them.</summary>
    [Fact]
    public void Every_provider_statement_is_enumerated()
    {
        var names = ProviderSqlStatements().Select(s => s.Method).ToHashSet();
        var methods = typeof(ProviderSql).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetParameters().Any(p => p.Name == "provider")).Select(m => m.Name)
            .Except(NoStatementOnSqlServer).ToHashSet();
        Assert.Equal(methods.Order(), names.Order());
        Assert.Contains(nameof(ProviderSql.PutBlob), names);
        Assert.Null(ProviderSql.ContinueKeys(DatabaseSetup.SqlServer, "Cases", "Id"));
    }

    /// <summary>Methods whose SQL Server answer is "no statement" (null): SQL Server continues its keys by itself.</summary>
    private static readonly string[] NoStatementOnSqlServer = [nameof(ProviderSql.ContinueKeys)];

    /// <summary>Methods that return an expression, not a statement, and how it is put into one.</summary>
    private static readonly Dictionary<string, Func<string, string>> Expressions = new()
    {
        [nameof(ProviderSql.Concat)] = e => $"SELECT {e} FROM [Cases]",
    };

    /// <summary>A value for each parameter of ProviderSql's methods, by name; a method with a new name fails the test.</summary>
    private static readonly Dictionary<string, object> Samples = new()
    {
        ["provider"] = DatabaseSetup.SqlServer,
        ["quotedTable"] = "[Cases]",
        ["insert"] = "INSERT INTO [Cases] ([Id], [Number]) SELECT [Id] + 5000, [Number] + '-A02' FROM [Cases]",
        ["table"] = "Cases",
        ["column"] = "Id",
        ["left"] = "[Number]",
        ["right"] = "N'-A02'",
    };

    /// <summary>
    /// Every SQL Server statement ProviderSql writes, by construction: each public method taking a provider is called
    /// with SQL Server (so a method added later is parsed without anyone listing it here), and its {n} placeholders
    /// become the parameters EF Core puts there (@pn).
    /// </summary>
    private static IEnumerable<(string Method, string Sql)> ProviderSqlStatements()
    {
        foreach (var method in typeof(ProviderSql).GetMethods(BindingFlags.Public | BindingFlags.Static).OrderBy(m => m.Name))
        {
            var parameters = method.GetParameters();
            if (!parameters.Any(p => p.Name == "provider") || NoStatementOnSqlServer.Contains(method.Name))
            {
                continue;
            }

            var arguments = parameters.Select(p => Samples.TryGetValue(p.Name!, out var value)
                ? value
                : throw new InvalidOperationException($"ProviderSql.{method.Name}: no sample value for parameter {p.Name} (add one to Samples)")).ToArray();
            var result = method.Invoke(null, arguments);
            IEnumerable<string> texts = result switch
            {
                string one => [one],
                IEnumerable<string> many => many,
                null => throw new InvalidOperationException($"ProviderSql.{method.Name} has no SQL Server form (null)"),
                _ => throw new InvalidOperationException($"ProviderSql.{method.Name} returns {result.GetType()}, not SQL text"),
            };
            foreach (var text in texts)
            {
                var sql = ParameterMark().Replace(text, "@p$1");
                yield return (method.Name, Expressions.TryGetValue(method.Name, out var wrap) ? wrap(sql) : sql);
            }
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex ParameterMark();

    /// <summary>The audit log's trigger runs through EXEC (a batch of its own); the text EXEC runs parses too.</summary>
    [Theory]
    [MemberData(nameof(Parsers))]
    public void The_audit_logs_trigger_parses_as_the_batch_it_runs_in(string version)
    {
        var statement = Assert.Single(ProviderSql.AuditAppendOnly(DatabaseSetup.SqlServer));
        Assert.StartsWith("EXEC(N'", statement, StringComparison.Ordinal);
        Assert.EndsWith("')", statement, StringComparison.Ordinal);
        var batch = statement["EXEC(N'".Length..^2].Replace("''", "'", StringComparison.Ordinal);

        Assert.StartsWith("CREATE TRIGGER [SecurityEvents_append_only]", batch, StringComparison.Ordinal);
        AssertParses(version, batch);
    }

    [Fact]
    public void The_parser_finds_errors()
    {
        // The check itself: PostgreSQL's and SQLite's RETURNING and LIMIT are not T-SQL.
        Assert.NotEmpty(Parse("2025", "UPDATE [NumberSequences] SET [Next] = [Next] + 1 WHERE [Key] = @p0 RETURNING [Next]"));
        Assert.NotEmpty(Parse("2025", "SELECT [Id] FROM [Cases] ORDER BY [Id] LIMIT 1"));
    }

    /// <summary>
    /// SQL Server cannot index nvarchar(max) at all (every string in a key needs a length), and refuses a row whose key
    /// exceeds 1,700 bytes (900 for the clustered primary key). Identity's own tables are the framework's standard
    /// schema: their two-part keys are declared longer than 900 bytes, SQL Server only warns when creating them, and
    /// the values stored there (provider names, GUID ids) are far shorter.
    /// </summary>
    [Fact]
    public void Every_index_key_fits_in_SqlServer()
    {
        using var db = SqlServer();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var tooLong = new List<string>();
        foreach (var table in model.Tables)
        {
            var keys = table.Indexes.Select(i => (Name: i.Name, Columns: i.Columns, Limit: 1700))
                .Concat(table.UniqueConstraints.Select(k => (Name: k.Name, Columns: k.Columns, Limit: k.GetIsPrimaryKey() ? 900 : 1700)));
            foreach (var (name, columns, limit) in keys)
            {
                var bytes = columns.Sum(c => (long)KeyBytes(c.StoreType));
                if (bytes > limit && !(table.Name.StartsWith("AspNet", StringComparison.Ordinal) && bytes <= 2 * 450 * columns.Count))
                {
                    tooLong.Add($"{table.Name}.{name}: {string.Join(", ", columns.Select(c => c.Name + " " + c.StoreType))} = {bytes} bytes > {limit}");
                }
            }
        }

        Assert.Empty(tooLong);
    }

    private static int KeyBytes(string storeType)
    {
        var type = storeType.ToLowerInvariant();
        if (type.Contains("(max)", StringComparison.Ordinal))
        {
            return int.MaxValue;
        }

        var open = type.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? type : type[..open];
        var length = open < 0 ? 0 : int.Parse(type[(open + 1)..type.IndexOfAny([',', ')'])], System.Globalization.CultureInfo.InvariantCulture);
        return name switch
        {
            "nvarchar" or "nchar" => 2 * length,
            "varchar" or "char" or "varbinary" or "binary" => length,
            "bigint" or "datetime2" or "float" or "datetime" => 8,
            "int" or "date" or "real" => 4,
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "decimal" or "numeric" => 17,
            "uniqueidentifier" => 16,
            "datetimeoffset" => 10,
            "time" => 5,
            _ => throw new InvalidOperationException($"no key size known for {storeType}"),
        };
    }

    private static PortalDbContext SqlServer() => DatabaseSetup.CreateContext(DatabaseSetup.SqlServer, MigrationTests.Placeholder(DatabaseSetup.SqlServer));

    private static void AssertParses(string version, string script)
    {
        var errors = Parse(version, script);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
    }

    private static IList<ParseError> Parse(string version, string script)
    {
        TSqlParser parser = version == "2022" ? new TSql160Parser(initialQuotedIdentifiers: true) : new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
