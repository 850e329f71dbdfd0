using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>
/// A visit and its case: while a window serves a ticket, the case the clerk files for the visitor (帮办代办) or opens
/// is linked to the ticket, and the serving clerk becomes the case's 首问负责人 unless it already has one.
/// </summary>
public static class Visits
{
    /// <summary>The ticket the signed-in window clerk is serving today, if any (tracked, to be changed).</summary>
    public static async Task<Ticket?> ServingTicketAsync(PortalDbContext db, CurrentUser me, DateOnly today, CancellationToken cancellationToken)
    {
        if (!me.IsInRole(Roles.Window))
        {
            return null;
        }

        var window = await WindowQuery.WindowOfAsync(db, me, cancellationToken);
        return window is null ? null : await db.Tickets
            .Where(t => t.LocalDate == today && t.WindowNumber == window && t.State == TicketState.Serving)
            .OrderByDescending(t => t.ServedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Called by every service when it files a new case: if a window clerk files it while serving a visitor, the
    /// ticket is linked to it (the first case of the visit) and the visit is noted in the case's history.
    /// </summary>
    public static async Task LinkServingTicketAsync(PortalDbContext db, CurrentUser me, Case c, CaseActionContext context, CancellationToken cancellationToken)
    {
        var ticket = await ServingTicketAsync(db, me, context.Clock.LocalDate(context.NowUtc), cancellationToken);
        if (ticket is null)
        {
            return;
        }

        Link(ticket, c, me.ToActor(), context.NowUtc);
    }

    internal static void Link(Ticket ticket, Case c, CaseActor actor, DateTime nowUtc)
    {
        if (ticket.CaseNumber is null)
        {
            ticket.LinkCase(c.Number);
        }

        c.ClaimOwnership(actor);
        c.Record($"{ticket.WindowNumber} 号窗口接待（排队号 {ticket.Number}）", actor, nowUtc, null);
    }
}
