using Portal.Workflow;

namespace Portal.Web.Features.Shared;

/// <summary>
/// A workflow drawn on a guide page: generated from the machine's structure (Stateless' GetInfo(), through
/// <see cref="WorkflowMachine{TState, TTrigger}.Describe"/>), never by hand. <see cref="LimitsByState"/> holds the
/// page's own wording of a state's limit (with its source), by state label; otherwise the limit the active profile resolves.
/// </summary>
public sealed record WorkflowDiagram(string Title, WorkflowDescription Description, IReadOnlyDictionary<string, string> LimitsByState)
{
    private string? svg;

    /// <summary>The states reachable from the first one, in reading order (a service's unused shared states are left out).</summary>
    public IReadOnlyList<WorkflowState> States => Description.States;

    /// <summary>The inline SVG drawing (no script, nothing fetched).</summary>
    public string Svg => svg ??= WorkflowSvg.Render(Description, Title, LimitOf);

    /// <summary>The time limit shown under a state: the page's wording, the profile's limit, or none for a final state.</summary>
    public string? LimitOf(WorkflowState state) =>
        LimitsByState.TryGetValue(state.Label, out var text) ? text
        : state.Limit is { } limit ? limit.ToString()
        : state.IsFinal ? null
        : "不计时限";
}
