namespace Portal.Workflow;

/// <summary>Describes one transition of a <see cref="StateMachine{TState, TTrigger}"/>.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class Transition<TState, TTrigger>
{
    /// <summary>Creates a transition description.</summary>
    public Transition(
        TState source,
        TState destination,
        TTrigger trigger,
        object?[]? parameters = null,
        bool isReentry = false,
        bool isInternal = false,
        TimeLimit? destinationTimeLimit = null)
    {
        Source = source;
        Destination = destination;
        Trigger = trigger;
        Parameters = parameters ?? [];
        IsReentry = isReentry;
        IsInternal = isInternal;
        DestinationTimeLimit = destinationTimeLimit;
    }

    /// <summary>The state the machine was in when the trigger was fired.</summary>
    public TState Source { get; }

    /// <summary>The state the machine is moving to (equal to <see cref="Source"/> for internal transitions).</summary>
    public TState Destination { get; }

    /// <summary>The trigger that caused the transition.</summary>
    public TTrigger Trigger { get; }

    /// <summary>True when the destination is exited and entered again (its exit and entry actions run).</summary>
    public bool IsReentry { get; }

    /// <summary>True for internal transitions: no exit/entry actions run and the state is not written.</summary>
    public bool IsInternal { get; }

    /// <summary>The arguments passed with a parameterised trigger (empty for plain triggers).</summary>
    public object?[] Parameters { get; }

    /// <summary>
    /// The destination's time limit resolved at transition time (also for re-entry, so that the
    /// host can recompute a deadline); null when none is configured or for internal transitions.
    /// </summary>
    public TimeLimit? DestinationTimeLimit { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Source} --{Trigger}--> {Destination}";
}
