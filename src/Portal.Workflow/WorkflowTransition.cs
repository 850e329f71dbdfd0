namespace Portal.Workflow;

/// <summary>One transition as the portal records it; <c>DestinationTimeLimit</c> is the destination's limit resolved at the transition (null when it has none).</summary>
public sealed record WorkflowTransition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger, bool IsReentry, TimeLimit? DestinationTimeLimit);
