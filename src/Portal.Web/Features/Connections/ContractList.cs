using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Connections;

/// <summary>
/// The supply contracts (供用合同) of one 报装 application, as the applicant reads them before confirming: each utility's
/// terms — what is supplied, the price and fee basis, the duties of both sides — with who signed and when. Opened from
/// the parent (every utility) or from one utility's case (that one only).
/// </summary>
public static class ContractList
{
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Contract(
        string Utility,
        string CaseNumber,
        string State,
        string? ContractNumber,
        ContractTerms? Terms,
        string? SignedByUtility,
        string? ConfirmedByApplicant,
        bool AwaitingConfirmation,
        long CaseVersion);

    public sealed record Result(string Number, string ParentNumber, string Address, bool Joint, IReadOnlyList<Contract> Contracts, bool MayConfirm)
    {
        public IReadOnlyList<Contract> ToConfirm => MayConfirm ? Contracts.Where(c => c.AwaitingConfirmation).ToList() : [];
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !ConnectionService.IsConnection(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件。");
            }

            CaseAccess.EnsureVisible(c, me, services);
            var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications.AsNoTracking(), c).SingleAsync(cancellationToken);

            // From the parent: every utility (its viewers are the applicant side and hall staff); from a child: that utility only.
            var requests = application.Requests.Where(r => ConnectionService.IsParent(c.ServiceCode) || r.CaseId == c.Id).OrderBy(r => r.Utility).ToList();
            var ids = requests.Select(r => r.CaseId).ToList();
            var cases = await db.Cases.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            string F(DateTime? utc) => utc is { } u ? DeadlineView.Format(clock.ToLocal(u)) : "";
            var contracts = requests.Select(r =>
            {
                var child = cases[r.CaseId];
                return new Contract(
                    r.Utility.ServiceLabel(),
                    r.CaseNumber,
                    child.State.Label(),
                    r.ContractNumber,
                    r.Terms,
                    r.UtilitySignedAt is null ? null : $"{r.Utility.Label()}单位 {r.UtilitySignedBy} 于 {F(r.UtilitySignedAt)} 签章",
                    r.ApplicantSignedAt is null ? null : $"申请人 {r.ApplicantSignedBy} 于 {F(r.ApplicantSignedAt)} 确认",
                    child.State == CaseState.ContractConfirm,
                    child.Version);
            }).ToList();
            var applicantSide = c.ApplicantId == me.Id || c.FiledById == me.Id;
            return new Result(c.Number, application.CaseNumber, application.Address, application.Joint, contracts, applicantSide);
        }
    }
}
