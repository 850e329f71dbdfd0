namespace Portal.Domain.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>The applicant must act: supplement, correction, confirmation.</summary>
    NeedsAction,

    Accepted,

    /// <summary>A step of the applicant's case is late.</summary>
    Late,

    Done,

    /// <summary>Staff: 75% of a step's limit is used (yellow).</summary>
    StepWarning,

    /// <summary>Staff: a step's limit has passed (red).</summary>
    StepOverdue,

    /// <summary>Supervisors: a 差评 arrived and its follow-up began.</summary>
    BadRating,

    /// <summary>The rater: the result of the follow-up of their 差评 is ready.</summary>
    RatingReply,

    /// <summary>Applicant and staff: a stored deadline moved because the holiday calendar changed.</summary>
    DeadlineChanged,
}
