using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Calendar;

/// <summary>
/// Enters a year's whole State Council notice at once: its days replace the year's entered days and the year is
/// registered, so the statutory fallback no longer applies to it; the deadlines it moves are counted again once.
/// </summary>
public static class SaveYear
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "年份")]
        public int Year { get; init; }

        [Display(Name = "依据")]
        public string Source { get; init; } = "";

        [Display(Name = "放假和调休安排")]
        public string Days { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年份应在2000到2100之间。");
            RuleFor(c => c.Source).NotEmpty().WithMessage("请填写依据，例如“国务院办公厅关于2027年部分节假日安排的通知”。").MaximumLength(200).WithMessage("依据不能超过200个字。");
            RuleFor(c => c.Days).MaximumLength(8000).WithMessage("安排不能超过8000个字。");
            RuleFor(c => c).Custom((c, context) =>
            {
                if (c.Year is < 2000 or > 2100 || c.Days?.Length > 8000)
                {
                    return;
                }

                foreach (var error in ArrangementText.Parse(c.Year, c.Days).Errors.Take(10))
                {
                    context.AddFailure(nameof(Command.Days), error);
                }
            });
        }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var days = ArrangementText.Parse(request.Year, request.Days).Days.ToDictionary(d => d.Date);
            var from = new DateOnly(request.Year, 1, 1);
            var to = new DateOnly(request.Year, 12, 31);
            var existing = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(cancellationToken);
            foreach (var entry in existing)
            {
                if (days.Remove(entry.Date, out var day))
                {
                    entry.Kind = day.Kind;
                    entry.Name = day.Name;
                }
                else
                {
                    db.CalendarDays.Remove(entry);
                }
            }

            db.CalendarDays.AddRange(days.Values.Select(d => new CalendarDayEntry { Date = d.Date, Kind = d.Kind, Name = d.Name }));
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
            await RecomputeDeadlines.MarkPendingAsync(db, from, cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Calendar, cancellationToken);
            return Unit.Value;
        }
    }
}
