namespace Portal.Workflow;

public sealed partial class StateMachine<TState, TTrigger>
{
    internal enum BehaviourKind
    {
        Transition,
        Reentry,
        Ignore,
        Internal,
    }

    /// <summary>A guard condition; typed guards read the trigger arguments.</summary>
    internal sealed class Guard(Func<object?[], bool> predicate, string description, bool needsArguments)
    {
        public Func<object?[], bool> Predicate { get; } = predicate;

        public string Description { get; } = description;

        public bool NeedsArguments { get; } = needsArguments;
    }

    /// <summary>One way a state handles a trigger: transition, re-entry, ignore or internal action.</summary>
    internal sealed class TriggerBehaviour(
        BehaviourKind kind,
        TTrigger trigger,
        StateRepresentation? destination,
        Guard[] guards,
        Action<Transition<TState, TTrigger>>? internalAction)
    {
        public BehaviourKind Kind { get; } = kind;

        public TTrigger Trigger { get; } = trigger;

        public StateRepresentation? DestinationRepresentation { get; } = destination;

        public Guard[] Guards { get; } = guards;

        public Action<Transition<TState, TTrigger>>? InternalAction { get; } = internalAction;

        /// <summary>
        /// Evaluates every guard (so that all failing descriptions are collected). Guards that need
        /// arguments are skipped when <paramref name="argsUsable"/> is false and reported via
        /// <paramref name="skipped"/>.
        /// </summary>
        public bool GuardsPass(object?[] args, bool argsUsable, ref List<string>? unmet, out bool skipped)
        {
            skipped = false;
            var ok = true;
            var guards = Guards;
            for (var i = 0; i < guards.Length; i++)
            {
                var guard = guards[i];
                if (guard.NeedsArguments && !argsUsable)
                {
                    skipped = true;
                    continue;
                }

                if (!guard.Predicate(args))
                {
                    ok = false;
                    unmet ??= new List<string>(2);
                    if (!unmet.Contains(guard.Description))
                    {
                        unmet.Add(guard.Description);
                    }
                }
            }

            return ok;
        }
    }

    /// <summary>An entry or exit action, optionally restricted to one trigger (OnEntryFrom).</summary>
    internal sealed class StateAction(
        Action<Transition<TState, TTrigger>> action,
        string? description,
        bool hasTrigger,
        TTrigger? trigger)
    {
        public Action<Transition<TState, TTrigger>> Action { get; } = action;

        public string? Description { get; } = description;

        public bool HasTrigger { get; } = hasTrigger;

        public TTrigger? Trigger { get; } = trigger;
    }

    /// <summary>Everything configured for one state.</summary>
    internal sealed class StateRepresentation
    {
        public StateRepresentation(StateMachine<TState, TTrigger> machine, TState state)
        {
            State = state;
            Configuration = new StateConfiguration(machine, this);
        }

        public TState State { get; }

        public StateConfiguration Configuration { get; }

        public string? Label { get; set; }

        public StateRepresentation? Superstate { get; set; }

        public List<StateRepresentation> Substates { get; } = new();

        public Dictionary<TTrigger, List<TriggerBehaviour>> Behaviours { get; } = new();

        /// <summary>Triggers in the order they were first configured on this state.</summary>
        public List<TTrigger> TriggerOrder { get; } = new();

        public List<StateAction> EntryActions { get; } = new();

        public List<StateAction> ExitActions { get; } = new();

        public TimeLimit? FixedTimeLimit { get; set; }

        public Func<TimeLimit?>? DynamicTimeLimit { get; set; }

        public string? DynamicTimeLimitDescription { get; set; }

        public TimeLimit? ResolveTimeLimit() => DynamicTimeLimit is not null ? DynamicTimeLimit() : FixedTimeLimit;

        public bool IsAncestorOrSelfOf(StateRepresentation other)
        {
            for (var x = other; x is not null; x = x.Superstate)
            {
                if (ReferenceEquals(x, this))
                {
                    return true;
                }
            }

            return false;
        }

        public void AddBehaviour(TriggerBehaviour behaviour)
        {
            if (!Behaviours.TryGetValue(behaviour.Trigger, out var list))
            {
                list = new List<TriggerBehaviour>(1);
                Behaviours.Add(behaviour.Trigger, list);
                TriggerOrder.Add(behaviour.Trigger);
            }

            list.Add(behaviour);
        }

        public void RunEntryActions(Transition<TState, TTrigger> transition)
        {
            var actions = EntryActions;
            for (var i = 0; i < actions.Count; i++)
            {
                var a = actions[i];
                if (!a.HasTrigger || TriggerComparer.Equals(a.Trigger!, transition.Trigger))
                {
                    a.Action(transition);
                }
            }
        }

        public void RunExitActions(Transition<TState, TTrigger> transition)
        {
            var actions = ExitActions;
            for (var i = 0; i < actions.Count; i++)
            {
                actions[i].Action(transition);
            }
        }
    }
}
