namespace Portal.Workflow;

public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>Returns a snapshot of the configuration (states, transitions, labels, time limits).</summary>
    public StateMachineInfo GetInfo()
    {
        var current = GetOrCreateRepresentation(State);

        var triggerInfos = new Dictionary<TTrigger, TriggerInfo>();
        var triggers = new List<TriggerInfo>(_knownTriggers.Count);
        foreach (var trigger in _knownTriggers)
        {
            var info = new TriggerInfo(
                trigger,
                GetTriggerLabel(trigger),
                _triggerParameters.TryGetValue(trigger, out var p) ? p.ArgumentTypes : []);
            triggerInfos.Add(trigger, info);
            triggers.Add(info);
        }

        var stateInfos = new Dictionary<StateRepresentation, StateInfo>(ReferenceEqualityComparer.Instance);
        var states = new List<StateInfo>(_stateOrder.Count);
        foreach (var rep in _stateOrder)
        {
            var info = new StateInfo(rep.State, rep.Label ?? rep.State.ToString() ?? string.Empty);
            stateInfos.Add(rep, info);
            states.Add(info);
        }

        foreach (var rep in _stateOrder)
        {
            var info = stateInfos[rep];
            info.Superstate = rep.Superstate is null ? null : stateInfos[rep.Superstate];
            info.Substates = rep.Substates.ConvertAll(s => stateInfos[s]);
            info.EntryActions = rep.EntryActions.ConvertAll(a => new ActionInfo(a.Description, a.HasTrigger ? triggerInfos[a.Trigger!] : null));
            info.ExitActions = rep.ExitActions.ConvertAll(a => new ActionInfo(a.Description, null));
            info.FixedTimeLimit = rep.FixedTimeLimit;
            info.HasDynamicTimeLimit = rep.DynamicTimeLimit is not null;
            info.TimeLimitDescription = rep.DynamicTimeLimitDescription ?? rep.FixedTimeLimit?.ToString();

            var transitions = new List<FixedTransitionInfo>();
            var ignored = new List<TriggerRuleInfo>();
            var internals = new List<TriggerRuleInfo>();
            foreach (var trigger in rep.TriggerOrder)
            {
                foreach (var b in rep.Behaviours[trigger])
                {
                    var guards = Array.ConvertAll(b.Guards, g => g.Description);
                    var triggerInfo = triggerInfos[trigger];
                    switch (b.Kind)
                    {
                        case BehaviourKind.Transition:
                            transitions.Add(new FixedTransitionInfo(triggerInfo, stateInfos[b.DestinationRepresentation!], guards, isReentry: false));
                            break;
                        case BehaviourKind.Reentry:
                            transitions.Add(new FixedTransitionInfo(triggerInfo, info, guards, isReentry: true));
                            break;
                        case BehaviourKind.Ignore:
                            ignored.Add(new TriggerRuleInfo(triggerInfo, guards));
                            break;
                        case BehaviourKind.Internal:
                            internals.Add(new TriggerRuleInfo(triggerInfo, guards));
                            break;
                    }
                }
            }

            info.FixedTransitions = transitions;
            info.IgnoredTriggers = ignored;
            info.InternalTransitions = internals;
        }

        return new StateMachineInfo(stateInfos[current], states, triggers, typeof(TState), typeof(TTrigger));
    }
}
