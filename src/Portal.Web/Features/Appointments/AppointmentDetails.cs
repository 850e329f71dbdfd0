using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>One of my bookings (anyone else's is 404).</summary>
public static class AppointmentDetails
{
    public sealed record Query : IQuery<AppointmentCard>
    {
        public string Code { get; init; } = "";
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, AppointmentCard>
    {
        public async Task<AppointmentCard> Handle(Query request, CancellationToken cancellationToken)
        {
            var code = AppointmentCodes.Normalize(request.Code);
            var a = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code && x.UserId == me.Id, cancellationToken)
                ?? throw new NotFoundException(MyAppointment.NotFound);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var tickets = await MyAppointments.TicketsOf(db, [a], cancellationToken);
            return AppointmentCard.For(a, time.GetUtcNow().UtcDateTime, clock, a.TicketId is { } id ? tickets.GetValueOrDefault(id) : null);
        }
    }
}
