using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Portal.Benchmarks.Data;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Establishment;

namespace Portal.Benchmarks.Establishment;

/// <summary>
/// 名称自主申报: <see cref="EnterpriseNameRegistry.CheckAsync"/> against 100,000 reserved names in a real SQLite file,
/// for a free name and for one that differs from a reserved name only in its organisation form and punctuation.
/// Target: under 5 ms. Each check gets a new context, as each request does; the normalisation alone is measured too.
/// </summary>
[MemoryDiagnoser]
[MicroJob]
public class NameCheckBenchmarks
{
    private DbContextOptions<SqlitePortalDbContext> options = null!;
    private string registered = "";
    private string conflicting = "";

    [GlobalSetup]
    public void Setup()
    {
        var data = NameData.EnsureAsync(Console.Out).GetAwaiter().GetResult();
        options = CachedDatabase.Options(data.Connection);

        // A name from the middle of the key order, and the same name written differently.
        using (var db = new SqlitePortalDbContext(options))
        {
            registered = db.NameReservations.AsNoTracking().OrderBy(r => r.NormalizedName).Skip(NameData.Count / 2).Select(r => r.Name).First();
        }

        conflicting = ChineseNames.Variant(registered);
        var free = Check(ChineseNames.FreeName).GetAwaiter().GetResult();
        var conflict = Check(conflicting).GetAwaiter().GetResult();
        if (!free.Ok || conflict.ConflictingName != registered)
        {
            throw new InvalidOperationException($"Unexpected outcomes: free → {free.Message}; {conflicting} → {conflict.Message}");
        }

        Console.WriteLine($"// conflicting name: {conflicting} (reserved as {registered})");
    }

    [Benchmark]
    public Task<NameCheck> CheckFreeName() => Check(ChineseNames.FreeName);

    [Benchmark]
    public Task<NameCheck> CheckConflictingName() => Check(conflicting);

    [Benchmark]
    public string NormalizeOnly() => EnterpriseNames.Normalize(conflicting);

    private async Task<NameCheck> Check(string name)
    {
        await using var db = new SqlitePortalDbContext(options);
        return await EnterpriseNameRegistry.CheckAsync(db, name, ownApplicationId: null, CancellationToken.None);
    }
}
