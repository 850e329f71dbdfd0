using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Workflow;

namespace Portal.Web.Features.Shared;

/// <summary>
/// A workflow drawn on a guide page: generated from the machine's structure (Stateless' GetInfo(), through
/// <see cref="WorkflowMachine{TState, TTrigger}.Describe"/>), never by hand. <see cref="LimitsByState"/> holds the
/// page's own wording of a state's limit (with its source), by state label; otherwise the limit the active profile resolves.
/// </summary>
public sealed partial record WorkflowDiagram(string Title, WorkflowDescription Description, IReadOnlyDictionary<string, string> LimitsByState)
{
    private string? svg;

    /// <summary>The states reachable from the first one, in reading order (a service's unused shared states are left out).</summary>
    public IReadOnlyList<WorkflowState> States => Description.States;

    /// <summary>The inline SVG drawing (no script, nothing fetched).</summary>
    public string Svg => svg ??= WorkflowSvg.Render(Description, Title, LimitOf);

    /// <summary>
    /// The narrowest the drawing is shown (<see cref="WorkflowSvg.MinScale"/> of its natural width); on a narrower screen
    /// it scrolls sideways. The page sets it with a spacer's width attribute: the Content-Security-Policy allows no style="…".
    /// </summary>
    public int MinWidth =>
        RootWidth().Match(Svg) is { Success: true } m && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
            ? (int)Math.Ceiling(width * WorkflowSvg.MinScale)
            : 0;

    /// <summary>The time limit shown under a state: the page's wording, the profile's limit, or none for a final state.</summary>
    public string? LimitOf(WorkflowState state) =>
        LimitsByState.TryGetValue(state.Label, out var text) ? text
        : state.Limit is { } limit ? limit.ToString()
        : state.IsFinal ? null
        : "不计时限";

    [GeneratedRegex(@"^<svg [^>]*?\bwidth=""([0-9.]+)""")]
    private static partial Regex RootWidth();
}
