using Stateless;

namespace Portal.Workflow;

/// <summary>
/// Lets a workflow table write its guards as <c>(IsWindow, "只有窗口工作人员可以受理")</c> value tuples; Stateless' own
/// overload takes <see cref="Tuple{T1, T2}"/>. All guards must hold; each text is what a refused person reads.
/// </summary>
public static class GuardTuples
{
    public static StateMachine<TState, TTrigger>.StateConfiguration PermitIf<TState, TTrigger>(
        this StateMachine<TState, TTrigger>.StateConfiguration configuration,
        TTrigger trigger,
        TState destination,
        params (Func<bool> Guard, string Description)[] guards)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(guards);
        var converted = new Tuple<Func<bool>, string>[guards.Length];
        for (var i = 0; i < guards.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(guards[i].Guard);
            ArgumentException.ThrowIfNullOrWhiteSpace(guards[i].Description);
            converted[i] = Tuple.Create(guards[i].Guard, guards[i].Description);
        }

        return configuration.PermitIf(trigger, destination, converted);
    }
}
