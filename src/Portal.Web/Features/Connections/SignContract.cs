using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;

namespace Portal.Web.Features.Connections;

/// <summary>
/// 专营单位签章: the utility writes the contract's terms (capacity or volume, price and fee basis, duties of both sides)
/// and signs; the applicant sees exactly these terms before confirming.
/// </summary>
public static class SignContract
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "供应容量或用量")]
        public string? Capacity { get; init; }

        [Display(Name = "价格及收费依据")]
        public string? Price { get; init; }

        [Display(Name = "供方责任")]
        public string? UtilityDuties { get; init; }

        [Display(Name = "用方责任")]
        public string? CustomerDuties { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Capacity).NotEmpty().WithMessage("请填写供应容量或用量。")
                .MaximumLength(ContractTerms.MaxShort).WithMessage($"供应容量或用量不能超过{ContractTerms.MaxShort}个字。");
            RuleFor(c => c.Price).NotEmpty().WithMessage("请填写价格及收费依据。")
                .MaximumLength(ContractTerms.MaxLong).WithMessage($"价格及收费依据不能超过{ContractTerms.MaxLong}个字。");
            RuleFor(c => c.UtilityDuties).NotEmpty().WithMessage("请填写供方责任。")
                .MaximumLength(ContractTerms.MaxLong).WithMessage($"供方责任不能超过{ContractTerms.MaxLong}个字。");
            RuleFor(c => c.CustomerDuties).NotEmpty().WithMessage("请填写用方责任。")
                .MaximumLength(ContractTerms.MaxLong).WithMessage($"用方责任不能超过{ContractTerms.MaxLong}个字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = CaseAccess.EnsureVisible(
                await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services);
            if (!ConnectionService.IsChild(c.ServiceCode))
            {
                throw new NotFoundException("未找到该报装办件。");
            }

            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var r = await ConnectionFlows.LoadRequestAsync(db, c.Id, cancellationToken);
            if (r.UtilitySignedAt is not null)
            {
                throw new RuleViolationException(["供用合同已签章，条款不能再修改。"]);
            }

            r.DraftContract(new ContractTerms(request.Capacity!, request.Price!, request.UtilityDuties!, request.CustomerDuties!), time.GetUtcNow().UtcDateTime);
            await actions.FireAsync(c, CaseTrigger.SignContract, await contexts.ForCaseAsync(c, cancellationToken), null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
