using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Dashboard;

/// <summary>
/// 统计分析: what is overdue now, on-time figures of the steps that ended in a period (per service, department,
/// window, staff member), the hall's queue figures. The figures themselves are computed by <see cref="DashboardFigures"/>.
/// </summary>
public static class Statistics
{
    /// <summary>How many overdue cases the page lists (the count is always complete; the download lists up to <see cref="DownloadOverdueLimit"/>).</summary>
    public const int PageOverdueLimit = 200;

    public const int DownloadOverdueLimit = 10000;

    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<Result>
    {
        /// <summary>First day (local); default the first day of <see cref="To"/>'s month.</summary>
        public DateOnly? From { get; init; }

        /// <summary>Last day (local), included; default today.</summary>
        public DateOnly? To { get; init; }
    }

    public sealed record OverdueRow(string Number, string Title, string Service, string State, string Holder, string Due, string Since);

    public sealed record Result(Period Period, string AsOf, int OverdueCount, IReadOnlyList<OverdueRow> Overdue, StepReport Steps, HallReport Hall, IReadOnlyList<DashboardTable> Tables)
    {
        public DashboardTable Table(string key) => Tables.Single(t => t.Key == key);
    }

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public Task<Result> Handle(Query request, CancellationToken cancellationToken) =>
            LoadAsync(db, services, calendar, time, request.From, request.To, PageOverdueLimit, cancellationToken);
    }

    /// <summary>
    /// Reads what the figures need and computes them. History: only cases with a row in the period (a step ending or
    /// a case closing in the period has one), and of those only rows before the period's end.
    /// </summary>
    public static async Task<Result> LoadAsync(
        PortalDbContext db,
        ServiceCatalog services,
        CalendarService calendar,
        TimeProvider time,
        DateOnly? from,
        DateOnly? to,
        int overdueLimit,
        CancellationToken cancellationToken)
    {
        var clock = await calendar.GetClockAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var today = clock.LocalDate(now);
        var period = Period.Resolve(from, to, today);
        var start = period.StartUtc(clock);
        var end = period.EndUtc(clock);

        var touched = db.CaseEvents.Where(e => e.At >= start && e.At < end).Select(e => e.CaseId);
        var history = await db.CaseEvents.AsNoTracking()
            .Where(e => touched.Contains(e.CaseId) && e.At < end)
            .ToListAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => touched.Contains(c.Id))
            .Select(c => new CaseFacts(c.Id, c.ServiceCode, c.ApplicantId, c.ClosedAt, c.State))
            .ToListAsync(cancellationToken);
        var windows = await db.Users.AsNoTracking()
            .Where(u => u.WindowNumber != null && u.WindowNumber != "")
            .Select(u => new { u.Id, u.WindowNumber })
            .ToDictionaryAsync(u => u.Id, u => u.WindowNumber!, cancellationToken);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.LocalDate >= period.From && t.LocalDate <= period.To)
            .Select(t => new TicketFacts(t.IssuedAt, t.CalledAt, t.ServedAt, t.DoneAt, t.State, t.WindowNumber))
            .ToListAsync(cancellationToken);

        // "= @true" (not a bare column test) lets SQLite use the (IsOverdue, StepDueAt) index (see DeadlineSweeper).
        var overdueCases = db.Cases.AsNoTracking().Where(c => c.IsOverdue == EF.Parameter(true));
        var overdueCount = await overdueCases.CountAsync(cancellationToken);
        var overdue = await overdueCases
            .OrderBy(c => c.OverdueSince).ThenBy(c => c.Number)
            .Take(overdueLimit)
            .Select(c => new { c.Number, c.Title, c.ServiceCode, c.State, c.HolderRole, c.StepDueAt, c.OverdueSince })
            .ToListAsync(cancellationToken);

        string Local(DateTime? utc) => utc is { } u ? clock.ToLocal(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        var overdueRows = overdue.Select(c => new OverdueRow(
            c.Number,
            c.Title,
            services.NameOf(c.ServiceCode),
            c.State.Label(),
            string.IsNullOrEmpty(c.HolderRole) ? "（无）" : Roles.Label(c.HolderRole),
            Local(c.StepDueAt),
            Local(c.OverdueSince))).ToList();
        var steps = DashboardFigures.Steps(period, clock, history.Select(EventFacts.Of), cases, windows, services.NameOf);
        var hall = DashboardFigures.Hall(clock, tickets);
        return new Result(
            period,
            Local(now),
            overdueCount,
            overdueRows,
            steps,
            hall,
            DashboardTables.Build(period, today, overdueRows, steps, hall));
    }
}
