namespace Portal.Workflow;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>Fluent configuration of one state, obtained from <see cref="Configure"/>.</summary>
    public sealed class StateConfiguration
    {
        private readonly StateMachine<TState, TTrigger> _machine;
        private readonly StateRepresentation _rep;

        internal StateConfiguration(StateMachine<TState, TTrigger> machine, StateRepresentation representation)
        {
            _machine = machine;
            _rep = representation;
        }

        /// <summary>The state being configured.</summary>
        public TState State => _rep.State;

        /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired.</summary>
        /// <exception cref="ArgumentException">The destination is this state (use <see cref="PermitReentry"/> or <see cref="Ignore"/>).</exception>
        public StateConfiguration Permit(TTrigger trigger, TState destination) =>
            AddTransition(trigger, destination, []);

        /// <summary>Like <see cref="Permit"/>, only when <paramref name="guard"/> returns true.</summary>
        public StateConfiguration PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription) =>
            AddTransition(trigger, destination, [PlainGuard(guard, guardDescription)]);

        /// <summary>Like <see cref="Permit"/>, only when all <paramref name="guards"/> return true.</summary>
        public StateConfiguration PermitIf(TTrigger trigger, TState destination, params (Func<bool> Guard, string Description)[] guards)
        {
            ArgumentNullException.ThrowIfNull(guards);
            var converted = new Guard[guards.Length];
            for (var i = 0; i < guards.Length; i++)
            {
                converted[i] = PlainGuard(guards[i].Guard, guards[i].Description);
            }

            return AddTransition(trigger, destination, converted);
        }

        /// <summary>Guarded transition for a parameterised trigger; the guard receives the argument.</summary>
        public StateConfiguration PermitIf<TArg>(TriggerWithParameters<TArg> trigger, TState destination, Func<TArg, bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(guard);
            return AddTransition(trigger.Trigger, destination, [TypedGuard(args => guard((TArg)args[0]!), guardDescription)]);
        }

        /// <summary>Guarded transition for a two-argument trigger; the guard receives both arguments.</summary>
        public StateConfiguration PermitIf<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, TState destination, Func<TArg0, TArg1, bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(guard);
            return AddTransition(trigger.Trigger, destination, [TypedGuard(args => guard((TArg0)args[0]!, (TArg1)args[1]!), guardDescription)]);
        }

        /// <summary>
        /// Exits and re-enters this state when <paramref name="trigger"/> is fired. Declared on a
        /// superstate and fired from one of its substates, the substate and the superstate are exited
        /// and the superstate is entered again.
        /// </summary>
        public StateConfiguration PermitReentry(TTrigger trigger) => AddBehaviour(BehaviourKind.Reentry, trigger, null, [], null);

        /// <summary>Like <see cref="PermitReentry"/>, only when <paramref name="guard"/> returns true.</summary>
        public StateConfiguration PermitReentryIf(TTrigger trigger, Func<bool> guard, string guardDescription) =>
            AddBehaviour(BehaviourKind.Reentry, trigger, null, [PlainGuard(guard, guardDescription)], null);

        /// <summary>Accepts <paramref name="trigger"/> without doing anything (no actions, no events).</summary>
        public StateConfiguration Ignore(TTrigger trigger) => AddBehaviour(BehaviourKind.Ignore, trigger, null, [], null);

        /// <summary>Like <see cref="Ignore"/>, only when <paramref name="guard"/> returns true.</summary>
        public StateConfiguration IgnoreIf(TTrigger trigger, Func<bool> guard, string guardDescription) =>
            AddBehaviour(BehaviourKind.Ignore, trigger, null, [PlainGuard(guard, guardDescription)], null);

        /// <summary>
        /// Runs <paramref name="action"/> without leaving the state: no exit/entry actions, the state is
        /// not written and no <c>Transitioned</c>/<c>TransitionCompleted</c> events are raised.
        /// </summary>
        public StateConfiguration InternalTransition(TTrigger trigger, Action<Transition<TState, TTrigger>> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddBehaviour(BehaviourKind.Internal, trigger, null, [], action);
        }

        /// <summary>Like <see cref="InternalTransition(TTrigger, Action{Transition{TState, TTrigger}})"/>, only when the guard passes.</summary>
        public StateConfiguration InternalTransitionIf(TTrigger trigger, Func<bool> guard, string guardDescription, Action<Transition<TState, TTrigger>> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddBehaviour(BehaviourKind.Internal, trigger, null, [PlainGuard(guard, guardDescription)], action);
        }

        /// <summary>Internal transition for a parameterised trigger; the action receives the argument.</summary>
        public StateConfiguration InternalTransition<TArg>(TriggerWithParameters<TArg> trigger, Action<TArg, Transition<TState, TTrigger>> action)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(action);
            return AddBehaviour(BehaviourKind.Internal, trigger.Trigger, null, [], t => action((TArg)t.Parameters[0]!, t));
        }

        /// <summary>Runs <paramref name="action"/> whenever the state is entered.</summary>
        public StateConfiguration OnEntry(Action action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(_ => action(), description, false, default);
        }

        /// <summary>Runs <paramref name="action"/> whenever the state is entered, with the transition.</summary>
        public StateConfiguration OnEntry(Action<Transition<TState, TTrigger>> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(action, description, false, default);
        }

        /// <summary>Runs <paramref name="action"/> when the state is entered by <paramref name="trigger"/>.</summary>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(_ => action(), description, true, trigger);
        }

        /// <summary>Runs <paramref name="action"/> when the state is entered by <paramref name="trigger"/>, with the transition.</summary>
        public StateConfiguration OnEntryFrom(TTrigger trigger, Action<Transition<TState, TTrigger>> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(action, description, true, trigger);
        }

        /// <summary>Runs <paramref name="action"/> with the trigger's argument when the state is entered by <paramref name="trigger"/>.</summary>
        public StateConfiguration OnEntryFrom<TArg>(TriggerWithParameters<TArg> trigger, Action<TArg, Transition<TState, TTrigger>> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(t => action((TArg)t.Parameters[0]!, t), description, true, trigger.Trigger);
        }

        /// <summary>Runs <paramref name="action"/> with both arguments when the state is entered by <paramref name="trigger"/>.</summary>
        public StateConfiguration OnEntryFrom<TArg0, TArg1>(TriggerWithParameters<TArg0, TArg1> trigger, Action<TArg0, TArg1, Transition<TState, TTrigger>> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(trigger);
            ArgumentNullException.ThrowIfNull(action);
            return AddEntry(t => action((TArg0)t.Parameters[0]!, (TArg1)t.Parameters[1]!, t), description, true, trigger.Trigger);
        }

        /// <summary>Runs <paramref name="action"/> whenever the state is exited.</summary>
        public StateConfiguration OnExit(Action action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            _rep.ExitActions.Add(new StateAction(_ => action(), description, false, default));
            return this;
        }

        /// <summary>Runs <paramref name="action"/> whenever the state is exited, with the transition.</summary>
        public StateConfiguration OnExit(Action<Transition<TState, TTrigger>> action, string? description = null)
        {
            ArgumentNullException.ThrowIfNull(action);
            _rep.ExitActions.Add(new StateAction(action, description, false, default));
            return this;
        }

        /// <summary>
        /// Makes this state a substate of <paramref name="superstate"/>: unhandled triggers are looked up
        /// in the superstate, and moving between its substates does not exit or enter it.
        /// </summary>
        public StateConfiguration SubstateOf(TState superstate)
        {
            var super = _machine.GetOrCreateRepresentation(superstate);
            if (_rep.IsAncestorOrSelfOf(super))
            {
                throw new ArgumentException(
                    $"State '{_rep.State}' cannot be a substate of '{superstate}': that would create a cycle.", nameof(superstate));
            }

            if (_rep.Superstate is not null)
            {
                if (ReferenceEquals(_rep.Superstate, super))
                {
                    return this;
                }

                throw new InvalidOperationException(
                    $"State '{_rep.State}' is already a substate of '{_rep.Superstate.State}'.");
            }

            _rep.Superstate = super;
            super.Substates.Add(_rep);
            return this;
        }

        /// <summary>Sets the display label of this state (e.g. a Chinese name).</summary>
        public StateConfiguration Named(string label)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(label);
            _rep.Label = label;
            return this;
        }

        /// <summary>Sets a fixed processing time limit for this state.</summary>
        public StateConfiguration WithTimeLimit(TimeLimit limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit.Amount, nameof(limit));
            _rep.FixedTimeLimit = limit;
            _rep.DynamicTimeLimit = null;
            _rep.DynamicTimeLimitDescription = null;
            return this;
        }

        /// <summary>
        /// Sets a time limit resolved each time the state is entered (e.g. from the active policy
        /// profile); <paramref name="description"/> is used by <see cref="GetInfo"/> and diagrams.
        /// </summary>
        public StateConfiguration WithTimeLimit(Func<TimeLimit?> limit, string description)
        {
            ArgumentNullException.ThrowIfNull(limit);
            ArgumentException.ThrowIfNullOrWhiteSpace(description);
            _rep.FixedTimeLimit = null;
            _rep.DynamicTimeLimit = limit;
            _rep.DynamicTimeLimitDescription = description;
            return this;
        }

        private static Guard PlainGuard(Func<bool> guard, string description)
        {
            ArgumentNullException.ThrowIfNull(guard);
            ArgumentException.ThrowIfNullOrWhiteSpace(description);
            return new Guard(_ => guard(), description, needsArguments: false);
        }

        private static Guard TypedGuard(Func<object?[], bool> guard, string description)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(description);
            return new Guard(guard, description, needsArguments: true);
        }

        private StateConfiguration AddTransition(TTrigger trigger, TState destination, Guard[] guards)
        {
            if (StateComparer.Equals(destination, _rep.State))
            {
                throw new ArgumentException(
                    $"Permit from '{_rep.State}' to itself is not allowed; use PermitReentry, Ignore or InternalTransition.",
                    nameof(destination));
            }

            return AddBehaviour(BehaviourKind.Transition, trigger, _machine.GetOrCreateRepresentation(destination), guards, null);
        }

        private StateConfiguration AddBehaviour(
            BehaviourKind kind,
            TTrigger trigger,
            StateRepresentation? destination,
            Guard[] guards,
            Action<Transition<TState, TTrigger>>? internalAction)
        {
            _machine.RegisterTrigger(trigger);
            _rep.AddBehaviour(new TriggerBehaviour(kind, trigger, destination, guards, internalAction));
            return this;
        }

        private StateConfiguration AddEntry(Action<Transition<TState, TTrigger>> action, string? description, bool hasTrigger, TTrigger? trigger)
        {
            if (hasTrigger)
            {
                _machine.RegisterTrigger(trigger!);
            }

            _rep.EntryActions.Add(new StateAction(action, description, hasTrigger, trigger));
            return this;
        }
    }
}
