using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features;
using Portal.Web.Features.Establishment;

namespace Portal.Benchmarks.Data;

/// <summary>
/// The deadline-sweep data sets: a migrated portal database with reference data, a few staff members, and
/// <c>openCases</c> open 企业开办 cases of which exactly <see cref="DueCases"/> are due at <see cref="NowUtc"/>
/// (StepDueAt in the past, IsOverdue false); every other case is due later.
/// </summary>
/// <remarks>
/// Two template cases are made by the real domain (<see cref="Case.Submit"/>, then 受理 by a window clerk) and saved by
/// EF, so every column holds what the portal itself writes. One INSERT … SELECT over a recursive counter then copies
/// them a million times inside SQLite, varying only the number, the applicant and the step's due and warning
/// instants (written in EF's own text format): one statement and no round trip per row, so a million cases take
/// seconds. The copies have no history rows of their own: the sweep never reads history, it only appends to it.
/// Half the cases wait for 受理 at a window, half are 办理中 at 市场监管 with a window clerk as 首问负责人, so an
/// overdue mark notifies the applicant, the holding role's staff and the owner, as in production.
/// </remarks>
public static class SweepData
{
    public const int DueCases = 1_000;

    /// <summary>Open cases in the two data sets (due ones included).</summary>
    public static IReadOnlyList<int> Sizes { get; } = [10_000, 1_000_000];

    /// <summary>The sweep's "now": Tuesday 1 December 2026, 10:00 in Beijing.</summary>
    public static DateTime NowUtc { get; } = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private const string NumberPrefix = "QYKB-BENCH-";

    /// <summary>Not-due cases fall due one after another, this many seconds apart (a million cover about two months).</summary>
    private const int SecondsBetweenDeadlines = 5;

    public static string Number(int n) => NumberPrefix + n.ToString("D7", CultureInfo.InvariantCulture);

    public static Task<DataSet> EnsureAsync(int openCases, TextWriter log) =>
        CachedDatabase.EnsureAsync(
            $"sweep-{openCases}.db",
            $"sweep v1; open={openCases}; due={DueCases}; now={NowUtc:O}",
            path => BuildAsync(path, openCases),
            log);

    /// <summary>
    /// The deadline sweep's query, exactly as DeadlineSweeper.SweepOnceAsync writes it
    /// (src/Portal.Infrastructure/Cases/DeadlineSweeper.cs), to time it on its own.
    /// </summary>
    public static IQueryable<Case> DueQuery(PortalDbContext db, DateTime now, int batchSize) =>
        db.Cases
            .Where(c => c.IsOverdue == EF.Parameter(false) && c.StepDueAt != null && c.StepDueAt < now)
            .OrderBy(c => c.StepDueAt)
            .Take(batchSize);

    /// <summary>
    /// The sweeper's earlier form, kept for comparison: <c>!IsOverdue</c>, which EF writes as <c>NOT ("IsOverdue")</c> —
    /// SQLite cannot match that to the (IsOverdue, StepDueAt) index, so it read every case and sorted them.
    /// </summary>
    public static IQueryable<Case> NegatedDueQuery(PortalDbContext db, DateTime now, int batchSize) =>
        db.Cases
            .Where(c => !c.IsOverdue && c.StepDueAt != null && c.StepDueAt < now)
            .OrderBy(c => c.StepDueAt)
            .Take(batchSize);

