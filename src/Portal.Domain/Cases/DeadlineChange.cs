namespace Portal.Domain.Cases;

/// <summary>A deadline that moved (both null when only the office time left of a paused step changed).</summary>
public sealed record DeadlineChange(DateTime? OldDueUtc, DateTime? NewDueUtc);
