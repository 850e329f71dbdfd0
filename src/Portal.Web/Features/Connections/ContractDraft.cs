using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;

namespace Portal.Web.Features.Connections;

/// <summary>What the signing form shows: the request, and the terms a utility starts from (it edits them before signing).</summary>
public static class ContractDraft
{
    [RequireStaff]
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Result(string Number, string Utility, string Path, string Address, string Customer, ContractTerms Suggested, long Version);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = CaseAccess.EnsureVisible(
                await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services);
            if (!ConnectionService.IsChild(c.ServiceCode))
            {
                throw new NotFoundException("未找到该报装办件。");
            }

            var r = await db.UtilityRequests.AsNoTracking().Include(x => x.Application).SingleAsync(x => x.CaseId == c.Id, cancellationToken);
            if (!me.IsInRole(r.Utility.Department().ReviewerRole()))
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。");
            }

            if (c.State != CaseState.ContractSigning)
            {
                throw new RuleViolationException([$"该报装当前环节为“{c.State.Label()}”，不在供用合同签章环节。"]);
            }

            return new Result(c.Number, r.Utility.ServiceLabel(), r.PathLabel, r.Application.Address,
                r.Application.Customer == CustomerKind.Enterprise ? $"企业：{r.Application.EnterpriseName}" : "居民",
                r.Terms ?? ContractTerms.Suggested(r), c.Version);
        }
    }
}
