using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Calendar;

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
