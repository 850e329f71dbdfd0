using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Deregistration;

/// <summary>A department confirms it received the cancellation (注销结果共享).</summary>
public static class ConfirmShare
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "确认事项")]
        public long ShareId { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var caseId = await db.CancellationShares.Where(s => s.Id == request.ShareId && s.Application.CaseNumber == request.Number)
                .Select(s => (long?)s.Application.CaseId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("未找到该确认事项。");

            // Departments confirming at the same moment take turns on the case row (each adds a note to it).
            await RowLocks.LockCaseAsync(db, caseId, cancellationToken);
            var share = await db.CancellationShares.Include(s => s.Application).SingleAsync(s => s.Id == request.ShareId, cancellationToken);
            if (!me.IsInRole(share.Department.ReviewerRole()))
            {
                throw new ForbiddenException($"只有{share.Department.Label()}后台人员可以确认。");
            }

            if (share.Confirmed)
            {
                throw new RuleViolationException([$"{share.Department.Label()}已于之前确认，无需重复确认。"]);
            }

            if (share.Version != request.ExpectedVersion)
            {
                throw new ConflictException(ConflictException.RecordChanged);
            }

            db.Entry(share).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            share.Confirm(actor, now);
            var c = await db.Cases.SingleAsync(x => x.Id == share.Application.CaseId, cancellationToken);
            c.Record($"{share.Department.Label()}确认收到注销信息", actor, now, null);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
