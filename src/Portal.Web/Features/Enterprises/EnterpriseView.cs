using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Features.Enterprises;

/// <summary>An enterprise's electronic licence and seal as its owner (or staff) sees them, with its later items.</summary>
public static class EnterpriseView
{
    public sealed record Query : IQuery<Result>
    {
        public string CreditCode { get; init; } = "";

        public string VerifyBase { get; init; } = "";
    }

    /// <summary>A 单独办理 item; <paramref name="MayStart"/>: this person may start it (legal representative, an agent for it, or a window clerk).</summary>
    public sealed record LaterItem(string Code, string Label, string Department, string? CaseNumber, string? CaseState, bool MayStart = false);

    public sealed record ExitCase(string Number, string Service, string State);

    public sealed record Result(
        Enterprise Enterprise,
        string LegalRepresentativeIdMasked,
        string Established,
        string QrSvg,
        string SealSvg,
        string VerifyUrl,
        string? EstablishmentCase,
        IReadOnlyList<LaterItem> LaterItems,
        bool CanStart,
        IReadOnlyList<EnterprisePermit> Permits,
        IReadOnlyList<ExitCase> Deregistrations,
        bool MayDeregister,
        bool IsSupervisor,
        LicenceStatus Status,
        string? StartRefusal)
    {
        /// <summary>Where the person stands (legal representative, agent, owner, staff) and what they may do.</summary>
        public EnterpriseStanding Standing { get; init; } = null!;

        public bool MaySimple { get; init; }

        public bool MayOrdinary { get; init; }

        /// <summary>The enterprise's agents, for its legal representative (who may revoke them).</summary>
        public IReadOnlyList<Agents.AgentRow> AgentRows { get; init; } = [];
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, EnterpriseAccess access, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var (enterprise, standing) = await access.ForCodeAsync(request.CreditCode, cancellationToken)
                ?? throw new NotFoundException(EnterpriseStanding.NotFound);
            standing.EnsureVisible();

            // An enterprise registered before the portal (or by another system) has no 企业开办 case here.
            // Nothing new starts for an enterprise that is cancelled or being deregistered (StartLater.RefusalAsync).
            var refusal = await StartLater.RefusalAsync(db, enterprise, cancellationToken);
            var establishment = await db.Cases.AsNoTracking().Include(c => c.SubItems).FirstOrDefaultAsync(c => c.Id == enterprise.CaseId, cancellationToken);
            var addons = await db.Cases.AsNoTracking().Where(c => c.SubjectCode == enterprise.CreditCode).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
            var later = EstablishmentCatalog.Items
                .Where(i => !i.Mandatory && (i.AnyTime || (establishment?.SubItems.Any(s => s.Code == i.Code && s.State == SubItemState.Later) ?? false)))
                .Select(i =>
                {
                    var latest = addons.FirstOrDefault(c => c.ServiceCode == EstablishmentService.AddonPrefix + i.Code);
                    return new LaterItem(i.Code, i.Label, i.Department.Label(), latest?.Number, latest?.State.Label(),
                        refusal is null && standing.MayFile(EstablishmentService.AddonPrefix + i.Code));
                })
                .ToList();
            var url = $"{request.VerifyBase}/verify/{enterprise.CreditCode}";
            var open = enterprise.IsActive && enterprise.DeregistrationCaseId is null;
            var maySimple = open && standing.MayFile(DeregistrationService.SimpleCode);
            var mayOrdinary = open && standing.MayFile(DeregistrationService.OrdinaryCode);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var status = await LicenceStatus.OfAsync(db, enterprise, clock, time.GetUtcNow().UtcDateTime, cancellationToken);
            return new Result(
                enterprise,
                PersonalData.MaskIdNumber(enterprise.LegalRepresentativeIdNumber),
                enterprise.EstablishedOn.ToString("yyyy年M月d日"),
                Licence.QrSvg(url),
                Licence.SealSvg(enterprise.Name, enterprise.CreditCode),
                url,
                establishment?.Number,
                later,
                later.Any(i => i.MayStart),
                await db.Permits.AsNoTracking().Where(p => p.EnterpriseId == enterprise.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken),
                addons.Where(c => DeregistrationService.IsDeregistration(c.ServiceCode))
                    .Select(c => new ExitCase(c.Number, services.NameOf(c.ServiceCode), c.State.Label())).ToList(),
                maySimple || mayOrdinary,
                open && me.IsInRole(Roles.Supervisor),
                status,
                refusal)
            {
                Standing = standing,
                MaySimple = maySimple,
                MayOrdinary = mayOrdinary,
                AgentRows = standing.MayManageAgents
                    ? await Agents.RowsAsync(db, clock, enterprise.Id, time.GetUtcNow().UtcDateTime, cancellationToken)
                    : [],
            };
        }
    }
}
