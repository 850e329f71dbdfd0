using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>
/// The next number of the day in a category (取号 at the kiosk, or an appointment's arrival), from a counter row per
/// day and category taken with one UPDATE inside the caller's transaction (as case numbers are): concurrent kiosks
/// queue on that row instead of racing for the unique (day, category, sequence) index. The earlier way — read the
/// highest number, insert the next, retry on a clash — gave up after ten clashes, and sixty visitors taking a number
/// at the same moment got error pages (tests/Portal.Faults).
/// </summary>
public static class HallTicketNumbers
{
    public static async Task<Ticket> IssueAsync(
        PortalDbContext db, HallCategory category, TicketKind kind, PriorityReason reason, DateOnly localDate, DateTime nowUtc, DateTime? appointmentAt, CancellationToken cancellationToken)
    {
        var key = $"ticket:{localDate:yyyyMMdd}:{category.Code}";
        if (!await db.NumberSequences.AnyAsync(s => s.Key == key, cancellationToken))
        {
            // The day's first number in the category creates the counter, continuing after any number already issued.
            var issued = await db.Tickets.Where(t => t.LocalDate == localDate && t.Category == category.Code).MaxAsync(t => (int?)t.Sequence, cancellationToken) ?? 0;
            var counter = new NumberSequence { Key = key, Next = issued };
            db.NumberSequences.Add(counter);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                db.Entry(counter).State = EntityState.Detached; // another kiosk created it first
            }
        }

        var sequence = await CaseNumbers.NextValueAsync(db, key, cancellationToken);
        var ticket = Ticket.Issue(category, kind, reason, localDate, (int)sequence, nowUtc, AccessCodes.New(), appointmentAt);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }
}
