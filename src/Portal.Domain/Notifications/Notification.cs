namespace Portal.Domain.Notifications;

/// <summary>
/// One message to one person, or to a role's inbox (<see cref="RecipientRole"/>: every current holder of the role —
/// a department's reviewers, the window clerks, the supervisors — sees the one message, each with their own read state
/// in <see cref="NotificationRead"/>; docs/decisions/0021-role-inbox.md). Shown in the portal's 消息 page and delivered once
/// by SMS/e-mail through the configured sender. The dedupe key (what happened, to whom) is unique, so a message is
/// created once even when two portal instances notice the same event; delivery is claimed with a conditional update,
/// so it is sent once.
/// </summary>
public class Notification
{
    private Notification()
    {
    }

    public long Id { get; private set; }

    /// <summary>The person the message is for; empty for a role's message.</summary>
    public string RecipientId { get; private set; } = "";

    /// <summary>The role whose inbox holds the message (a department's is its reviewer role); null for a person's message.</summary>
    public string? RecipientRole { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string? CaseNumber { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string? Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public string DedupeKey { get; private set; } = "";

    public DeliveryState Delivery { get; private set; }

    public string? ClaimToken { get; private set; }

    public DateTime? ClaimedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static Notification Create(string recipientId, NotificationKind kind, string? caseNumber, string title, string body, string? link, DateTime nowUtc, string dedupeKey) => new()
    {
        RecipientId = recipientId,
        Kind = kind,
        CaseNumber = caseNumber,
        Title = Trim(title, 200),
        Body = Trim(body, 1000),
        Link = link,
        CreatedAt = nowUtc,
        DedupeKey = Trim(dedupeKey, 200),
        Delivery = DeliveryState.Pending,
    };

    /// <summary>A message to a role's inbox: one row, seen by every current holder of the role.</summary>
    public static Notification CreateForRole(string role, NotificationKind kind, string? caseNumber, string title, string body, string? link, DateTime nowUtc, string dedupeKey)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            throw new ArgumentException("A role message needs a role.", nameof(role));
        }

        var n = Create("", kind, caseNumber, title, body, link, nowUtc, dedupeKey);
        n.RecipientRole = role;
        return n;
    }

    public static string KindLabel(NotificationKind kind) => kind switch
    {
        NotificationKind.NeedsAction => "待您处理",
        NotificationKind.Accepted => "已受理",
        NotificationKind.Late => "办理超期",
        NotificationKind.Done => "已办结",
        NotificationKind.StepWarning => "时限预警",
        NotificationKind.StepOverdue => "已超时",
        NotificationKind.BadRating => "差评待处理",
        NotificationKind.RatingReply => "差评整改反馈",
        NotificationKind.DeadlineChanged => "时限调整",
        _ => kind.ToString(),
    };

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
