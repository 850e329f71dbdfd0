using BenchmarkDotNet.Attributes;
using Portal.Domain.Cases;
using Portal.Workflow;

namespace Portal.Benchmarks.Workflow;

/// <summary>
/// <see cref="Case.Fire"/>: one guarded transition (提出不予受理 by the holding department: two guards, a new step with
/// a deadline computed from the calendar, one history row) on a case that already has 20 history rows.
/// </summary>
/// <remarks>
/// Firing changes the case, so the same case cannot be fired again and again. Alternating two triggers that go back
/// and forth would keep it firing, but its history would grow by millions of rows over a run and the measurement
/// would drift with it. Instead [IterationSetup] builds <see cref="Batch"/> fresh cases with 20 rows each, one
/// invocation fires once on each, and OperationsPerInvoke divides by the batch: the figures are per transition, on a
/// case like the ones the portal loads. Building the batch is not measured.
/// </remarks>
[MemoryDiagnoser]
[BatchJob]
public class CaseFireBenchmarks
{
    private const int Batch = 1_000;
    private readonly Case[] cases = new Case[Batch];
    private readonly CaseActionContext context = CaseKit.At(CaseKit.Market, CaseKit.NextActionUtc);

    [IterationSetup]
    public void FreshCases()
    {
        for (var i = 0; i < Batch; i++)
        {
            cases[i] = CaseKit.WithHistory(i + 1);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void FireGuardedTransition()
    {
        foreach (var c in cases)
        {
            c.Fire(CaseTrigger.ProposeRejection, context, CaseKit.Reason);
        }
    }

    [IterationCleanup]
    public void Verify()
    {
        foreach (var c in cases)
        {
            if (c.State != CaseState.RejectionProposed || c.History.Count != CaseKit.HistoryLength + 1)
            {
                throw new InvalidOperationException($"A case ended in {c.State} with {c.History.Count} history rows.");
            }
        }
    }
}

/// <summary>
/// What does not change the case: the actions a person may take now (<see cref="Case.PermittedActionsAsync"/>, as the case
/// page and the workbench ask it, with a probe carrying a reason), and building the case's state machine on its own
/// (<see cref="CaseWorkflow.Create"/>), which every Fire and PermittedActions call does first.
/// </summary>
[MemoryDiagnoser]
[MicroJob]
public class CaseQueryBenchmarks
{
    private static readonly CaseActionArgs Probe = new() { Reason = "probe", CommitmentDueUtc = CaseKit.NextActionUtc.AddDays(30) };
    private readonly Case subject = CaseKit.WithHistory(1);
    private readonly CaseActionContext context = CaseKit.At(CaseKit.Market, CaseKit.NextActionUtc);

    /// <summary>Asynchronous (Stateless' GetPermittedTriggersAsync); with only synchronous guards it completes at once.</summary>
    [Benchmark]
    public Task<IReadOnlyList<CaseTrigger>> PermittedActions() => subject.PermittedActionsAsync(context, Probe);

    [Benchmark]
    public WorkflowMachine<CaseState, CaseTrigger> BuildMachineOnly() => CaseWorkflow.Create(subject, context, () => Probe);
}
