using Stateless;

namespace Portal.Workflow;

/// <summary>
/// A Stateless <see cref="StateMachine{TState, TTrigger}"/> with what the portal adds around it: Chinese labels for
/// states and triggers, a time limit per state (resolved when the state is entered), a refusal that carries the unmet
/// guards' Chinese texts (<see cref="InvalidTransitionException"/>, installed through Stateless' unhandled-trigger hook),
/// the transition event with the destination's resolved limit, and <see cref="Describe"/> for the diagrams.
/// Transitions, guards and entry/exit actions are configured on Stateless itself through <see cref="Configure(TState)"/>.
/// One instance per action (it reads and writes the entity's state through the accessor and mutator); not thread-safe.
/// </summary>
public sealed class WorkflowMachine<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private readonly Func<TState, string> stateLabel;
    private readonly Func<TTrigger, string> triggerLabel;
    private readonly Dictionary<TState, (Func<TimeLimit?> Resolve, string Description)> limits = new();
    private Dictionary<TTrigger, string>? renamed;

    /// <summary>Creates the machine over state stored elsewhere (an entity's property).</summary>
    public WorkflowMachine(Func<TState> stateAccessor, Action<TState> stateMutator, Func<TState, string> stateLabel, Func<TTrigger, string> triggerLabel)
    {
        ArgumentNullException.ThrowIfNull(stateLabel);
        ArgumentNullException.ThrowIfNull(triggerLabel);
        this.stateLabel = stateLabel;
        this.triggerLabel = triggerLabel;
        Machine = new StateMachine<TState, TTrigger>(stateAccessor, stateMutator);
        Machine.OnUnhandledTrigger((state, trigger, unmet) =>
            throw new InvalidTransitionException(state, trigger, Distinct(unmet), LabelOf(state), LabelOf(trigger)));
        Machine.OnTransitioned(t =>
            Transitioned?.Invoke(new WorkflowTransition<TState, TTrigger>(t.Source, t.Destination, t.Trigger, t.IsReentry, GetTimeLimit(t.Destination))));
    }

    /// <summary>The Stateless machine underneath.</summary>
    public StateMachine<TState, TTrigger> Machine { get; }

    /// <summary>The current state (read through the accessor).</summary>
    public TState State => Machine.State;

    /// <summary>
    /// Raised once per transition after the exit actions and the state write, before the entry actions (Stateless'
    /// OnTransitioned), with the destination's time limit resolved now.
    /// </summary>
    public event Action<WorkflowTransition<TState, TTrigger>>? Transitioned;

    /// <summary>Begins (or continues) configuring <paramref name="state"/> on Stateless.</summary>
    public StateMachine<TState, TTrigger>.StateConfiguration Configure(TState state) => Machine.Configure(state);

    /// <summary>
    /// Configures <paramref name="state"/> with a processing time limit resolved each time the state is entered (e.g.
    /// from the active policy profile); <paramref name="description"/> says where it comes from.
    /// </summary>
    public StateMachine<TState, TTrigger>.StateConfiguration Configure(TState state, Func<TimeLimit?> timeLimit, string description)
    {
        ArgumentNullException.ThrowIfNull(timeLimit);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        limits[state] = (timeLimit, description);
        return Machine.Configure(state);
    }

    /// <summary>Gives a trigger this machine's own label (a service's name for a shared action, e.g. 核准注销登记 for 办结).</summary>
    public void LabelTrigger(TTrigger trigger, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        (renamed ??= new())[trigger] = label;
    }

    /// <summary>Fires <paramref name="trigger"/>; throws <see cref="InvalidTransitionException"/> when it is not allowed now.</summary>
    public void Fire(TTrigger trigger) => Machine.Fire(trigger);

    /// <summary>Whether <paramref name="trigger"/> can be fired now.</summary>
    public bool CanFire(TTrigger trigger) => Machine.CanFire(trigger);

    /// <summary>Whether <paramref name="trigger"/> can be fired now; if not, the Chinese texts of the guards that fail (empty when the state has no such action).</summary>
    public bool CanFire(TTrigger trigger, out IReadOnlyList<string> unmetGuards)
    {
        var can = Machine.CanFire(trigger, out var unmet);
        unmetGuards = can ? [] : Distinct(unmet);
        return can;
    }

    /// <summary>
    /// The triggers whose guards pass now, in the order the state configures them (Stateless' asynchronous call; its
    /// synchronous one is obsolete in 5.20 and runs the guards on another thread).
    /// </summary>
    public async Task<IReadOnlyList<TTrigger>> PermittedTriggersAsync() => [.. await Machine.GetPermittedTriggersAsync()];

    /// <summary>The time limit of <paramref name="state"/> resolved now, or null when it has none.</summary>
    public TimeLimit? GetTimeLimit(TState state) => limits.TryGetValue(state, out var limit) ? limit.Resolve() : null;

    /// <summary>Where the time limit of <paramref name="state"/> comes from, or null when it has none.</summary>
    public string? TimeLimitDescription(TState state) => limits.TryGetValue(state, out var limit) ? limit.Description : null;

    public string LabelOf(TState state) => stateLabel(state);

    public string LabelOf(TTrigger trigger) => renamed is not null && renamed.TryGetValue(trigger, out var label) ? label : triggerLabel(trigger);

    /// <summary>
    /// The machine's structure from Stateless' <see cref="StateMachine{TState, TTrigger}.GetInfo"/>: the states reachable
    /// from the current one (guards ignored) in the order a reader follows them (breadth first, final states last), with
    /// labels, limits and guard texts.
    /// </summary>
    public WorkflowDescription Describe()
    {
        var info = Machine.GetInfo();
        var byState = info.States.ToDictionary(s => (TState)s.UnderlyingState);
        var start = State;
        var order = new List<TState> { start };
        var seen = new HashSet<TState> { start };
        for (var i = 0; i < order.Count; i++)
        {
            if (!byState.TryGetValue(order[i], out var stateInfo))
            {
                continue;
            }

            foreach (var t in stateInfo.FixedTransitions)
            {
                var destination = (TState)t.DestinationState.UnderlyingState;
                if (seen.Add(destination))
                {
                    order.Add(destination);
                }
            }
        }

        // Final states (no way out) read last, in the order they were reached.
        var states = order.OrderBy(state => byState.TryGetValue(state, out var i) && i.FixedTransitions.Any() ? 0 : 1).Select(state =>
        {
            var transitions = byState.TryGetValue(state, out var stateInfo)
                ? stateInfo.FixedTransitions.Select(t =>
                {
                    var trigger = (TTrigger)t.Trigger.UnderlyingTrigger;
                    var destination = (TState)t.DestinationState.UnderlyingState;
                    return new WorkflowStep(
                        trigger.ToString() ?? "",
                        LabelOf(trigger),
                        destination.ToString() ?? "",
                        LabelOf(destination),
                        t.GuardConditionsMethodDescriptions.Select(g => g.Description).ToList());
                }).ToList()
                : [];
            return new WorkflowState(state.ToString() ?? "", LabelOf(state), GetTimeLimit(state), TimeLimitDescription(state), transitions);
        }).ToList();
        return new WorkflowDescription(states);
    }

    private static IReadOnlyList<string> Distinct(ICollection<string>? unmet) =>
        unmet is null || unmet.Count == 0 ? [] : unmet.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct().ToList();
}
