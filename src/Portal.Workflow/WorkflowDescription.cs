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
