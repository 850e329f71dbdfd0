namespace Portal.Domain.Deregistration;

public enum NoticeDecision
{
    Pending,
    Upheld,
    Dismissed,

    /// <summary>A claim is recorded for the liquidation group; no decision by the registration authority.</summary>
    Recorded,
}
