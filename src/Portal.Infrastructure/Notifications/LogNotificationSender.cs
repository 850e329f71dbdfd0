using Microsoft.Extensions.Logging;
using Portal.Domain.Privacy;

namespace Portal.Infrastructure.Notifications;

public sealed class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        // The log is not the person's phone: the recipient's numbers and address, and any ID or mobile number in the text, are masked.
        if (message.RecipientRole is { } role)
        {
            logger.LogInformation("通知 #{Id} → {Role} 收件箱：【{Title}】{Body}", message.NotificationId, role, PersonalData.MaskText(message.Title), PersonalData.MaskText(message.Body));
            return Task.CompletedTask;
        }

        logger.LogInformation(
            "通知 #{Id} → 短信 {Phone} / 邮件 {Email}：【{Title}】{Body}",
            message.NotificationId,
            string.IsNullOrEmpty(message.Phone) ? "-" : PersonalData.MaskPhone(message.Phone),
            MaskEmail(message.Email),
            PersonalData.MaskText(message.Title),
            PersonalData.MaskText(message.Body));
        return Task.CompletedTask;
    }

    /// <summary>"zhangming@example.cn" → "z***@example.cn"; "-" when there is none.</summary>
    public static string MaskEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "-"
        : email.IndexOf('@') is var at and > 0 ? email[0] + "***" + email[at..]
        : new string('*', email.Length);
}
