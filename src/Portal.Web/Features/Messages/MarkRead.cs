using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Messages;

/// <summary>
/// Marks the person's messages read: all of them, or one (<see cref="Command.Id"/>). A message that is neither theirs nor
/// in the inbox of a role they hold is not found, whatever id is posted.
/// </summary>
public static class MarkRead
{
    [RequireRoles]
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "消息编号")]
        public long? Id { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var userId = me.Id!;
            var roles = Inbox.InboxRoles(me.Roles);
            if (request.Id is { } id)
            {
                var own = Inbox.Own(db, userId).Where(n => n.Id == id);
                if (await own.AnyAsync(cancellationToken))
                {
                    return await own.Where(n => n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
                }

                if (roles.Count == 0 || !await Inbox.OfRoles(db, roles).AnyAsync(n => n.Id == id, cancellationToken))
                {
                    throw new NotFoundException("未找到该消息。");
                }

                return await MarkRoleMessagesAsync(userId, roles, id, now, cancellationToken);
            }

            var ownCount = await Inbox.Own(db, userId).Where(n => n.ReadAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
            return roles.Count == 0 ? ownCount : ownCount + await MarkRoleMessagesAsync(userId, roles, null, now, cancellationToken);
        }

        /// <summary>
        /// Writes the read marks of the role messages still unread (or of one). When the same person marks them in another
        /// tab at the same moment, the second save meets the first one's marks; it then reads again what is left.
        /// </summary>
        private async Task<int> MarkRoleMessagesAsync(string userId, List<string> roles, long? only, DateTime now, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var unread = Inbox.UnreadOfRoles(db, userId, roles);
                var ids = await (only is { } id ? unread.Where(n => n.Id == id) : unread).Select(n => n.Id).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    return 0;
                }

                db.NotificationReads.AddRange(ids.Select(n => NotificationRead.Create(userId, n, now)));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return ids.Count;
                }
                catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsUniqueViolation(ex))
                {
                    // EF rolled the failed save back to its savepoint; the command's transaction goes on.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
