namespace Portal.Domain.Ratings;

public enum FollowUpTrigger
{
    RecordVisit,
    Verify,
    Rectify,
    RaterResponds,
    RequestReview,
    Reopen,
    ConfirmResult,

    /// <summary>An upheld appeal: the rating is excluded and its follow-up ends.</summary>
    CloseByAppeal,
}
