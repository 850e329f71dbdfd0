namespace Portal.Domain.Ratings;

public enum FollowUpState
{
    /// <summary>Real-name 差评: the supervisor calls the rater back first (回访率 100%).</summary>
    AwaitingVisit,
    Verifying,
    Rectifying,

    /// <summary>The result went back to the rater, who rates the rectification.</summary>
    AwaitingRater,

    /// <summary>The rater was not satisfied and asked for a review (once).</summary>
    Reviewing,
    Closed,
}
