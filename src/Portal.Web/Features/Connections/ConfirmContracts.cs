using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;

namespace Portal.Web.Features.Connections;

/// <summary>
/// 申请人确认: the applicant confirms, from one page, every contract of the application that waits for them (each
/// utility's case records its own confirmation). The versions the page showed guard against confirming a contract that
/// changed since.
/// </summary>
public static class ConfirmContracts
{
    public sealed record Item
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "页面版本")]
        public long Version { get; init; }
    }

    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "待确认的供用合同")]
        public List<Item> Items { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Items).NotEmpty().WithMessage("没有需要确认的供用合同。");
            RuleFor(c => c.Items.Count).LessThanOrEqualTo(Utilities.All.Count).WithMessage("待确认的供用合同过多。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = CaseAccess.EnsureVisible(
                await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services);
            if (!ConnectionService.IsConnection(c.ServiceCode))
            {
                throw new NotFoundException("未找到该报装办件。");
            }

            var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications.AsNoTracking(), c).SingleAsync(cancellationToken);
            var mine = application.Requests.Where(r => ConnectionService.IsParent(c.ServiceCode) || r.CaseId == c.Id).Select(r => r.CaseNumber).ToHashSet();
            foreach (var item in request.Items.DistinctBy(i => i.Number))
            {
                if (!mine.Contains(item.Number))
                {
                    throw new NotFoundException("未找到该供用合同。");
                }

                var child = await db.Cases.Include(x => x.SubItems).SingleAsync(x => x.Number == item.Number, cancellationToken);
                if (child.Version != item.Version)
                {
                    throw new ConflictException();
                }

                db.Entry(child).Property(x => x.Version).OriginalValue = item.Version;
                await actions.FireAsync(child, CaseTrigger.ConfirmContract, await contexts.ForCaseAsync(child, cancellationToken), null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return request.Items.DistinctBy(i => i.Number).Count();
        }
    }
}
