namespace Portal.Workflow;

/// <summary>One configured transition with the Chinese texts of its guards.</summary>
public sealed record WorkflowStep(string TriggerKey, string TriggerLabel, string DestinationKey, string DestinationLabel, IReadOnlyList<string> Guards);
