namespace Portal.Domain.Cases;

/// <summary>Where a step stands against its deadline: the workbench colours (SPEC 3).</summary>
public enum DeadlineStatus
{
    None,
    OnTrack,
    Warning,
    Overdue,
}
