using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>
/// The next number of the day in a category (取号 at the kiosk, or an appointment's arrival): the unique (day,
/// category, sequence) index refuses a number another kiosk took at the same moment, and the next one is tried. Only
/// the refused ticket is dropped, so the rest of the unit of work (e.g. the booking being checked in) is kept.
/// </summary>
public static class HallTicketNumbers
{
    public static async Task<Ticket> IssueAsync(
        PortalDbContext db, HallCategory category, TicketKind kind, PriorityReason reason, DateOnly localDate, DateTime nowUtc, DateTime? appointmentAt, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Tickets.Where(t => t.LocalDate == localDate && t.Category == category.Code).MaxAsync(t => (int?)t.Sequence, cancellationToken) ?? 0;
            var ticket = Ticket.Issue(category, kind, reason, localDate, last + 1, nowUtc, AccessCodes.New(), appointmentAt);
            db.Tickets.Add(ticket);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ticket;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < 10)
            {
                db.Entry(ticket).State = EntityState.Detached;
            }
        }
    }
}
