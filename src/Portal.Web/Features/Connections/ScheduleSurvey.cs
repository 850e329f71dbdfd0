using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Connections;

/// <summary>联合踏勘: one survey time for every utility of the application, set by a window clerk or one of its utilities.</summary>
public static class ScheduleSurvey
{
    /// <summary>
    /// Not an <see cref="ICaseRequest"/>: the joint survey is scheduled on the whole application (the parent case), which
    /// the utilities' staff do not see as a case; <see cref="Access"/> lets in the window and the staff of a utility
    /// taking part, before the fields are read (STYLE 13).
    /// </summary>
    [RequireStaff]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "踏勘日期")]
        public DateOnly? Date { get; init; }

        [Display(Name = "踏勘时间")]
        public TimeOnly? Time { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotNull().WithMessage("请选择踏勘日期。");
            RuleFor(c => c.Time).NotNull().WithMessage("请选择踏勘时间。");
        }
    }

    /// <summary>The window, or the staff of a utility taking part in the application; anyone else learns nothing.</summary>
    public sealed class Access(PortalDbContext db, CurrentUser me) : IAccessRule<Command>
    {
        public async Task EnsureAsync(Command request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !ConnectionService.IsConnection(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。");
            }

            var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications, c).SingleAsync(cancellationToken);
            if (!me.IsInRole(Roles.Window) && !application.Requests.Any(r => me.IsInRole(r.Utility.Department().ReviewerRole())))
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。");
            }
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !ConnectionService.IsConnection(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件。");
            }

            // Who may schedule it was asked before the fields were read (Access).
            var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications, c).SingleAsync(cancellationToken);
            if (application.Version != request.ExpectedVersion)
            {
                throw new ConflictException(ConflictException.RecordChanged);
            }

            db.Entry(application).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var parentState = await db.Cases.AsNoTracking().Where(x => x.Id == application.CaseId).Select(x => x.State).SingleAsync(cancellationToken);
            if (parentState.IsFinal())
            {
                throw new RuleViolationException([$"报装申请已{parentState.Label()}，不能再安排踏勘。"]);
            }

            if (application.Requests.All(r => r.SurveyFindings is not null || !r.NeedsSurvey))
            {
                throw new RuleViolationException(["各专营单位均已完成踏勘，无需再安排。"]);
            }

            var clock = await calendar.GetClockAsync(cancellationToken);
            var local = request.Date!.Value.ToDateTime(request.Time!.Value);
            var now = time.GetUtcNow().UtcDateTime;
            if (clock.ToUtc(local) <= now)
            {
                throw new ValidationFailedException(nameof(Command.Date), "踏勘时间应晚于现在。");
            }

            if (!clock.Calendar.IsWorkingDay(request.Date.Value) || !clock.Calendar.OfficeHours.Periods.Any(p => request.Time.Value >= p.Start && request.Time.Value < p.End))
            {
                throw new ValidationFailedException(nameof(Command.Date), "踏勘时间应在工作日的办公时间内。");
            }

            application.ScheduleSurvey(clock.ToUtc(local), me.Name);
            foreach (var r in application.Requests)
            {
                r.Touch(now);
            }

            var parent = await db.Cases.SingleAsync(x => x.Id == application.CaseId, cancellationToken);
            parent.Record($"安排{(application.Joint ? "联合" : "")}踏勘：{DeadlineView.Format(local)}", me.ToActor(), now, null);
            await NotifySurveyAsync(application, DeadlineView.Format(local), request.ExpectedVersion, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        /// <summary>
        /// The survey time goes to the staff of every utility still to survey (each on its own case) and to the applicant,
        /// in the same transaction as the time itself. Keyed by the application's version, so each change is told once.
        /// </summary>
        private async Task NotifySurveyAsync(ConnectionApplication application, string when, long version, DateTime now, CancellationToken cancellationToken)
        {
            var kind = application.Joint ? "联合踏勘" : "现场踏勘";
            var surveying = application.Requests.Where(r => r.NeedsSurvey && r.SurveyFindings is null).OrderBy(r => r.Utility).ToList();
            foreach (var r in surveying)
            {
                // The utility's department inbox: one message its reviewers all see (docs/decisions/0021-role-inbox.md).
                var role = r.Utility.Department().ReviewerRole();
                db.Notifications.Add(Notification.CreateForRole(role, NotificationKind.NeedsAction, r.CaseNumber, $"{kind}时间已安排",
                    $"报装 {r.CaseNumber}（{application.Address}，{r.Utility.ServiceLabel()}）的{kind}安排在{when}，请按时到场并在办件中记录踏勘结果。",
                    $"/Cases/{r.CaseNumber}", now, $"{r.CaseNumber}:survey:v{version}:role:{role}"));
            }

            var who = string.Join("、", surveying.Select(r => r.Utility.Label() + "单位"));
            db.Notifications.Add(Notification.Create(application.ApplicantId, NotificationKind.NeedsAction, application.CaseNumber, $"{kind}时间已安排",
                $"您的报装申请 {application.CaseNumber}（{application.Address}）的{kind}安排在{when}，{who}将到场，请届时在用能地址配合踏勘。",
                $"/Cases/{application.CaseNumber}", now, $"{application.CaseNumber}:survey:v{version}:{application.ApplicantId}"));
        }
    }
}
