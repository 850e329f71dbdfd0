using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Workflow;

namespace Portal.Web.Features.Promises;

/// <summary>The administrator changes one limit of the active profile. Steps already started keep their stored deadline.</summary>
public static class EditLimit
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "承诺时限条目")]
        public long Id { get; init; }

        [Display(Name = "时限数值")]
        public int Amount { get; init; }

        [Display(Name = "时限单位")]
        public TimeUnit Unit { get; init; }

        [Display(Name = "页面版本")]
        public long Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).InclusiveBetween(1, 3650).WithMessage("时限数值应在1到3650之间。");
            RuleFor(c => c.Unit).IsInEnum().WithMessage("请选择时限单位。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var row = await db.PromiseLimits.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken) ?? throw new NotFoundException();
            db.Entry(row).Property(p => p.Version).OriginalValue = request.Version;
            row.Amount = request.Amount;
            row.Unit = request.Unit;
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
            row.UpdatedBy = me.Name;
            await db.SaveChangesAsync(cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Promises, cancellationToken);
            return Unit.Value;
        }
    }
}
