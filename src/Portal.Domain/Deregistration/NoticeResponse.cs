namespace Portal.Domain.Deregistration;

/// <summary>
/// What a member of the public filed against a notice, without an account: who, how to reach them, and why.
/// The objector's identity is shown to the registration staff only; the applicant sees the reason and the decision.
/// </summary>
public class NoticeResponse
{
    private NoticeResponse()
    {
    }

    public NoticeResponse(DeregistrationApplication deregistration, NoticeResponseKind kind, string name, string contact, string content, decimal? amount, string submissionKey, DateTime nowUtc)
    {
        Application = deregistration;
        Kind = kind;
        Name = name;
        Contact = contact;
        Content = content;
        Amount = amount;
        SubmissionKey = submissionKey;
        FiledAt = nowUtc;
        Decision = kind == NoticeResponseKind.Claim ? NoticeDecision.Recorded : NoticeDecision.Pending;
    }

    public long Id { get; private set; }

    public long DeregistrationId { get; private set; }

    public DeregistrationApplication Application { get; private set; } = null!;

    public NoticeResponseKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public string Contact { get; private set; } = "";

    public string Content { get; private set; } = "";

    /// <summary>债权金额 (yuan) for a claim.</summary>
    public decimal? Amount { get; private set; }

    /// <summary>The form's one-time key: a double-submitted form is stored once.</summary>
    public string SubmissionKey { get; private set; } = "";

    public DateTime FiledAt { get; private set; }

    public NoticeDecision Decision { get; private set; }

    public string? DecisionReason { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public void Decide(bool upheld, string reason, string decidedBy, DateTime nowUtc)
    {
        if (Decision != NoticeDecision.Pending)
        {
            throw new InvalidOperationException("这件异议已经处理过。");
        }

        Decision = upheld ? NoticeDecision.Upheld : NoticeDecision.Dismissed;
        DecisionReason = reason;
        DecidedByName = decidedBy;
        DecidedAt = nowUtc;
    }

    public static string Label(NoticeDecision decision) => decision switch
    {
        NoticeDecision.Pending => "待处理",
        NoticeDecision.Upheld => "异议成立",
        NoticeDecision.Dismissed => "异议不成立",
        NoticeDecision.Recorded => "已登记",
        _ => decision.ToString(),
    };
}
