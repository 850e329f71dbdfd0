using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Calendar;

/// <summary>Records that a year's holiday notice has been entered (no more "no data" warning for it).</summary>
public static class MarkYear
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public int Year { get; init; }

        public string Source { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年份应在2000到2100之间。");
            RuleFor(c => c.Source).NotEmpty().WithMessage("请填写依据，例如“国务院办公厅关于2027年部分节假日安排的通知”。").MaximumLength(200).WithMessage("依据不能超过200个字。");
        }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var year = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == request.Year, cancellationToken);
            if (year is null)
            {
                db.CalendarYears.Add(new CalendarYear { Year = request.Year, Source = request.Source.Trim() });
            }
            else
            {
                year.Source = request.Source.Trim();
            }

            await db.SaveChangesAsync(cancellationToken);
            await RecomputeDeadlines.MarkPendingAsync(db, new DateOnly(request.Year, 1, 1), cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Calendar, cancellationToken);
            return Unit.Value;
        }
    }
}
