using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Export;
using Portal.Web.Features.Dashboard;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// 好差评 statistics for everyone (no sign-in): per service, unit and window, with the rectified 差评 published; for
/// supervisors and administrators also per staff member. Computed by <see cref="RatingFigures"/>.
/// </summary>
public static class RatingStatistics
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        /// <summary>First day (local); default the first day of <see cref="To"/>'s month.</summary>
        public DateOnly? From { get; init; }

        /// <summary>Last day (local), included; default today.</summary>
        public DateOnly? To { get; init; }
    }

    public sealed record Result(Period Period, string AsOf, string OfficeHours, RatingReport Report, IReadOnlyList<RatingTable> Tables, BarChart SatisfactionChart, BarChart RectificationChart)
    {
        public bool ShowsStaff => Report.ByStaff is not null;

        public RatingTable Table(string key) => Tables.Single(t => t.Key == key);
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time, StatisticsCache cache)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var staff = MaySeeStaff(me);
            var today = (await calendar.GetClockAsync(cancellationToken)).LocalDate(time.GetUtcNow().UtcDateTime);
            // Shared by concurrent requests, so it must not stop when the first of them goes away.
            return await cache.GetAsync((request.From, request.To, staff, today), () => LoadAsync(db, services, calendar, time, request.From, request.To, staff, CancellationToken.None));
        }
    }

    /// <summary>Who sees (and may download) the per-staff figures.</summary>
    public static bool MaySeeStaff(CurrentUser me) => me.IsInRole(Roles.Supervisor) || me.IsInRole(Roles.Admin);

    /// <summary>
    /// Reads only what the figures need — never the rater's name, phone or account, nor the comment (the rater's name,
    /// phone and the case number are read for the published results only, to hide them there) — and computes them.
    /// </summary>
    public static async Task<Result> LoadAsync(
        PortalDbContext db,
        ServiceCatalog services,
        CalendarService calendar,
        TimeProvider time,
        DateOnly? from,
        DateOnly? to,
        bool includeStaff,
        CancellationToken cancellationToken)
    {
        var clock = await calendar.GetClockAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var period = Period.Resolve(from, to, clock.LocalDate(now));
        var start = period.StartUtc(clock);
        var end = period.EndUtc(clock);

        var resultInPeriod = db.RatingFollowUps.Where(f => f.ResultAt >= start && f.ResultAt < end).Select(f => f.RatingId);
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => (r.CreatedAt >= start && r.CreatedAt < end) || resultInPeriod.Contains(r.Id))
            .Select(r => new RatingFacts(r.Id, r.ServiceCode, r.Unit, r.WindowNumber, r.StaffId, r.StaffName, r.Level, r.Anonymous, r.CreatedAt))
            .ToListAsync(cancellationToken);
        var followUps = await db.RatingFollowUps.AsNoTracking()
            .Where(f => (f.Rating.CreatedAt >= start && f.Rating.CreatedAt < end) || (f.ResultAt >= start && f.ResultAt < end))
            .Select(f => new { f.RatingId, f.VisitedAt, f.ResultAt, f.Finding, f.Result, f.Rating.CaseNumber, f.Rating.RaterName, f.Rating.RaterPhone })
            .ToListAsync(cancellationToken);
        var excluded = (await db.RatingAppeals.AsNoTracking().Where(a => a.Upheld == true).Select(a => a.RatingId).ToListAsync(cancellationToken)).ToHashSet();

        var report = RatingFigures.Compute(
            period,
            clock,
            ratings,
            followUps.Select(f => new FollowUpFacts(
                f.RatingId,
                f.VisitedAt,
                f.ResultAt,
                f.Finding,
                f.ResultAt is null ? null : RatingFigures.Publish(f.Result, f.CaseNumber, f.RaterName, f.RaterPhone))),
            excluded,
            code => RatingTargets.ServiceLabel(code, services),
            includeStaff);

        string Rate(double? rate) => rate is { } r ? RatingTables.Display(r, percent: true) : "—";
        return new Result(
            period,
            clock.ToLocal(now).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            clock.Calendar.OfficeHours.ToString().Replace(",", "、", StringComparison.Ordinal),
            report,
            RatingTables.Build(period, report),
            BarChart.Create("chart-satisfaction", "满意率（按事项）", report.ByService.Rows.Select(g => (g.Label, g.SatisfactionRate, Rate(g.SatisfactionRate))), fixedMax: 100),
            BarChart.Create("chart-rectification", "差评整改率（按部门/单位）", report.ByUnit.Rows.Select(g => (g.Label, g.RectificationRate, Rate(g.RectificationRate))), fixedMax: 100));
    }

    /// <summary>The table as a file (csv when no format is given).</summary>
    internal static ExportFile Export(Result result, string key, string? format)
    {
        var parsed = string.IsNullOrWhiteSpace(format) ? ExportFormat.Csv : ExportFile.ParseFormat(format) ?? throw new NotFoundException("未找到该下载格式（可选 csv 或 xlsx）。");
        var table = result.Tables.SingleOrDefault(t => t.Key == key) ?? throw new NotFoundException("未找到要下载的统计表。");
        return ExportFile.Create(table.Data, parsed, table.FileName);
    }
}
