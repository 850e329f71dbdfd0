namespace Portal.Domain.Deregistration;

public enum NoticeResponseKind
{
    /// <summary>异议 against a 简易注销 notice.</summary>
    Objection,

    /// <summary>债权申报 under a creditor notice (普通注销).</summary>
    Claim,
}
