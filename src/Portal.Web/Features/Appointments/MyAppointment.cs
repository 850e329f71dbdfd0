using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>The signed-in person's own booking by its code: anyone else's is "not found" (nobody learns which codes exist).</summary>
public static class MyAppointment
{
    public const string NotFound = "未找到该预约。";

    public static async Task<Appointment> FindAsync(PortalDbContext db, CurrentUser me, string code, CancellationToken cancellationToken)
    {
        var normalized = AppointmentCodes.Normalize(code);
        return await db.Appointments.FirstOrDefaultAsync(a => a.Code == normalized && a.UserId == me.Id, cancellationToken)
            ?? throw new NotFoundException(NotFound);
    }

    public static void Cancel(Appointment appointment, DateTime nowUtc, string action)
    {
        if (appointment.State != AppointmentState.Booked)
        {
            throw new RuleViolationException([$"该预约{appointment.StateLabel}，不能{action}。"]);
        }

        try
        {
            appointment.Cancel(nowUtc);
        }
        catch (InvalidOperationException ex)
        {
            throw new RuleViolationException([ex.Message]);
        }
    }
}
