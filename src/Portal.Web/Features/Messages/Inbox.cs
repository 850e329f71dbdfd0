using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Messages;

/// <summary>
/// 站内消息: the signed-in person's own notifications and the messages of their roles' inboxes (a department's is its
/// reviewer role's), newest first. Only the roles the person holds now count: who gains a role sees its messages, who
/// loses it no longer does. Read state is the person's own (a role message's in <see cref="NotificationRead"/>).
/// </summary>
public static class Inbox
{
    [RequireRoles]
    public sealed record Query : IQuery<Result>
    {
        public int Limit { get; init; } = 100;
    }

    public sealed record Row(long Id, string Kind, NotificationKind Code, string Title, string Body, string? Link, string At, bool Unread, string Delivery)
    {
        /// <summary>What the link opens, in words (<see cref="Inbox.LinkText(string)"/>).</summary>
        public string LinkText => Link is null ? "" : Inbox.LinkText(Link);
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Unread);

    /// <summary>The role inboxes a person reads: every role they hold but the applicant's (no message goes to applicants as a role).</summary>
    public static List<string> InboxRoles(IEnumerable<string> roles) => roles.Where(r => r != Roles.Applicant).Distinct().ToList();

    /// <summary>The person's own messages.</summary>
    public static IQueryable<Notification> Own(PortalDbContext db, string userId) =>
        db.Notifications.Where(n => n.RecipientId == userId && n.RecipientRole == null);

    /// <summary>The messages of the given roles' inboxes.</summary>
    public static IQueryable<Notification> OfRoles(PortalDbContext db, IReadOnlyCollection<string> roles) =>
        db.Notifications.Where(n => n.RecipientRole != null && roles.Contains(n.RecipientRole));

    /// <summary>The role messages the person has not read yet.</summary>
    public static IQueryable<Notification> UnreadOfRoles(PortalDbContext db, string userId, IReadOnlyCollection<string> roles) =>
        OfRoles(db, roles).Where(n => !db.NotificationReads.Any(r => r.UserId == userId && r.NotificationId == n.Id));

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var userId = me.Id!;
            var roles = InboxRoles(me.Roles);
            var own = await Own(db, userId).AsNoTracking()
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(request.Limit)
                .Select(n => new { Message = n, Read = n.ReadAt != null })
                .ToListAsync(cancellationToken);
            var shared = roles.Count == 0 ? [] : await OfRoles(db, roles).AsNoTracking()
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(request.Limit)
                .Select(n => new { Message = n, Read = db.NotificationReads.Any(r => r.UserId == userId && r.NotificationId == n.Id) })
                .ToListAsync(cancellationToken);
            var rows = own.Concat(shared)
                .OrderByDescending(x => x.Message.CreatedAt).ThenByDescending(x => x.Message.Id)
                .Take(request.Limit)
                .Select(x => new Row(x.Message.Id, Notification.KindLabel(x.Message.Kind), x.Message.Kind, x.Message.Title, x.Message.Body, x.Message.Link,
                    DeadlineView.Format(clock.ToLocal(x.Message.CreatedAt)), !x.Read, Delivery(x.Message)))
                .ToList();
            return new Result(rows, await UnreadAsync(db, userId, roles, cancellationToken));
        }

        private static string Delivery(Notification n) => n.RecipientRole is { } role
            ? $"{Roles.Label(role)}共用消息"
            : n.Delivery switch { DeliveryState.Sent => "已发送短信/邮件", DeliveryState.Failed => "短信/邮件发送失败", _ => "短信/邮件待发送" };
    }

    /// <summary>What a message's link opens, in words: a rating's reply is not a case.</summary>
    public static string LinkText(string link) =>
        link.StartsWith("/Ratings/View/", StringComparison.Ordinal) ? "查看评价及处理结果"
        : link.StartsWith("/Ratings/FollowUps", StringComparison.Ordinal) ? "处理差评"
        : link.StartsWith("/Cases/", StringComparison.Ordinal) ? "查看办件"
        : "查看详情";

    /// <summary>
    /// The unread count shown in the navigation bar: the person's own unread messages and the unread messages of the
    /// roles they hold (two indexed counts; one for applicants; 0 when signed out).
    /// </summary>
    public static async Task<int> UnreadAsync(PortalDbContext db, string? userId, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return 0;
        }

        var inboxes = InboxRoles(roles);
        var own = await Own(db, userId).CountAsync(n => n.ReadAt == null, cancellationToken);
        return inboxes.Count == 0 ? own : own + await UnreadOfRoles(db, userId, inboxes).CountAsync(cancellationToken);
    }
}
