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

/// <summary>市场监管 decides an objection: upheld ends the simple route; dismissed lets the notice run on (or end, if it has).</summary>
public static class DecideObjection
{
    [RequireRoles(Roles.ReviewerPrefix + nameof(Department.Market))]
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "异议")]
        public long ResponseId { get; init; }

        [Display(Name = "认定结果")]
        public bool Upheld { get; init; }

        [Display(Name = "处理意见")]
        public string? Reason { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请写明异议处理意见（成立或不成立的理由）。").MaximumLength(1000).WithMessage("处理意见不能超过1000字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CaseContexts contexts, CaseActions actions, DeregistrationExpiry expiry) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !DeregistrationService.IsDeregistration(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件。");
            }

            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var context = await contexts.ForCaseAsync(c, cancellationToken);
            var d = ((DeregistrationFlow)context.Flow!).Application;
            var response = d.Responses.FirstOrDefault(r => r.Id == request.ResponseId && r.Kind == NoticeResponseKind.Objection)
                ?? throw new NotFoundException("未找到该异议。");
            if (response.Decision != NoticeDecision.Pending)
            {
                throw new RuleViolationException(["这件异议已经处理过。"]);
            }

            if (c.State != CaseState.NoticePeriod)
            {
                throw new RuleViolationException([$"办件当前为“{c.State.Label()}”，不能处理异议。"]);
            }

            var reason = request.Reason!.Trim();
            if (request.Upheld)
            {
                await actions.FireAsync(c, CaseTrigger.UpholdObjection, context, new CaseActionArgs { Reason = $"异议成立：{reason}。简易注销终止，请改为办理普通注销。" }, cancellationToken);
                response.Decide(true, reason, me.Name, context.NowUtc);
            }
            else
            {
                response.Decide(false, reason, me.Name, context.NowUtc);
                c.Record("异议不成立", context.Actor, context.NowUtc, reason);
                await expiry.MoveOnIfEndedAsync(c, context, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
