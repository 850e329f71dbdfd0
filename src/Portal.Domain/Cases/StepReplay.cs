namespace Portal.Domain.Cases;

/// <summary>A step's deadline counted again: due and warning instants, the limit in office minutes, and (while paused) the office time left.</summary>
public sealed record StepReplay(DateTime? DueUtc, DateTime? WarnUtc, int LimitMinutes, int PausedRemainingMinutes)
{
    /// <summary>When the replayed step, late already, was marked overdue (kept when a dismissed rejection proposal resumes it).</summary>
    public DateTime? OverdueSince { get; init; }
}
