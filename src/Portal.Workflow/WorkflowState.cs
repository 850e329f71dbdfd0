namespace Portal.Workflow;

/// <summary>One state: its key (the enum name), Chinese label, time limit (resolved when described) and where that limit comes from.</summary>
public sealed record WorkflowState(string Key, string Label, TimeLimit? Limit, string? LimitDescription, IReadOnlyList<WorkflowStep> Transitions)
{
    /// <summary>No way out: the case ends here.</summary>
    public bool IsFinal => Transitions.Count == 0;
}
