using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Portal.Domain.Hall;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>预约: a signed-in person books a slot of a hall category.</summary>
public static class BookAppointment
{
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "业务类别")]
        public string Category { get; init; } = "";

        [Display(Name = "预约日期")]
        public DateOnly Date { get; init; }

        /// <summary>The slot's start in minutes after midnight (<see cref="AppointmentSlot.Key"/>).</summary>
        [Display(Name = "预约时段")]
        public int SlotKey { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppointmentPlans plans)
        {
            RuleFor(c => c.Category).Must(c => plans.For(c) is not null).WithMessage("请选择可预约的业务类别。");
            RuleFor(c => c.Date).NotEqual(default(DateOnly)).WithMessage("请选择预约日期。");
            RuleFor(c => c.SlotKey).InclusiveBetween(0, 24 * 60 - 1).WithMessage(SeatBooking.UnknownSlot);
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, AppointmentPlans plans, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var booked = await SeatBooking.BookAsync(
                db, plans.For(request.Category)!, clock, time.GetUtcNow().UtcDateTime, (me.Id!, me.Name), request.Date, request.SlotKey, cancellationToken);
            return booked.Code;
        }
    }
}
