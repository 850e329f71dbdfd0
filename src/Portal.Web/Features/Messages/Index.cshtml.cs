using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Messages;

[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Inbox.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new Inbox.Query(), cancellationToken);

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var count = await mediator.Send(new MarkRead.Command(), cancellationToken);
        TempData["Notice"] = count == 0 ? "没有未读消息。" : $"已将 {count} 条消息标为已读。";
        return RedirectToPage();
    }
}

/// <summary>站内消息: the signed-in person's notifications, newest first (their own only).</summary>
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

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me.Id);
            var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(request.Limit).ToListAsync(cancellationToken);
            var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
            return new Result(
                rows.Select(n => new Row(n.Id, Notification.KindLabel(n.Kind), n.Kind, n.Title, n.Body, n.Link, DeadlineView.Format(clock.ToLocal(n.CreatedAt)), n.ReadAt is null,
                    n.Delivery switch { DeliveryState.Sent => "已发送短信/邮件", DeliveryState.Failed => "短信/邮件发送失败", _ => "短信/邮件待发送" })).ToList(),
                unread);
        }
    }

    /// <summary>What a message's link opens, in words: a rating's reply is not a case.</summary>
    public static string LinkText(string link) =>
        link.StartsWith("/Ratings/View/", StringComparison.Ordinal) ? "查看评价及处理结果"
        : link.StartsWith("/Ratings/FollowUps", StringComparison.Ordinal) ? "处理差评"
        : link.StartsWith("/Cases/", StringComparison.Ordinal) ? "查看办件"
        : "查看详情";

    /// <summary>The unread count shown in the navigation bar (one indexed count; 0 when signed out).</summary>
    public static Task<int> UnreadAsync(PortalDbContext db, string? userId, CancellationToken cancellationToken) =>
        userId is null ? Task.FromResult(0) : db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, cancellationToken);
}

public static class MarkRead
{
    [RequireRoles]
    public sealed record Command : ICommand<int>;

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            return db.Notifications.Where(n => n.RecipientId == me.Id && n.ReadAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
        }
    }
}
