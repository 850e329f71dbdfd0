using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Export;

namespace Portal.Web.Features.Dashboard;

[Authorize(Roles = Roles.Supervisor + "," + Roles.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "开始日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "结束日期")]
    public DateOnly? To { get; set; }

    public Statistics.Result Result { get; private set; } = null!;

    /// <summary>The 好差评 figures of the same period (the /Ratings statistics, with the per-staff table).</summary>
    public Ratings.RatingStatistics.Result Ratings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(From, To, cancellationToken);

    /// <summary>/Dashboard?handler=Export&amp;table=service&amp;format=csv|xlsx&amp;from=…&amp;to=…</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new Download.Query { From = From, To = To, Table = table ?? "", Format = format ?? "" }, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>After a refused period the page shows this month instead, with the reason.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        From = null;
        To = null;
        await LoadAsync(null, null, cancellationToken);
    }

    private async Task LoadAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        Result = await mediator.Send(new Statistics.Query { From = from, To = to }, cancellationToken);
        Ratings = await mediator.Send(new Ratings.RatingStatistics.Query { From = Result.Period.From, To = Result.Period.To }, cancellationToken);
    }
}

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

/// <summary>One table of the dashboard as a CSV or Excel file (same people, same period, same rows as the page).</summary>
public static class Download
{
    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<ExportFile>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>One of <see cref="DashboardTables.Keys"/>.</summary>
        public string Table { get; init; } = "";

        /// <summary>csv or xlsx.</summary>
        public string Format { get; init; } = "";
    }

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var format = ExportFile.ParseFormat(request.Format) ?? throw new NotFoundException("未找到该下载格式（可选 csv 或 xlsx）。");
            if (!DashboardTables.Keys.Contains(request.Table))
            {
                throw new NotFoundException("未找到要下载的统计表。");
            }

            var result = await Statistics.LoadAsync(db, services, calendar, time, request.From, request.To, Statistics.DownloadOverdueLimit, cancellationToken);
            var table = result.Table(request.Table);
            return ExportFile.Create(table.Data, format, table.FileName);
        }
    }
}
