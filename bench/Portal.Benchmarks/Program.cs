using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Portal.Benchmarks.Data;

namespace Portal.Benchmarks;

/// <summary>
/// Entry point. <c>--prepare</c> builds (or checks and reuses) the cached SQLite data sets and reports how long each took
/// to build, so that building them is never part of a measurement; anything else goes to BenchmarkDotNet's switcher
/// (e.g. <c>--filter '*Sweep*'</c>). scripts/bench.sh runs both.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--prepare", ..])
        {
            await PrepareAsync();
            return 0;
        }

        var artifacts = Environment.GetEnvironmentVariable("PORTAL_BENCH_ARTIFACTS") is { Length: > 0 } path
            ? path
            : Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "bench");
        var config = DefaultConfig.Instance
            .WithArtifactsPath(artifacts)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(30))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static async Task PrepareAsync()
    {
        Console.WriteLine($"Benchmark data folder: {CachedDatabase.Folder}");
        var total = Stopwatch.StartNew();
        var names = await NameData.EnsureAsync(Console.Out);
        Console.WriteLine($"  {Path.GetFileName(names.Path)}: {names.Describe()}");
        foreach (var size in SweepData.Sizes)
        {
            var sweep = await SweepData.EnsureAsync(size, Console.Out);
            Console.WriteLine($"  {Path.GetFileName(sweep.Path)}: {sweep.Describe()}");
            await SweepData.ExplainDueQueryAsync(sweep.Path, Console.Out);
        }

        Console.WriteLine($"Data sets ready in {total.Elapsed.TotalSeconds:F1} s.");
    }
}
