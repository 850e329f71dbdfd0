using Portal.Workflow;

namespace Portal.Web.Features.Shared;

/// <summary>A workflow drawn on a guide page: generated from the machine's <see cref="StateMachineInfo"/>, never by hand.</summary>
public sealed record WorkflowDiagram(string Title, StateMachineInfo Info, IReadOnlyDictionary<string, string> LimitsByState)
{
    /// <summary>What is drawn: the states reachable from the first one (a service's unused shared states are left out).</summary>
    public StateMachineInfo Drawn { get; } = Info.ReachableOnly();

    public string Mermaid => DiagramExport.ToMermaid(Drawn);

    public IReadOnlyList<StateInfo> States => Drawn.States;
}
