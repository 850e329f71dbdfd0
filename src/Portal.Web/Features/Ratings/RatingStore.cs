using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

/// <summary>Stores a rating once, opens the 差评 follow-up and tells the supervisors — all in the command's transaction.</summary>
public sealed class RatingStore(PortalDbContext db, PromiseService promises, Infrastructure.Calendar.CalendarService calendar)
{
    public async Task<Rating> SaveAsync(Rating rating, DateTime nowUtc, CancellationToken cancellationToken)
    {
        db.Ratings.Add(rating);
        if (rating.IsBad)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var limit = await RectificationLimitAsync(promises, cancellationToken);
            db.RatingFollowUps.Add(RatingFollowUp.Open(rating, clock, limit, nowUtc));
            // One message to the supervisors' inbox, not one per supervisor (docs/decisions/0021-role-inbox.md).
            db.Notifications.Add(Notification.CreateForRole(Roles.Supervisor, NotificationKind.BadRating, rating.CaseNumber, "收到差评，请及时回访核实",
                $"{RatingScale.UnitLabel(rating.Unit)}收到一条“{rating.Level.Label()}”评价（{rating.Subject.Label()}），请在{limit}内完成核实整改。",
                "/Ratings/FollowUps", nowUtc, $"rating:{rating.SubjectKey}:bad:role:{Roles.Supervisor}"));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw new RuleViolationException([rating.Subject == RatingSubject.Visit
                ? "本次服务已经评价过了（一次一评），评价提交后不能更改。"
                : $"该办件的{rating.Subject.Label()}环节已经评价过了（一事一评），评价提交后不能更改。"]);
        }

        return rating;
    }

    /// <summary>The active profile's 差评整改 limit (default 15 working days, 003:539).</summary>
    public static async Task<Portal.Workflow.TimeLimit> RectificationLimitAsync(PromiseService promises, CancellationToken cancellationToken) =>
        (await promises.GetAsync(cancellationToken)).Limit(PromiseKeys.RatingRectification) ?? new Portal.Workflow.TimeLimit(15, Portal.Workflow.TimeUnit.WorkingDays);
}
