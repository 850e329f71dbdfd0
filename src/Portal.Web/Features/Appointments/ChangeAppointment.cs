using FluentValidation;
using MediatR;
using Portal.Domain.Hall;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>
/// 改约: the old booking is cancelled and the new slot booked in one transaction; when the new slot cannot be
/// booked (full, closed, started …) the transaction is rolled back and the old booking stays as it was.
/// The category stays the same (a different business is a new booking).
/// </summary>
public static class ChangeAppointment
{
    public sealed record Command : ICommand<string>
    {
        /// <summary>The booking being changed.</summary>
        public string Code { get; init; } = "";

        public DateOnly Date { get; init; }

        public int SlotKey { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("请选择要改约的预约。");
            RuleFor(c => c.Date).NotEqual(default(DateOnly)).WithMessage("请选择新的预约日期。");
            RuleFor(c => c.SlotKey).InclusiveBetween(0, 24 * 60 - 1).WithMessage(SeatBooking.UnknownSlot);
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, AppointmentPlans plans, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var old = await MyAppointment.FindAsync(db, me, request.Code, cancellationToken);
            var plan = plans.For(old.Category) ?? throw new RuleViolationException([$"{HallCategories.LabelOf(old.Category)}已不开放预约，不能改约。"]);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            if (old.LocalDate == request.Date && old.SlotKey == request.SlotKey)
            {
                throw new RuleViolationException(["新时段与原预约相同，请选择其他时段。"]);
            }

            try
            {
                // The new slot is checked before anything changes, then the old seat and day are freed and the new
                // one booked; any refusal after that rolls the whole command back.
                SeatBooking.CheckSlot(plan, clock, now, request.Date, request.SlotKey);
                MyAppointment.Cancel(old, now, "改约");
                await db.SaveChangesAsync(cancellationToken);
                var booked = await SeatBooking.BookAsync(db, plan, clock, now, (me.Id!, me.Name), request.Date, request.SlotKey, cancellationToken);
                return booked.Code;
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
