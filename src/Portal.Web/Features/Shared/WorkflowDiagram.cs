using Portal.Workflow;

namespace Portal.Web.Features.Shared;

/// <summary>A workflow drawn on a guide page: generated from the machine's <see cref="StateMachineInfo"/>, never by hand.</summary>
public sealed record WorkflowDiagram(string Title, StateMachineInfo Info, IReadOnlyDictionary<string, string> LimitsByState)
{
    public string Mermaid => DiagramExport.ToMermaid(Info);

    /// <summary>The states reachable from the initial one, in the machine's order (a service's unused shared states are left out).</summary>
    public IReadOnlyList<StateInfo> States
    {
        get
        {
            var seen = new HashSet<StateInfo> { Info.InitialState };
            var queue = new Queue<StateInfo>([Info.InitialState]);
            while (queue.TryDequeue(out var state))
            {
                foreach (var t in state.FixedTransitions.Where(t => seen.Add(t.Destination)))
                {
                    queue.Enqueue(t.Destination);
                }
            }

            return Info.States.Where(seen.Contains).ToList();
        }
    }
}
