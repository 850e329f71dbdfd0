using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Portal.Domain.Hall;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>取号 at the kiosk or on a phone, without an account: a number in the category's series for today.</summary>
public static class TakeTicket
{
    [PublicRequest]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "业务类别")]
        public string Category { get; init; } = "";

        [Display(Name = "优先办理原因")]
        public PriorityReason Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Category).Must(c => HallCategories.Find(c) is not null).WithMessage("请选择办理的业务类别。");
            RuleFor(c => c.Reason).IsInEnum().WithMessage("未知的优先类别。");
        }
    }

    public sealed class Handler(PortalDbContext db, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var category = HallCategories.Find(request.Category)!;
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var today = clock.LocalDate(now);
            if (!clock.Calendar.IsWorkingDay(today))
            {
                throw new RuleViolationException([$"今天（{today:M月d日}）为非工作日，大厅不办理业务，请在工作日前来或在线办理。"]);
            }

            var kind = request.Reason == PriorityReason.None ? TicketKind.WalkIn : TicketKind.Priority;
            var ticket = await HallTicketNumbers.IssueAsync(db, category, kind, request.Reason, today, now, null, cancellationToken);
            return ticket.AccessCode;
        }
    }
}
