using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Workbench;

/// <summary>登记补齐: records that the applicant supplied the 容缺 item they committed to, in the case's history.</summary>
public static class SupplyTolerance
{
    public const string NotAllowed = "只有窗口工作人员、当前承办部门或首问负责人可以登记容缺材料补齐。";

    [RequireStaff]
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "补齐备注")]
        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Number).NotEmpty().WithMessage("缺少办件编号。");
            RuleFor(c => c.Note).MaximumLength(500).WithMessage("补齐备注不能超过500字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var id = await db.Cases.Where(c => c.Number == request.Number).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("未找到该办件，或该办件不属于您。");

            // Two clerks recording the same item take turns on the case row (PostgreSQL; SQLite serialises writers):
            // the second one reads the first one's supply and is told so. The case's Version stays the last guard.
            await RowLocks.LockCaseAsync(db, id, cancellationToken);
            var c = CaseAccess.EnsureVisible(
                await db.Cases.Include(x => x.SubItems).SingleOrDefaultAsync(x => x.Id == id, cancellationToken), me, services);
            if (!ToleranceQueue.MaySupply(c, me))
            {
                throw new ForbiddenException(NotAllowed);
            }

            if (c.ToleranceItem is not null && c.ToleranceSuppliedAt is { } suppliedAt)
            {
                throw new RuleViolationException([await AlreadySuppliedAsync(c, suppliedAt, cancellationToken)]);
            }

            if (c.State is CaseState.Withdrawn or CaseState.Rejected or CaseState.Terminated)
            {
                throw new RuleViolationException([$"办件已{c.State.EndedPhrase()}，无需登记容缺材料补齐。"]);
            }

            try
            {
                c.SupplyToleranceItem(me.ToActor(), time.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
            }
            catch (InvalidOperationException refused)
            {
                throw new RuleViolationException([refused.Message]);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        /// <summary>"容缺材料“…”已由 窗口甲 于 … 登记补齐，无需重复登记。" — who was first, from the history note.</summary>
        private async Task<string> AlreadySuppliedAsync(Case c, DateTime suppliedAt, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var label = $"容缺材料已补齐：{c.ToleranceItem}";
            var by = await db.CaseEvents.AsNoTracking()
                .Where(e => e.CaseId == c.Id && e.Action == Case.NoteAction && e.ActionLabel == label)
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Select(e => e.ActorName)
                .FirstOrDefaultAsync(cancellationToken);
            var who = by is null ? "" : $"由{by}";
            return $"容缺材料“{c.ToleranceItem}”已{who}于{DeadlineView.Format(clock.ToLocal(suppliedAt))}登记补齐，无需重复登记。";
        }
    }
}
