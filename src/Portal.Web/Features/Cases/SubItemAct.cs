using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Cases;

/// <summary>An action on one parallel sub-item of a case (开始办理, 办结, 退回, 重新提交).</summary>
public static class SubItemAct
{
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "并联事项")]
        public long ItemId { get; init; }

        [Display(Name = "办理操作")]
        public SubItemTrigger Trigger { get; init; }

        [Display(Name = "退回理由")]
        public string? Reason { get; init; }

        /// <summary>The sub-item version the form was showing.</summary>
        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // Every action the case page offers on a track (启动 of a 单独办理 item included); 取消 is the system's alone.
            RuleFor(c => c.Trigger).Must(t => t is SubItemTrigger.Begin or SubItemTrigger.Start or SubItemTrigger.Complete or SubItemTrigger.Return or SubItemTrigger.Resubmit)
                .WithMessage("未知的操作。");
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Trigger == SubItemTrigger.Return).WithMessage("退回请写明理由和需要补充的内容。");
            RuleFor(c => c.Reason).MaximumLength(1000).WithMessage("理由不能超过1000字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await CaseAccess.EnsureVisibleAsync(
                await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services, contexts, cancellationToken);
            var item = c.SubItems.FirstOrDefault(i => i.Id == request.ItemId) ?? throw new NotFoundException("未找到该并联事项。");
            if (item.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(item).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var context = await contexts.ForCaseAsync(c, cancellationToken);
            await actions.FireSubItemAsync(c, item, request.Trigger, context, request.Reason?.Trim(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
