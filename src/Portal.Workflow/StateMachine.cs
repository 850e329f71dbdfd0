namespace Portal.Workflow;

/// <summary>
/// A small hierarchical state machine in the style of the Stateless library: configure states with
/// <see cref="Configure"/>, then <see cref="Fire(TTrigger)"/> triggers. Triggers fired while a
/// transition is in progress (from an action or event handler) are queued and run after it completes.
/// Not thread-safe.
/// </summary>
/// <typeparam name="TState">The state type (typically an enum).</typeparam>
/// <typeparam name="TTrigger">The trigger type (typically an enum).</typeparam>
public sealed partial class StateMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private static readonly EqualityComparer<TState> StateComparer = EqualityComparer<TState>.Default;
    private static readonly EqualityComparer<TTrigger> TriggerComparer = EqualityComparer<TTrigger>.Default;
    private static readonly string[] NoGuards = [];

    private readonly Dictionary<TState, StateRepresentation> _states = new();
    private readonly List<StateRepresentation> _stateOrder = new();
    private readonly Dictionary<TTrigger, TriggerWithParameters> _triggerParameters = new();
    private readonly Dictionary<TTrigger, string> _triggerLabels = new();
    private readonly List<TTrigger> _knownTriggers = new();
    private readonly HashSet<TTrigger> _knownTriggerSet = new();
    private readonly Queue<QueuedTrigger> _queue = new();

    private readonly Func<TState>? _accessor;
    private readonly Action<TState>? _mutator;
    private TState _state;

    private Action<TState, TTrigger, IReadOnlyList<string>> _unhandledTriggerHandler;
    private bool _firing;

    /// <summary>Creates a machine that stores its state internally.</summary>
    /// <param name="initialState">The initial state.</param>
    public StateMachine(TState initialState)
    {
        _state = initialState;
        _unhandledTriggerHandler = DefaultUnhandledTrigger;
    }

    /// <summary>
    /// Creates a machine whose state lives elsewhere (e.g. an entity property). The accessor is read
    /// every time the state is needed; the mutator is called exactly once per (non-internal) transition.
    /// </summary>
    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _accessor = stateAccessor;
        _mutator = stateMutator;
        _state = default!;
        _unhandledTriggerHandler = DefaultUnhandledTrigger;
    }

    /// <summary>Raised after the new state has been written and before entry actions run.</summary>
    public event Action<Transition<TState, TTrigger>>? Transitioned;

    /// <summary>Raised after the entry actions of a transition have run.</summary>
    public event Action<Transition<TState, TTrigger>>? TransitionCompleted;

    /// <summary>The current state.</summary>
    public TState State
    {
        get => _accessor is null ? _state : _accessor();
        private set
        {
            if (_mutator is null)
            {
                _state = value;
            }
            else
            {
                _mutator(value);
            }
        }
    }

    /// <summary>
    /// Triggers that can be fired now: their guards pass (guards that need trigger arguments are not
    /// evaluated), including those inherited from superstates, excluding ignored triggers.
    /// </summary>
    public IReadOnlyList<TTrigger> PermittedTriggers => GetPermittedTriggers();

    /// <summary>Begins (or continues) the configuration of <paramref name="state"/>.</summary>
    /// <returns>The same configuration object for the same state.</returns>
    public StateConfiguration Configure(TState state) => GetOrCreateRepresentation(state).Configuration;

    /// <summary>Declares that <paramref name="trigger"/> carries one argument of type <typeparamref name="TArg"/>.</summary>
    public TriggerWithParameters<TArg> SetTriggerParameters<TArg>(TTrigger trigger) =>
        RegisterTriggerParameters(new TriggerWithParameters<TArg>(trigger));

    /// <summary>Declares that <paramref name="trigger"/> carries two arguments.</summary>
    public TriggerWithParameters<TArg0, TArg1> SetTriggerParameters<TArg0, TArg1>(TTrigger trigger) =>
        RegisterTriggerParameters(new TriggerWithParameters<TArg0, TArg1>(trigger));

    /// <summary>
    /// Fires a trigger that has no parameters. Order: exit actions (innermost first, up to the common
    /// superstate), state written, <see cref="Transitioned"/>, entry actions (outermost first),
    /// <see cref="TransitionCompleted"/>. If an action throws, the queue of pending triggers is discarded.
    /// </summary>
    /// <exception cref="InvalidTransitionException">No permitted transition and no custom unhandled-trigger handler.</exception>
    /// <exception cref="ArgumentException">The trigger was declared with parameters.</exception>
    public void Fire(TTrigger trigger)
    {
        object?[] args = [];
        ValidateArguments(trigger, args);
        FireCore(trigger, args);
    }

    /// <summary>Fires a trigger with one typed argument.</summary>
    public void Fire<TArg>(TriggerWithParameters<TArg> trigger, TArg arg)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        object?[] args = [arg];
        ValidateArguments(trigger.Trigger, args);
        FireCore(trigger.Trigger, args);
    }

    /// <summary>Fires a trigger with two typed arguments.</summary>
    public void Fire<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        object?[] args = [arg0, arg1];
        ValidateArguments(trigger.Trigger, args);
        FireCore(trigger.Trigger, args);
    }

    /// <summary>Fires a parameterised trigger with untyped arguments (validated at run time).</summary>
    /// <exception cref="ArgumentException">Wrong argument count or type.</exception>
    public void Fire(TriggerWithParameters trigger, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(args);
        ValidateArguments(trigger.Trigger, args);
        FireCore(trigger.Trigger, args);
    }

    /// <summary>True when firing <paramref name="trigger"/> now would not go to the unhandled-trigger handler (ignored triggers count as fireable).</summary>
    public bool CanFire(TTrigger trigger) => CanFire(trigger, out _);

    /// <summary>
    /// Like <see cref="CanFire(TTrigger)"/>, also returning the descriptions of the guards that failed.
    /// Guards that need trigger arguments are not evaluated by this overload.
    /// </summary>
    public bool CanFire(TTrigger trigger, out IReadOnlyList<string> unmetGuards) =>
        CanFireCore(trigger, [], argsUsable: false, out unmetGuards);

    /// <summary>Checks whether a parameterised trigger can be fired with <paramref name="arg"/>, evaluating typed guards.</summary>
    public bool CanFire<TArg>(TriggerWithParameters<TArg> trigger, TArg arg, out IReadOnlyList<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        object?[] args = [arg];
        ValidateArguments(trigger.Trigger, args);
        return CanFireCore(trigger.Trigger, args, argsUsable: true, out unmetGuards);
    }

    /// <summary>Checks whether a two-argument trigger can be fired with the given arguments.</summary>
    public bool CanFire<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TArg0 arg0, TArg1 arg1, out IReadOnlyList<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        object?[] args = [arg0, arg1];
        ValidateArguments(trigger.Trigger, args);
        return CanFireCore(trigger.Trigger, args, argsUsable: true, out unmetGuards);
    }

    /// <summary>
    /// Triggers that can be fired now. Typed guards are evaluated with <paramref name="args"/> for
    /// triggers whose declared parameter types match them; otherwise typed guards are not evaluated.
    /// Ignored triggers are excluded. Order: current state's configuration order, then superstates'.
    /// </summary>
    public IReadOnlyList<TTrigger> GetPermittedTriggers(params object?[] args)
    {
        args ??= [];
        var result = new List<TTrigger>();
        var seen = new HashSet<TTrigger>();
        var current = GetOrCreateRepresentation(State);
        for (var rep = current; rep is not null; rep = rep.Superstate)
        {
            foreach (var trigger in rep.TriggerOrder)
            {
                if (!seen.Add(trigger))
                {
                    continue;
                }

                var usable = ArgumentsMatch(trigger, args);
                List<string>? unmet = null;
                var behaviour = Resolve(current, trigger, usable ? args : [], usable, ref unmet, out _);
                if (behaviour is not null && behaviour.Kind != BehaviourKind.Ignore)
                {
                    result.Add(trigger);
                }
            }
        }

        return result;
    }

    /// <summary>True when the current state is <paramref name="state"/> or one of its substates.</summary>
    public bool IsInState(TState state)
    {
        var current = State;
        if (StateComparer.Equals(current, state))
        {
            return true;
        }

        if (!_states.TryGetValue(current, out var rep))
        {
            return false;
        }

        for (var s = rep.Superstate; s is not null; s = s.Superstate)
        {
            if (StateComparer.Equals(s.State, state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The time limit configured for <paramref name="state"/> (a dynamic limit is evaluated now), or null.</summary>
    public TimeLimit? GetTimeLimit(TState state) =>
        _states.TryGetValue(state, out var rep) ? rep.ResolveTimeLimit() : null;

    /// <summary>
    /// Replaces the handler called when a trigger cannot be handled (default: throw
    /// <see cref="InvalidTransitionException"/>). The list holds the unmet guard descriptions.
    /// </summary>
    public void OnUnhandledTrigger(Action<TState, TTrigger, IReadOnlyList<string>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _unhandledTriggerHandler = handler;
    }

    /// <summary>Sets the display label of a state (same as <see cref="StateConfiguration.Named"/>).</summary>
    public StateMachine<TState, TTrigger> DescribeState(TState state, string label)
    {
        Configure(state).Named(label);
        return this;
    }

    /// <summary>Sets the display label of a trigger, used by messages, <see cref="GetInfo"/> and diagram export.</summary>
    public StateMachine<TState, TTrigger> DescribeTrigger(TTrigger trigger, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        RegisterTrigger(trigger);
        _triggerLabels[trigger] = label;
        return this;
    }

    /// <summary>The display label of a state: its description if set, otherwise <c>ToString()</c>.</summary>
    public string GetStateLabel(TState state) =>
        _states.TryGetValue(state, out var rep) && rep.Label is not null ? rep.Label : state.ToString() ?? string.Empty;

    /// <summary>The display label of a trigger: its description if set, otherwise <c>ToString()</c>.</summary>
    public string GetTriggerLabel(TTrigger trigger) =>
        _triggerLabels.TryGetValue(trigger, out var label) ? label : trigger.ToString() ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"StateMachine {{ State = {State} }}";

    private void FireCore(TTrigger trigger, object?[] args)
    {
        if (_firing)
        {
            _queue.Enqueue(new QueuedTrigger(trigger, args));
            return;
        }

        _firing = true;
        try
        {
            FireOne(trigger, args);
            while (_queue.TryDequeue(out var queued))
            {
                FireOne(queued.Trigger, queued.Args);
            }
        }
        finally
        {
            _queue.Clear();
            _firing = false;
        }
    }

    private void FireOne(TTrigger trigger, object?[] args)
    {
        var source = State;
        var sourceRep = GetOrCreateRepresentation(source);
        List<string>? unmet = null;
        var behaviour = Resolve(sourceRep, trigger, args, argsUsable: true, ref unmet, out var owner);
        if (behaviour is null)
        {
            _unhandledTriggerHandler(source, trigger, unmet is null ? NoGuards : unmet);
            return;
        }

        switch (behaviour.Kind)
        {
            case BehaviourKind.Ignore:
                return;

            case BehaviourKind.Internal:
                behaviour.InternalAction!(new Transition<TState, TTrigger>(source, source, trigger, args, isReentry: false, isInternal: true));
                return;
        }

        StateRepresentation destinationRep;
        StateRepresentation? boundary;
        bool isReentry;
        if (behaviour.Kind == BehaviourKind.Reentry)
        {
            destinationRep = owner!;
            boundary = owner!.Superstate;
            isReentry = true;
        }
        else
        {
            destinationRep = behaviour.DestinationRepresentation!;
            if (ReferenceEquals(destinationRep, sourceRep))
            {
                // A transition inherited from a superstate that leads back to the current state re-enters it.
                boundary = sourceRep.Superstate;
                isReentry = true;
            }
            else
            {
                boundary = CommonAncestor(sourceRep, destinationRep);
                isReentry = false;
            }
        }

        var destination = destinationRep.State;
        var transition = new Transition<TState, TTrigger>(
            source, destination, trigger, args, isReentry, isInternal: false, destinationRep.ResolveTimeLimit());

        for (var rep = sourceRep; rep is not null && !ReferenceEquals(rep, boundary); rep = rep.Superstate)
        {
            rep.RunExitActions(transition);
        }

        State = destination;
        Transitioned?.Invoke(transition);
        Enter(destinationRep, boundary, transition);
        TransitionCompleted?.Invoke(transition);
    }

    private static void Enter(StateRepresentation? rep, StateRepresentation? boundary, Transition<TState, TTrigger> transition)
    {
        if (rep is null || ReferenceEquals(rep, boundary))
        {
            return;
        }

        Enter(rep.Superstate, boundary, transition);
        rep.RunEntryActions(transition);
    }

    private static StateRepresentation? CommonAncestor(StateRepresentation a, StateRepresentation b)
    {
        for (var x = a; x is not null; x = x.Superstate)
        {
            if (x.IsAncestorOrSelfOf(b))
            {
                return x;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds the behaviour handling <paramref name="trigger"/> in <paramref name="rep"/> or its superstates:
    /// the first state (walking up) with a behaviour whose guards all pass wins.
    /// </summary>
    private TriggerBehaviour? Resolve(
        StateRepresentation rep,
        TTrigger trigger,
        object?[] args,
        bool argsUsable,
        ref List<string>? unmet,
        out StateRepresentation? owner)
    {
        for (var r = rep; r is not null; r = r.Superstate)
        {
            if (!r.Behaviours.TryGetValue(trigger, out var behaviours))
            {
                continue;
            }

            TriggerBehaviour? found = null;
            var foundCount = 0;
            var anySkipped = false;
            for (var i = 0; i < behaviours.Count; i++)
            {
                var b = behaviours[i];
                if (b.GuardsPass(args, argsUsable, ref unmet, out var skipped))
                {
                    found ??= b;
                    foundCount++;
                    anySkipped |= skipped;
                }
            }

            if (foundCount > 1 && !anySkipped)
            {
                throw new InvalidOperationException(
                    $"Trigger '{trigger}' has {foundCount} handlers in state '{r.State}' whose guards all pass; " +
                    "guards for the same trigger in one state must be mutually exclusive.");
            }

            if (found is not null)
            {
                owner = r;
                return found;
            }
        }

        owner = null;
        return null;
    }

    private bool CanFireCore(TTrigger trigger, object?[] args, bool argsUsable, out IReadOnlyList<string> unmetGuards)
    {
        List<string>? unmet = null;
        var behaviour = Resolve(GetOrCreateRepresentation(State), trigger, args, argsUsable, ref unmet, out _);
        if (behaviour is not null)
        {
            unmetGuards = NoGuards;
            return true;
        }

        unmetGuards = unmet is null ? NoGuards : unmet;
        return false;
    }

    private void DefaultUnhandledTrigger(TState state, TTrigger trigger, IReadOnlyList<string> unmetGuards) =>
        throw new InvalidTransitionException(state, trigger, unmetGuards, GetStateLabel(state), GetTriggerLabel(trigger));

    private void ValidateArguments(TTrigger trigger, object?[] args)
    {
        if (_triggerParameters.Count == 0 || !_triggerParameters.TryGetValue(trigger, out var declared))
        {
            if (args.Length != 0)
            {
                throw new ArgumentException(
                    $"Trigger '{trigger}' takes no parameters but {args.Length} argument(s) were given.", nameof(args));
            }

            return;
        }

        declared.Validate(args);
    }

    private bool ArgumentsMatch(TTrigger trigger, object?[] args) =>
        _triggerParameters.TryGetValue(trigger, out var declared) && declared.Matches(args);

    private T RegisterTriggerParameters<T>(T parameters)
        where T : TriggerWithParameters
    {
        if (_triggerParameters.TryGetValue(parameters.Trigger, out var existing))
        {
            if (existing is T same && existing.HasSameTypes(parameters))
            {
                return same;
            }

            throw new InvalidOperationException(
                $"Parameters for trigger '{parameters.Trigger}' have already been declared with different types.");
        }

        _triggerParameters.Add(parameters.Trigger, parameters);
        RegisterTrigger(parameters.Trigger);
        return parameters;
    }

    private void RegisterTrigger(TTrigger trigger)
    {
        if (_knownTriggerSet.Add(trigger))
        {
            _knownTriggers.Add(trigger);
        }
    }

    private StateRepresentation GetOrCreateRepresentation(TState state)
    {
        if (!_states.TryGetValue(state, out var rep))
        {
            rep = new StateRepresentation(this, state);
            _states.Add(state, rep);
            _stateOrder.Add(rep);
        }

        return rep;
    }

    private readonly record struct QueuedTrigger(TTrigger Trigger, object?[] Args);
}
