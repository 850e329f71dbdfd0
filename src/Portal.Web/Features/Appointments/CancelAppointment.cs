using System.ComponentModel.DataAnnotations;
using MediatR;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>取消预约: only the holder, only before the slot starts; the seat is free for others at once.</summary>
public static class CancelAppointment
{
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "预约码")]
        public string Code { get; init; } = "";
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var appointment = await MyAppointment.FindAsync(db, me, request.Code, cancellationToken);
            MyAppointment.Cancel(appointment, time.GetUtcNow().UtcDateTime, "取消");
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
