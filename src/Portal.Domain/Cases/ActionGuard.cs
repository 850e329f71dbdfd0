namespace Portal.Domain.Cases;

/// <summary>A condition on one trigger that holds when <see cref="Allows"/> says so; <see cref="Description"/> is what a refused person reads.</summary>
public sealed record ActionGuard(CaseTrigger Trigger, Func<CaseActionArgs, bool> Allows, string Description);
