namespace Portal.Infrastructure.Notifications;

/// <summary>
/// One SMS / e-mail to send: the stored notification and the recipient's contact details. A role's message
/// (<see cref="RecipientRole"/> set, no person, no contact) is handed over once: a gateway may post it to the role's
/// group channel; the default sender logs it.
/// </summary>
public sealed record OutgoingMessage(long NotificationId, string RecipientId, string? Phone, string? Email, string Title, string Body, string? Link)
{
    /// <summary>The role whose inbox holds the message, or null for a person's message.</summary>
    public string? RecipientRole { get; init; }
}