    /// <summary>
    /// Undoes a sweep: the due cases are not overdue again (one UPDATE), and the rows the sweep added (their
    /// "Overdue" history rows and the notifications) are removed, so that the next sweep writes the same rows
    /// again instead of colliding with the unique notification keys. The WAL is folded back into the database so
    /// that every measured sweep starts from the same file state.
    /// </summary>
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            UPDATE "Cases" SET "IsOverdue" = 0, "OverdueSince" = NULL WHERE "Number" BETWEEN $first AND $last;
            DELETE FROM "CaseEvents" WHERE "Action" = 'Overdue';
            DELETE FROM "Notifications";
            PRAGMA wal_checkpoint(TRUNCATE);
            """;
        command.Parameters.AddWithValue("$first", Number(1));
        command.Parameters.AddWithValue("$last", Number(DueCases));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Writes the due-case query's SQL and SQLite's plan for it (which index, whether it sorts).</summary>
    public static async Task ExplainDueQueryAsync(string path, TextWriter log)
    {
        await using var db = CachedDatabase.Open(path);
        await using var command = DueQuery(db, NowUtc, DueCases).CreateDbCommand();
        var sql = command.CommandText.ReplaceLineEndings(" ");
        log.WriteLine("    due-case query: SELECT … " + sql[sql.IndexOf("FROM", StringComparison.Ordinal)..]);
        await db.Database.OpenConnectionAsync();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            log.WriteLine("    plan: " + reader.GetString(3));
        }
    }

    private static async Task BuildAsync(string path, int openCases)
    {
        var connectionString = CachedDatabase.ConnectionString(path);
        var (submittedId, acceptedId) = await SeedTemplatesAsync(connectionString);
        await CopyTemplatesAsync(connectionString, openCases, submittedId, acceptedId);

        await using var db = CachedDatabase.Open(path);
        var open = await db.Cases.CountAsync(c => c.ClosedAt == null);
        var due = await DueQuery(db, NowUtc, int.MaxValue).CountAsync();
        if (open != openCases || due != DueCases)
        {
            throw new InvalidOperationException($"Expected {openCases} open and {DueCases} due cases, found {open} and {due}.");
        }
    }

    /// <summary>Reference data and staff as a real installation has them, then the two template cases; returns their ids.</summary>
    private static async Task<(long Submitted, long Accepted)> SeedTemplatesAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalDatabase(_ => new DatabaseSettings(DatabaseSetup.Sqlite, connectionString));
        services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await ReferenceData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), ServiceRegistry.Definitions.Select(d => d.NumberPrefix));

        // Three window clerks and three 市场监管 reviewers: the holders an overdue mark notifies.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var staff = new List<PortalUser>();
        foreach (var (role, prefix, name) in new[] { (Roles.Window, "window", "窗口"), (Roles.Window, "window", "窗口"), (Roles.Window, "window", "窗口"), (Department.Market.ReviewerRole(), "market", "市场监管审批员"), (Department.Market.ReviewerRole(), "market", "市场监管审批员"), (Department.Market.ReviewerRole(), "market", "市场监管审批员") })
        {
            var user = new PortalUser { UserName = $"bench-{prefix}-{staff.Count + 1}", FullName = $"{name}{staff.Count + 1}", Kind = UserKind.Staff, CreatedAt = NowUtc.AddYears(-1) };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, role));
            staff.Add(user);
        }

        var clock = new DeadlineClock(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());
        var applicant = new CaseActor("bench-applicant-0", "张明", new HashSet<string> { Roles.Applicant });
        var window = new CaseActor(staff[0].Id, staff[0].FullName, new HashSet<string> { Roles.Window });
        var submittedAt = clock.ToUtc(new DateTime(2026, 11, 20, 9, 0, 0));
        CaseActionContext At(CaseActor actor, DateTime nowUtc) =>
            new(actor, nowUtc, clock, key => PolicyProfiles.Default.Find(key)?.Limit, EstablishmentService.Definition);

        var submitted = Case.Submit("QYKB-TEMPLATE-1", "泰安恒远商贸有限公司设立登记", (applicant.UserId, applicant.Name), Channel.Online, At(applicant, submittedAt));
        var accepted = Case.Submit("QYKB-TEMPLATE-2", "泰安恒远商贸有限公司设立登记", (applicant.UserId, applicant.Name), Channel.Online, At(applicant, submittedAt));
        accepted.Fire(CaseTrigger.Accept, At(window, submittedAt.AddMinutes(30)));
        db.Cases.AddRange(submitted, accepted);
        await db.SaveChangesAsync();
        return (submitted.Id, accepted.Id);
    }

    /// <summary>Copies the templates into <paramref name="openCases"/> cases with one statement, then removes the templates.</summary>
    private static async Task CopyTemplatesAsync(string connectionString, int openCases, long submittedId, long acceptedId)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;");

        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = """SELECT "name" FROM pragma_table_info('Cases') WHERE "name" <> 'Id' ORDER BY "cid" """;
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        // The templates go to a temporary table first: SQLite would otherwise buffer the whole result before inserting
        // into the table it reads from.
        const string dueAt = """strftime('%Y-%m-%d %H:%M:%S', $now, printf('%+d seconds', CASE WHEN s.n <= $due THEN -60 * ($due - s.n + 1) ELSE $gap * (s.n - $due) END))""";
        const string warnAt = """strftime('%Y-%m-%d %H:%M:%S', $now, printf('%+d seconds', CASE WHEN s.n <= $due THEN -60 * ($due - s.n + 1) - 3600 ELSE $gap * (s.n - $due) - 1 END))""";
        var values = new Dictionary<string, string>
        {
            ["Number"] = $"'{NumberPrefix}' || printf('%07d', s.n)",
            ["ApplicantId"] = "'bench-applicant-' || (s.n % 20000)",
            ["FiledById"] = "'bench-applicant-' || (s.n % 20000)",
            ["StepDueAt"] = dueAt,
            ["StepWarnAt"] = warnAt,
        };
        var select = string.Join(", ", columns.Select(c => values.TryGetValue(c, out var expression) ? expression : $"t.\"{c}\""));
        var sql = new StringBuilder()
            .AppendLine("""CREATE TEMP TABLE "Template" AS SELECT * FROM "Cases" WHERE "Id" IN ($submitted, $accepted);""")
            .AppendLine("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $total)")
            .AppendLine($"INSERT INTO \"Cases\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})")
            .AppendLine($"SELECT {select} FROM s JOIN temp.\"Template\" AS t ON t.\"Id\" = CASE WHEN s.n % 2 = 0 THEN $accepted ELSE $submitted END;")
            .AppendLine("""DELETE FROM "CaseEvents" WHERE "CaseId" IN ($submitted, $accepted);""")
            .AppendLine("""DELETE FROM "Cases" WHERE "Id" IN ($submitted, $accepted);""")
            .AppendLine("""DROP TABLE temp."Template";""")
            .ToString();
        await using (var copy = connection.CreateCommand())
        {
            copy.CommandText = sql;
            copy.CommandTimeout = 0;
            copy.Parameters.AddWithValue("$total", openCases);
            copy.Parameters.AddWithValue("$due", DueCases);
            copy.Parameters.AddWithValue("$gap", SecondsBetweenDeadlines);
            copy.Parameters.AddWithValue("$now", NowUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            copy.Parameters.AddWithValue("$submitted", submittedId);
            copy.Parameters.AddWithValue("$accepted", acceptedId);
            await copy.ExecuteNonQueryAsync();
        }

        // Back to the portal's journal mode (DatabaseSetup.MigrateAsync switches SQLite files to WAL).
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
