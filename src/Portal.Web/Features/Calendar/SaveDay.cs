using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Calendar;

/// <summary>Adds or replaces a holiday or make-up working day.</summary>
public static class SaveDay
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "日期")]
        public DateOnly? Date { get; init; }

        [Display(Name = "类型")]
        public DayKind Kind { get; init; } = DayKind.Holiday;

        [Display(Name = "名称")]
        public string Name { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotNull().WithMessage("请选择日期。");
            RuleFor(c => c.Kind).Must(k => k is DayKind.Holiday or DayKind.MakeupWorkday).WithMessage("类型只能是“法定节假日”或“调休上班”。");
            RuleFor(c => c.Name).NotEmpty().WithMessage("请填写名称，例如“春节”或“春节调休上班”。").MaximumLength(40).WithMessage("名称不能超过40个字。");
            RuleFor(c => c).Must(c => c.Kind != DayKind.MakeupWorkday || c.Date is null || c.Date.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                .WithName(nameof(Command.Date)).WithMessage("调休上班日应为周六或周日。");
        }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var date = request.Date!.Value;
            var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, cancellationToken);
            if (day is null)
            {
                db.CalendarDays.Add(new CalendarDayEntry { Date = date, Kind = request.Kind, Name = request.Name.Trim() });
            }
            else
            {
                day.Kind = request.Kind;
                day.Name = request.Name.Trim();
            }

            await db.SaveChangesAsync(cancellationToken);
            await RecomputeDeadlines.MarkPendingAsync(db, date, cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Calendar, cancellationToken);
            return Unit.Value;
        }
    }
}
