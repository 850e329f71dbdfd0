using Portal.Workflow;

namespace Portal.Web.Features.Shared;

/// <summary>A workflow drawn on a guide page: generated from the machine's <see cref="StateMachineInfo"/>, never by hand.</summary>
public sealed record WorkflowDiagram(string Title, StateMachineInfo Info, IReadOnlyDictionary<string, string> LimitsByState)
{
    public string Mermaid => DiagramExport.ToMermaid(Info);
}
