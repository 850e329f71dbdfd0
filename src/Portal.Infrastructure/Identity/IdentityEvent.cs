namespace Portal.Infrastructure.Identity;

/// <summary>
/// One append-only line of who proved or lent whose identity: verifications, identity-provider links and agent
/// authorisations, with who did it and when. Written in the same transaction as the change it records. The text
/// never carries a full ID number (masked).
/// </summary>
public class IdentityEvent
{
    private IdentityEvent()
    {
    }

    public IdentityEvent(string userId, IdentityEventKind kind, DateTime atUtc, string? actorId, string actorName, string text, long? enterpriseId = null)
    {
        UserId = userId;
        Kind = kind;
        At = atUtc;
        ActorId = actorId;
        ActorName = actorName;
        Text = text;
        EnterpriseId = enterpriseId;
    }

    public long Id { get; private set; }

    /// <summary>The account whose identity this is about (the verified person, or the agent).</summary>
    public string UserId { get; private set; } = "";

    public IdentityEventKind Kind { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>Who did it (the clerk, the legal representative), or null for the identity provider.</summary>
    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public long? EnterpriseId { get; private set; }
}
