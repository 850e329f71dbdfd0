using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Data;
using Portal.Domain.Cases;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;

namespace Portal.Benchmarks.Cases;

/// <summary>
/// <see cref="DeadlineSweeper.SweepOnceAsync"/> against a database of 10,000 and of 1,000,000 open cases, each with
/// exactly 1,000 due. The target is that the sweep's cost follows the due cases, not the open ones, so the two rows
/// should be close.
/// </summary>
/// <remarks>
/// A sweep marks the due cases, so [IterationSetup] un-marks them (one UPDATE, plus removing the history rows and
/// notifications the sweep wrote) and each iteration is one invocation: every measured sweep marks exactly 1,000
/// cases, and the benchmark fails if it marks any other number. The sweep's batch size is set to 1,000 (the default
/// is 500), so one measured sweep covers all due cases; with the default the portal needs two sweeps, 30 s apart.
/// Allocated is per sweep, i.e. for 1,000 marked cases.
/// </remarks>
[MemoryDiagnoser]
[DatabaseJob(iterations: 3)]
public class DeadlineSweepBenchmarks
{
    private ServiceProvider provider = null!;
    private DeadlineSweeper sweeper = null!;
    private string connection = "";

    [Params(10_000, 1_000_000)]
    public int OpenCases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        connection = SweepData.EnsureAsync(OpenCases, Console.Out).GetAwaiter().GetResult().Connection;
        provider = SweepServices.Build(connection, batchSize: SweepData.DueCases);
        sweeper = provider.GetRequiredService<DeadlineSweeper>();
    }

    [IterationSetup]
    public void Reset() => SweepData.ResetAsync(connection).GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> Sweep()
    {
        var marked = await sweeper.SweepOnceAsync(CancellationToken.None);
        return marked == SweepData.DueCases
            ? marked
            : throw new InvalidOperationException($"The sweep marked {marked} cases, expected {SweepData.DueCases}.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Leave the cached file as it was built: no case marked.
        SweepData.ResetAsync(connection).GetAwaiter().GetResult();
        provider.Dispose();
    }
}

/// <summary>
/// Only the sweep's due-case query (the first thing SweepOnceAsync does), at both sizes: if it used the
/// (IsOverdue, StepDueAt) index its time would not depend on the number of open cases.
/// </summary>
[MemoryDiagnoser]
[MicroJob]
public class DueCaseQueryBenchmarks
{
    private ServiceProvider provider = null!;

    [Params(10_000, 1_000_000)]
    public int OpenCases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = SweepData.EnsureAsync(OpenCases, Console.Out).GetAwaiter().GetResult();
        SweepData.ResetAsync(data.Connection).GetAwaiter().GetResult();
        provider = SweepServices.Build(data.Connection, batchSize: SweepData.DueCases);
    }

    [Benchmark]
    public Task<int> DueCaseQuery() => RunAsync(SweepData.DueQuery);

    /// <summary>The sweeper's earlier form of the query (see <see cref="SweepData.NegatedDueQuery"/>).</summary>
    [Benchmark]
    public Task<int> NegatedDueCaseQuery() => RunAsync(SweepData.NegatedDueQuery);

    [GlobalCleanup]
    public void Cleanup() => provider.Dispose();

    /// <summary>Runs a due-case query in a new scope and context, tracked, as the sweep does.</summary>
    private async Task<int> RunAsync(Func<PortalDbContext, DateTime, int, IQueryable<Case>> query)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var due = await query(db, SweepData.NowUtc, SweepData.DueCases).ToListAsync();
        return due.Count == SweepData.DueCases
            ? due.Count
            : throw new InvalidOperationException($"The query found {due.Count} due cases, expected {SweepData.DueCases}.");
    }
}
