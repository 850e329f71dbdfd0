using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Hall;

/// <summary>One ticket as its holder sees it: the number, how many are ahead and an estimated wait.</summary>
public static class TicketView
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        public string Code { get; init; } = "";
    }

    public sealed record Result(string Number, string Category, string Kind, string State, TicketState Code, string? Window, int Ahead, int EstimatedMinutes, string Issued, string AccessCode);

    public sealed class Handler(PortalDbContext db, CalendarService calendar, IConfiguration configuration, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var t = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(x => x.AccessCode == request.Code, cancellationToken)
                ?? throw new NotFoundException("未找到该号码。");
            var clock = await calendar.GetClockAsync(cancellationToken);
            var waiting = await db.Tickets.AsNoTracking().Where(x => x.LocalDate == t.LocalDate && x.State == TicketState.Waiting).ToListAsync(cancellationToken);
            // Ahead: those a window would call before this ticket (priority first, then order of issue).
            // The order of the window that will call it: a transferred ticket waits in its target window's queue.
            var order = QueueOrder.For(waiting, t.TransferredTo ?? "", time.GetUtcNow().UtcDateTime).ToList();
            var ahead = t.State == TicketState.Waiting ? Math.Max(0, order.FindIndex(x => x.Id == t.Id)) : 0;
            var windows = Math.Max(1, configuration.GetValue("Portal:Hall:OpenWindows", 4));
            var minutes = configuration.GetValue("Portal:Hall:MinutesPerVisit", 8);
            return new Result(
                t.Number,
                HallCategories.LabelOf(t.Category),
                t.KindLabel,
                t.State.Label(),
                t.State,
                t.WindowNumber,
                ahead,
                (int)Math.Ceiling(ahead * minutes / (double)windows),
                DeadlineView.Format(clock.ToLocal(t.IssuedAt)),
                t.AccessCode);
        }
    }
}
