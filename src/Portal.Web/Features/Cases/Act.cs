using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Cases;

/// <summary>Any workflow action on a case, sent by the buttons of the case page.</summary>
public static class Act
{
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "办理操作")]
        public CaseTrigger Trigger { get; init; }

        [Display(Name = "理由或事项")]
        public string? Reason { get; init; }

        [Display(Name = "承诺补齐日期")]
        public DateOnly? CommitmentDate { get; init; }

        [Display(Name = "督查批准再次补正")]
        public bool SupervisorOverride { get; init; }

        /// <summary>The case version the form was showing; a different current version means someone acted first.</summary>
        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Number).NotEmpty().WithMessage("缺少办件编号。");
            RuleFor(c => c.Trigger).IsInEnum().WithMessage("未知的操作。");
            RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("理由或事项不能超过2000字。");
            RuleFor(c => c.Reason).MaximumLength(500).When(c => c.Trigger == CaseTrigger.AcceptWithMissing).WithMessage("容缺受理的缺项不能超过500字。");
            RuleFor(c => c.Reason).MaximumLength(1000).When(c => c.Trigger == CaseTrigger.ProposeRejection).WithMessage("不予受理的理由不能超过1000字。");
            RuleFor(c => c.Reason).NotEmpty()
                .When(c => c.Trigger is CaseTrigger.RequestSupplement or CaseTrigger.ProposeRejection or CaseTrigger.AcceptWithMissing)
                .WithMessage(c => c.Trigger switch
                {
                    CaseTrigger.RequestSupplement => "请一次性列明需要补正的全部材料。",
                    CaseTrigger.ProposeRejection => "请写明不予受理的理由。",
                    _ => "请写明容缺的非关键材料。",
                });
            RuleFor(c => c.CommitmentDate).NotNull().When(c => c.Trigger == CaseTrigger.AcceptWithMissing)
                .WithMessage("容缺受理请填写申请人承诺补齐的日期。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            // 驳回不予受理建议 resumes the interrupted step's clock from the case's history (Case.ResumeAfterRejection).
            IQueryable<Case> cases = request.Trigger == CaseTrigger.DismissRejection ? db.Cases.Include(x => x.History) : db.Cases;
            var c = await CaseAccess.EnsureVisibleAsync(
                await cases.Include(x => x.SubItems).AsSplitQuery().FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services, contexts, cancellationToken);
            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            // Save with the version the person saw: if someone else saves first, this save conflicts.
            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var context = await contexts.ForCaseAsync(c, cancellationToken);
            var clock = context.Clock;
            await actions.FireAsync(c, request.Trigger, context, new CaseActionArgs
            {
                Reason = request.Reason?.Trim(),
                CommitmentDueUtc = request.CommitmentDate is { } date
                    ? clock.ToUtc(date.ToDateTime(clock.Calendar.OfficeHours.Close))
                    : null,
                SupervisorOverride = request.SupervisorOverride,
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
