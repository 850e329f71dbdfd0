using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>
/// 签到 at the kiosk (no account: the 预约码 is the proof) or from the holder's own page: within the check-in window
/// the booking becomes a queue ticket of kind 预约, called ahead of walk-ins from the start of its slot. Checking in
/// twice (a double click, two kiosks at once) gives the one ticket already issued: the booking's state change is
/// saved first with its version, so of two racing check-ins only one gets past it and issues a ticket.
/// </summary>
public static class CheckInAppointment
{
    [PublicRequest]
    public sealed record Command : ICommand<Result>
    {
        [Display(Name = "预约码")]
        public string Code { get; init; } = "";
    }

    /// <summary>The ticket's access code (for /Hall/Ticket/{code}) and number; Again when it had been issued before.</summary>
    public sealed record Result(string AccessCode, string Number, bool Again);

    public const string Unknown = "未找到该预约码，请核对后重新输入。";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("请输入预约码。");
            RuleFor(c => c.Code)
                .Must(c => AppointmentCodes.LooksValid(AppointmentCodes.Normalize(c)))
                .When(c => !string.IsNullOrWhiteSpace(c.Code))
                .WithMessage($"预约码为 {AppointmentCodes.Length} 位字母和数字（如 K7QM-3XPA），请核对后重新输入。");
        }
    }

    public sealed class Handler(PortalDbContext db, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var code = AppointmentCodes.Normalize(request.Code);
            var now = time.GetUtcNow().UtcDateTime;
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Code == code, cancellationToken)
                ?? throw new ValidationFailedException(nameof(Command.Code), Unknown);
            if (await IssuedBeforeAsync(appointment, cancellationToken) is { } again)
            {
                return again;
            }

            if (appointment.CheckInRefusal(now) is { } refusal)
            {
                throw new RuleViolationException([refusal]);
            }

            // Bookings exist on working days only, but the administrator may have declared the day closed since.
            var clock = await calendar.GetClockAsync(cancellationToken);
            if (!clock.Calendar.IsWorkingDay(appointment.LocalDate))
            {
                throw new RuleViolationException([$"{appointment.LocalDate:M月d日}已调整为{SeatBooking.ClosedName(clock.Calendar.Describe(appointment.LocalDate))}，大厅不办理业务，预约已失效。"]);
            }

            appointment.CheckIn(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another kiosk checked this booking in a moment ago: hand out its ticket.
                db.ChangeTracker.Clear();
                var fresh = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id, cancellationToken);
                return await IssuedBeforeAsync(fresh, cancellationToken)
                    ?? throw new ConflictException(ConflictException.RecordChanged);
            }

            var category = HallCategories.Find(appointment.Category)!;
            var ticket = await Hall.HallTicketNumbers.IssueAsync(db, category, TicketKind.Appointment, PriorityReason.None, appointment.LocalDate, now, appointment.StartsAt, cancellationToken);
            appointment.AttachTicket(ticket.Id);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(ticket.AccessCode, ticket.Number, Again: false);
        }

        private async Task<Result?> IssuedBeforeAsync(Appointment appointment, CancellationToken cancellationToken)
        {
            if (appointment.State != AppointmentState.CheckedIn || appointment.TicketId is not { } ticketId)
            {
                return null;
            }

            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.AccessCode, t.Number }).SingleAsync(cancellationToken);
            return new Result(ticket.AccessCode, ticket.Number, Again: true);
        }
    }
}
