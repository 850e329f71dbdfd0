using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// Ratings of my work, for staff: the ratings of steps I did and visits I served (and, for reviewers, of my
/// department's services), with everything except who rated; each 差评 can be appealed once. A window clerk sees only
/// their own (not another window's); supervisors and administrators, who oversee every unit, see all.
/// </summary>
public static class StaffRatings
{
    [RequireStaff]
    public sealed record Query : IQuery<Result>;

    public sealed record Row(long Id, string Subject, string Service, string Level, string Stars, string? Comment, string At, string? Staff, bool Mine, string? Appeal, bool MayAppeal);

    /// <param name="All">Every rating is shown (supervisors and administrators).</param>
    public sealed record Result(IReadOnlyList<Row> Rows, bool All = false);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var all = me.IsInRole(Roles.Supervisor) || me.IsInRole(Roles.Admin);
            var units = me.Roles.Select(Roles.DepartmentOf).OfType<Department>().Select(d => d.ToString()).ToList();
            var ratings = db.Ratings.AsNoTracking();
            if (!all)
            {
                ratings = ratings.Where(r => r.StaffId == me.Id || units.Contains(r.Unit));
            }

            var rows = await ratings
                .OrderByDescending(r => r.CreatedAt)
                .Take(200)
                .ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            var appeals = await db.RatingAppeals.AsNoTracking().Where(a => ids.Contains(a.RatingId)).ToDictionaryAsync(a => a.RatingId, cancellationToken);
            return new Result(rows.Select(r => new Row(
                r.Id,
                $"{r.Subject.Label()} · {RatingScale.PlaceLabel(r.Unit, r.WindowNumber)}",
                RatingTargets.Describe(r, services).Service,
                r.Level.Label(),
                r.Level.Stars(),
                r.Comment,
                DeadlineView.Format(clock.ToLocal(r.CreatedAt)),
                r.StaffName,
                r.StaffId == me.Id,
                appeals.TryGetValue(r.Id, out var a) ? a.Upheld switch { true => "申诉成立（不计入统计）", false => "申诉不成立", _ => "申诉待决定" } : null,
                FileAppeal.MayAppeal(r, me))).ToList(), all);
        }
    }
}
