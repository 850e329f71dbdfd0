using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Connections;

/// <summary>供水: the utility records the design budget; the enterprise's works fee is 3% below it (002:19).</summary>
public static class SetDesignBudget
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "设计预算（元）")]
        public decimal? Budget { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Budget).NotNull().WithMessage("请填写设计预算。").GreaterThan(0).WithMessage("设计预算应大于0。")
                .LessThanOrEqualTo(1_000_000_000m).WithMessage("设计预算不能超过10亿元，请核对。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await db.UtilityRequests.Include(x => x.Application).FirstOrDefaultAsync(x => x.CaseNumber == request.Number, cancellationToken)
                ?? throw new NotFoundException("未找到该办件。");
            if (r.Utility != Utility.Water || !me.IsInRole(r.Utility.Department().ReviewerRole()))
            {
                throw new ForbiddenException("只有供水单位的工作人员可以录入接水工程设计预算。");
            }

            if (r.Application.Customer != CustomerKind.Enterprise)
            {
                throw new RuleViolationException(["接水工程费下浮3%只适用于工商企业用户。"]);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var c = await db.Cases.SingleAsync(x => x.Id == r.CaseId, cancellationToken);
            if (c.State.IsFinal())
            {
                throw new RuleViolationException([$"该报装已{c.State.Label()}，不能再录入设计预算。"]);
            }

            r.SetDesignBudget(request.Budget!.Value, now);
            c.Record($"录入设计预算{r.DesignBudget:#,0.00}元，工程费{r.WorksFee:#,0.00}元", me.ToActor(), now, null);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
