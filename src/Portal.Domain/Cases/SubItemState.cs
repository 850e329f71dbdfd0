namespace Portal.Domain.Cases;

public enum SubItemState
{
    /// <summary>单独办理: chosen for later, not started with the case.</summary>
    Later,
    Waiting,
    InProgress,
    Done,
    Returned,
    Cancelled,
}
