using BenchmarkDotNet.Attributes;
using Portal.Workflow;

namespace Portal.Benchmarks.Workflow;

/// <summary>
/// The bare engine (Stateless 5.20.1 behind the portal's thin layer, src/Portal.Workflow), without the case domain: a
/// prebuilt two-state machine (a hall ticket that is called to a window and finished) with guarded transitions. Shows
/// what the engine itself costs per Fire and per permitted-triggers call, apart from the domain's history rows,
/// deadline computation and per-call machine build.
/// </summary>
[MemoryDiagnoser]
[MicroJob]
public class EngineBenchmarks
{
    private readonly WorkflowMachine<TicketState, TicketTrigger> machine;
    private TicketState state = TicketState.Waiting;
    private readonly bool windowOpen = true;

    public enum TicketState
    {
        Waiting,
        Serving,
    }

    public enum TicketTrigger
    {
        Call,
        Finish,
        Skip,
    }

    public EngineBenchmarks()
    {
        machine = new(() => state, s => state = s, s => s.ToString(), t => t.ToString());
        machine.Configure(TicketState.Waiting)
            .PermitIf(TicketTrigger.Call, TicketState.Serving, (() => windowOpen, "窗口未开放"))
            .PermitIf(TicketTrigger.Skip, TicketState.Serving, (() => !windowOpen, "窗口开放时不能过号"));
        machine.Configure(TicketState.Serving)
            .PermitIf(TicketTrigger.Finish, TicketState.Waiting, (() => windowOpen, "窗口未开放"));
    }

    /// <summary>Call then Finish: two guarded transitions that bring the machine back where it was, so every run is the same.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void EngineFire()
    {
        machine.Fire(TicketTrigger.Call);
        machine.Fire(TicketTrigger.Finish);
    }

    /// <summary>Two triggers configured, one guard passes (asynchronous: Stateless' synchronous call is obsolete).</summary>
    [Benchmark]
    public Task<IReadOnlyList<TicketTrigger>> EngineGetPermittedTriggers() => machine.PermittedTriggersAsync();
}
