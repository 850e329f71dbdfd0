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

/// <summary>撤回 of a 报装 application: what will be withdrawn (each open utility's case), shown before the applicant confirms.</summary>
public static class WithdrawApplication
{
    public sealed record Query : IQuery<Preview>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Part(string Utility, string Number, string State, bool WillWithdraw);

    public sealed record Preview(string Number, string Address, bool Joint, IReadOnlyList<Part> Parts, long Version)
    {
        public IReadOnlyList<Part> Withdrawn => Parts.Where(p => p.WillWithdraw).ToList();
    }

    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "撤回原因")]
        public string? Reason { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).MaximumLength(500).WithMessage("撤回原因不能超过500字。");
        }
    }

    /// <summary>The parent case, visible to this person, that only its applicant side may withdraw.</summary>
    private static async Task<(Case Case, ConnectionApplication Application)> LoadAsync(PortalDbContext db, CurrentUser me, ServiceCatalog services, string number, bool track, CancellationToken cancellationToken)
    {
        var cases = track ? db.Cases : db.Cases.AsNoTracking();
        var c = CaseAccess.EnsureVisible(await cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == number, cancellationToken), me, services);
        if (!ConnectionService.IsParent(c.ServiceCode) || (c.ApplicantId != me.Id && c.FiledById != me.Id))
        {
            throw new NotFoundException("未找到该报装申请，或您不能撤回它。");
        }

        var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications.AsNoTracking(), c).SingleAsync(cancellationToken);
        return (c, application);
    }

    public sealed class PreviewHandler(PortalDbContext db, CurrentUser me, ServiceCatalog services) : IRequestHandler<Query, Preview>
    {
        public async Task<Preview> Handle(Query request, CancellationToken cancellationToken)
        {
            var (c, application) = await LoadAsync(db, me, services, request.Number, false, cancellationToken);
            if (c.State.IsFinal())
            {
                throw new RuleViolationException([$"该报装申请已{c.State.Label()}，不能撤回。"]);
            }

            var ids = application.Requests.Select(r => r.CaseId).ToList();
            var states = await db.Cases.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.State, cancellationToken);
            var parts = application.Requests.OrderBy(r => r.Utility)
                .Select(r => new Part(r.Utility.ServiceLabel(), r.CaseNumber, states[r.CaseId].Label(), !states[r.CaseId].IsFinal()))
                .ToList();
            return new Preview(c.Number, application.Address, application.Joint, parts, c.Version);
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, application) = await LoadAsync(db, me, services, request.Number, true, cancellationToken);
            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var ids = application.Requests.Select(r => r.CaseId).ToList();
            var openStates = CaseStates.Open.ToList();
            var open = await db.Cases.AsNoTracking().CountAsync(x => ids.Contains(x.Id) && openStates.Contains(x.State), cancellationToken);
            var reason = string.IsNullOrWhiteSpace(request.Reason) ? "申请人确认撤回报装申请" : request.Reason.Trim();
            await actions.FireAsync(c, CaseTrigger.Withdraw, await contexts.ForCaseAsync(c, cancellationToken), new CaseActionArgs { Reason = reason }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return open;
        }
    }
}
