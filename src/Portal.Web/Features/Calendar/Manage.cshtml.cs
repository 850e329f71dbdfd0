using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Calendar;

[Authorize(Roles = Roles.Admin)]
public sealed class ManageModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "年份")]
    public int? Year { get; set; }

    [BindProperty]
    public SaveDay.Command Data { get; set; } = new();

    public CalendarYearView.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [BindProperty]
    public SaveYear.Command Arrangement { get; set; } = new();

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostDayAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = $"已保存{Data.Date:yyyy-MM-dd}。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = Data.Date?.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteDay.Command { Date = date }, cancellationToken);
        TempData["Notice"] = $"已删除{date:yyyy-MM-dd}的安排，该日按普通工作日/周末计算（未录入国务院安排的年份按法定节假日计算）。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = date.Year });
    }

    public async Task<IActionResult> OnPostYearAsync(int newYear, string? source, CancellationToken cancellationToken)
    {
        await mediator.Send(new MarkYear.Command { Year = newYear, Source = source ?? "" }, cancellationToken);
        TempData["Notice"] = $"已登记{newYear}年节假日数据来源。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = newYear });
    }

    public async Task<IActionResult> OnPostArrangementAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Arrangement, cancellationToken);
        TempData["Notice"] = $"已录入{Arrangement.Year}年的节假日安排。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = Arrangement.Year });
    }

    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken cancellationToken)
    {
        TempData["Notice"] = await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year });
    }

    /// <summary>Counts stored deadlines again after a change (its own transaction, after the change committed).</summary>
    private async Task<string> RecomputeAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RecomputeDeadlines.Command(), cancellationToken);
        return result.Changed == 0
            ? "没有办件的承诺时限受此影响。"
            : $"已按新的节假日安排重新计算{result.Changed}件办件的承诺时限，办件进度中记录了调整前后的时限，并已通知申请人和承办人员。";
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new CalendarYearView.Query { Year = Year }, cancellationToken);
}

public static class CalendarYearView
{
    [RequireRoles(Roles.Admin)]
    public sealed record Query : IQuery<Result>
    {
        public int? Year { get; init; }
    }

    /// <param name="Fallback">For a year without the notice: the statutory days the calendar applies meanwhile.</param>
    /// <param name="PendingFrom">A holiday change whose deadlines were not counted again yet (the page offers to do it).</param>
    public sealed record Result(
        int Year,
        IReadOnlyList<CalendarYear> Years,
        IReadOnlyList<CalendarDayEntry> Days,
        IReadOnlyList<int> MissingYears,
        bool YearHasData,
        IReadOnlyList<DayOverride> Fallback,
        string? PendingFrom);

    public sealed class Handler(PortalDbContext db, TimeProvider time, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var thisYear = clock.ToLocal(time.GetUtcNow().UtcDateTime).Year;
            var year = request.Year ?? thisYear;
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
            var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
            var missing = clock.YearsMissingAround(time.GetUtcNow().UtcDateTime);
            var hasData = years.Any(y => y.Year == year);
            return new Result(year, years, days, missing, hasData, hasData ? [] : StatutoryHolidays.For(year),
                await RecomputeDeadlines.PendingAsync(db, cancellationToken));
        }
    }
}

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

public static class DeleteDay
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public DateOnly Date { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == request.Date, cancellationToken) ?? throw new NotFoundException("该日期没有特别安排。");
            db.CalendarDays.Remove(day);
            await db.SaveChangesAsync(cancellationToken);
            await RecomputeDeadlines.MarkPendingAsync(db, request.Date, cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Calendar, cancellationToken);
            return Unit.Value;
        }
    }
}

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
