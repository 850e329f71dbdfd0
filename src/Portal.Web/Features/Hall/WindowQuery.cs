using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>What a window clerk sees of the queue: their window, the current number, and who is waiting.</summary>
public static class WindowQuery
{
    [RequireRoles(Roles.Window)]
    public sealed record Query : IQuery<Result>;

    public sealed record Waiting(string Number, string Category, string Kind, string Issued);

    public sealed record Result(string Window, Ticket? Current, IReadOnlyList<Waiting> Queue);

    /// <summary>The number a window is working on today (called or being served), latest first.</summary>
    public static IQueryable<Ticket> CurrentAt(IQueryable<Ticket> tickets, DateOnly today, string window) =>
        tickets.Where(t => t.LocalDate == today && t.WindowNumber == window && (t.State == TicketState.Called || t.State == TicketState.Serving))
            .OrderByDescending(t => t.CalledAt);

    public static async Task<string> MyWindowAsync(PortalDbContext db, CurrentUser me, CancellationToken cancellationToken) =>
        await WindowOfAsync(db, me, cancellationToken)
            ?? throw new RuleViolationException(["您的账号没有登记窗口号，请管理员在账号中设置。"]);

    /// <summary>The window the signed-in person's account is registered at, if any.</summary>
    public static async Task<string?> WindowOfAsync(PortalDbContext db, CurrentUser me, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.WindowNumber).SingleOrDefaultAsync(cancellationToken) is { Length: > 0 } window
            ? window
            : null;

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var window = await MyWindowAsync(db, me, cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var today = clock.LocalDate(now);
            var current = await CurrentAt(db.Tickets.AsNoTracking(), today, window).FirstOrDefaultAsync(cancellationToken);
            var waiting = await db.Tickets.AsNoTracking().Where(t => t.LocalDate == today && t.State == TicketState.Waiting).ToListAsync(cancellationToken);
            var queue = QueueOrder.For(waiting, window, now).Take(30).Select(t => new Waiting(t.Number, HallCategories.LabelOf(t.Category),
                t.Kind != TicketKind.Priority && t.TransferredTo == window ? "转入" : t.KindLabel, clock.ToLocal(t.IssuedAt).ToString("HH:mm"))).ToList();
            return new Result(window, current, queue);
        }
    }
}
