using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>我的预约: the signed-in person's bookings, coming ones first.</summary>
public static class MyAppointments
{
    public sealed record Query : IQuery<IReadOnlyList<AppointmentCard>>;

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, IReadOnlyList<AppointmentCard>>
    {
        public async Task<IReadOnlyList<AppointmentCard>> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var mine = await db.Appointments.AsNoTracking()
                .Where(a => a.UserId == me.Id)
                .OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id)
                .Take(100)
                .ToListAsync(cancellationToken);
            var tickets = await TicketsOf(db, mine, cancellationToken);

            // Coming bookings first, soonest at the top; then the rest, latest first.
            var coming = mine.Where(a => a.State == AppointmentState.Booked && now <= a.StartsAt + Appointment.CheckInLate).OrderBy(a => a.StartsAt);
            var rest = mine.Except(coming);
            return coming.Concat(rest).Select(a => AppointmentCard.For(a, now, clock, a.TicketId is { } id ? tickets.GetValueOrDefault(id) : null)).ToList();
        }
    }

    public static async Task<Dictionary<long, (string AccessCode, string Number)>> TicketsOf(PortalDbContext db, IEnumerable<Appointment> appointments, CancellationToken cancellationToken)
    {
        var ids = appointments.Where(a => a.TicketId is not null).Select(a => a.TicketId!.Value).ToList();
        return ids.Count == 0
            ? []
            : await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (t.AccessCode, t.Number), cancellationToken);
    }
}
