namespace Portal.Workflow;

/// <summary>
/// A workflow's structure for guide pages and diagrams, taken from Stateless' GetInfo() by
/// <see cref="WorkflowMachine{TState, TTrigger}.Describe"/>: the first state, then the others in reading order.
/// </summary>
public sealed record WorkflowDescription(IReadOnlyList<WorkflowState> States)
{
    public WorkflowState Initial => States[0];

    public WorkflowState? Find(string key) => States.FirstOrDefault(s => s.Key == key);
}

/// <summary>One state: its key (the enum name), Chinese label, time limit (resolved when described) and where that limit comes from.</summary>
public sealed record WorkflowState(string Key, string Label, TimeLimit? Limit, string? LimitDescription, IReadOnlyList<WorkflowStep> Transitions)
{
    /// <summary>No way out: the case ends here.</summary>
    public bool IsFinal => Transitions.Count == 0;
}

/// <summary>One configured transition with the Chinese texts of its guards.</summary>
public sealed record WorkflowStep(string TriggerKey, string TriggerLabel, string DestinationKey, string DestinationLabel, IReadOnlyList<string> Guards);
