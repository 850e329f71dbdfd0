namespace Portal.Workflow;

/// <summary>A snapshot of a state machine's configuration, for documentation and diagram export.</summary>
public sealed class StateMachineInfo
{
    internal StateMachineInfo(StateInfo initialState, IReadOnlyList<StateInfo> states, IReadOnlyList<TriggerInfo> triggers, Type stateType, Type triggerType)
    {
        InitialState = initialState;
        States = states;
        Triggers = triggers;
        StateType = stateType;
        TriggerType = triggerType;
    }

    /// <summary>The machine's state at the time <c>GetInfo()</c> was called.</summary>
    public StateInfo InitialState { get; }

    /// <summary>All known states, in the order they were first configured or referenced.</summary>
    public IReadOnlyList<StateInfo> States { get; }

    /// <summary>All known triggers, in the order they were first configured or referenced.</summary>
    public IReadOnlyList<TriggerInfo> Triggers { get; }

    /// <summary>The machine's state type.</summary>
    public Type StateType { get; }

    /// <summary>The machine's trigger type.</summary>
    public Type TriggerType { get; }

    /// <summary>
    /// The same snapshot with only the states reachable from <see cref="InitialState"/> through configured
    /// transitions (guards ignored), with their superstates: what a diagram of one use of a shared table draws.
    /// </summary>
    public StateMachineInfo ReachableOnly()
    {
        var seen = new HashSet<StateInfo> { InitialState };
        var queue = new Queue<StateInfo>([InitialState]);
        while (queue.TryDequeue(out var state))
        {
            var next = state.FixedTransitions.Select(t => t.Destination);
            if (state.Superstate is not null)
            {
                next = next.Append(state.Superstate);
            }

            foreach (var s in next.Where(seen.Add))
            {
                queue.Enqueue(s);
            }
        }

        return new StateMachineInfo(InitialState, States.Where(seen.Contains).ToList(), Triggers, StateType, TriggerType);
    }
}

/// <summary>Configuration of one state.</summary>
public sealed class StateInfo
{
    internal StateInfo(object underlyingState, string label)
    {
        UnderlyingState = underlyingState;
        Label = label;
    }

    /// <summary>The state value.</summary>
    public object UnderlyingState { get; }

    /// <summary>The display label (described label or <c>ToString()</c>).</summary>
    public string Label { get; }

    /// <summary>The superstate, if any.</summary>
    public StateInfo? Superstate { get; internal set; }

    /// <summary>Direct substates, in configuration order.</summary>
    public IReadOnlyList<StateInfo> Substates { get; internal set; } = [];

    /// <summary>Entry actions in execution order.</summary>
    public IReadOnlyList<ActionInfo> EntryActions { get; internal set; } = [];

    /// <summary>Exit actions in execution order.</summary>
    public IReadOnlyList<ActionInfo> ExitActions { get; internal set; } = [];

    /// <summary>The fixed time limit, if one is configured.</summary>
    public TimeLimit? FixedTimeLimit { get; internal set; }

    /// <summary>True when the time limit is resolved dynamically on entry.</summary>
    public bool HasDynamicTimeLimit { get; internal set; }

    /// <summary>Text of the time limit: the fixed limit (e.g. "4个工作小时") or the dynamic limit's description; null if none.</summary>
    public string? TimeLimitDescription { get; internal set; }

    /// <summary>Transitions (including re-entries) configured on this state.</summary>
    public IReadOnlyList<FixedTransitionInfo> FixedTransitions { get; internal set; } = [];

    /// <summary>Triggers ignored in this state.</summary>
    public IReadOnlyList<TriggerRuleInfo> IgnoredTriggers { get; internal set; } = [];

    /// <summary>Triggers handled by internal transitions in this state.</summary>
    public IReadOnlyList<TriggerRuleInfo> InternalTransitions { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>A trigger and its display label.</summary>
public sealed class TriggerInfo
{
    internal TriggerInfo(object underlyingTrigger, string label, IReadOnlyList<Type> parameterTypes)
    {
        UnderlyingTrigger = underlyingTrigger;
        Label = label;
        ParameterTypes = parameterTypes;
    }

    /// <summary>The trigger value.</summary>
    public object UnderlyingTrigger { get; }

    /// <summary>The display label (described label or <c>ToString()</c>).</summary>
    public string Label { get; }

    /// <summary>Declared argument types (empty for plain triggers).</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>A configured transition from one state to another (or a re-entry).</summary>
public sealed class FixedTransitionInfo
{
    internal FixedTransitionInfo(TriggerInfo trigger, StateInfo destination, IReadOnlyList<string> guardDescriptions, bool isReentry)
    {
        Trigger = trigger;
        Destination = destination;
        GuardDescriptions = guardDescriptions;
        IsReentry = isReentry;
    }

    /// <summary>The trigger.</summary>
    public TriggerInfo Trigger { get; }

    /// <summary>The trigger's display label.</summary>
    public string TriggerLabel => Trigger.Label;

    /// <summary>The destination state.</summary>
    public StateInfo Destination { get; }

    /// <summary>Descriptions of the guards that must all hold.</summary>
    public IReadOnlyList<string> GuardDescriptions { get; }

    /// <summary>True for <c>PermitReentry</c>.</summary>
    public bool IsReentry { get; }
}

/// <summary>An ignored trigger or an internal transition, with its guards.</summary>
public sealed class TriggerRuleInfo
{
    internal TriggerRuleInfo(TriggerInfo trigger, IReadOnlyList<string> guardDescriptions)
    {
        Trigger = trigger;
        GuardDescriptions = guardDescriptions;
    }

    /// <summary>The trigger.</summary>
    public TriggerInfo Trigger { get; }

    /// <summary>Descriptions of the guards that must all hold.</summary>
    public IReadOnlyList<string> GuardDescriptions { get; }
}

/// <summary>An entry or exit action.</summary>
public sealed class ActionInfo
{
    internal ActionInfo(string? description, TriggerInfo? fromTrigger)
    {
        Description = description;
        FromTrigger = fromTrigger;
    }

    /// <summary>The description given when the action was configured (null if none).</summary>
    public string? Description { get; }

    /// <summary>For <c>OnEntryFrom</c>: the trigger the action is restricted to.</summary>
    public TriggerInfo? FromTrigger { get; }

    /// <inheritdoc />
    public override string ToString() => Description ?? "(action)";
}
