namespace Portal.Domain.Materials;

/// <summary>Where one list item of a case stands.</summary>
public enum MaterialStatus
{
    /// <summary>未提交: nothing uploaded or written yet.</summary>
    Missing,

    /// <summary>待审核: a file or an explanation is there and no reviewer has judged it since.</summary>
    Submitted,

    /// <summary>合格.</summary>
    Accepted,

    /// <summary>不合格, with the reviewer's reason; listed in the next 一次性告知.</summary>
    Rejected,

    /// <summary>容缺待补: the case was accepted without it, against the applicant's commitment to supply it by a date.</summary>
    Deferred,
}
