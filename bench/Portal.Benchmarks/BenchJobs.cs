using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Portal.Benchmarks;

/// <summary>
/// Nanosecond-to-microsecond benchmarks (engine, calendar, a primary-key lookup): one process, 3 warm-up and 6 measured
/// iterations of about half a second each. Shorter than BenchmarkDotNet's default job so that the whole suite fits in
/// about a quarter of an hour on two cores; the error column says how much that costs in precision.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MicroJobAttribute() : JobConfigBaseAttribute(
    Job.Default.WithId("Micro").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(6));

/// <summary>
/// For a benchmark that mutates its subject and needs a fresh one per measurement: [IterationSetup] prepares a batch,
/// one invocation works through the whole batch (<c>OperationsPerInvoke</c> divides by its size).
/// InvocationCount = 1 is what BenchmarkDotNet requires for an iteration setup to run before every measurement.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BatchJobAttribute() : JobConfigBaseAttribute(
    Job.Default.WithId("Batch").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(12)
        .WithInvocationCount(1).WithUnrollFactor(1));

/// <summary>
/// Database macro-benchmarks that take milliseconds to seconds: no pilot or overhead stage (Monitoring strategy),
/// one invocation per iteration so an [IterationSetup] can reset the data before each measured run.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DatabaseJobAttribute(int iterations) : JobConfigBaseAttribute(
    Job.Default.WithId("Database").WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
        .WithIterationCount(iterations).WithInvocationCount(1).WithUnrollFactor(1));
