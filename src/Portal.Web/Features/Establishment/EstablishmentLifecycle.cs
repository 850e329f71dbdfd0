using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;

namespace Portal.Web.Features.Establishment;

/// <summary>
/// 统一出件: when a 企业开办 case is 办结, the electronic business licence and the electronic seal are issued
/// together (000:81, 003:15) with a new unified social credit code; when it ends otherwise, the name is released.
/// </summary>
public sealed class EstablishmentLifecycle(PortalDbContext db, PromiseService promises) : ICaseLifecycle
{
    public bool Handles(string serviceCode) => serviceCode == EstablishmentService.Code || EstablishmentService.IsAddon(serviceCode);

    public async Task OnStateChangedAsync(Case c, CaseState from, CaseActionContext context, CancellationToken cancellationToken)
    {
        if (c.ServiceCode != EstablishmentService.Code || !c.State.IsFinal())
        {
            return;
        }

        var application = await db.EstablishmentApplications.Include(a => a.Investors).SingleAsync(a => a.CaseId == c.Id, cancellationToken);
        if (c.State == CaseState.Completed)
        {
            var table = await promises.GetAsync(cancellationToken);
            var region = PolicyProfiles.Find(table.ProfileCode)?.RegionCode ?? PolicyProfiles.Default.RegionCode;
            var sequence = await CaseNumbers.NextValueAsync(db, ReferenceData.CreditCodeSequence, cancellationToken);
            var code = CreditCodes.Issue(application.Type, region, sequence);
            var today = context.Clock.LocalDate(context.NowUtc);
            db.Enterprises.Add(Enterprise.Register(code, application.ToDetails(), c.ApplicantId, c.Id, today, context.NowUtc));
            application.Status = ApplicationStatus.Closed;
        }
        else if (c.State.IsFinal())
        {
            application.Status = ApplicationStatus.Closed;
            var reservation = await db.NameReservations.FirstOrDefaultAsync(r => r.ApplicationId == application.Id, cancellationToken);
            if (reservation is not null)
            {
                db.NameReservations.Remove(reservation);
            }
        }
    }

    public async Task<IReadOnlyList<CaseLink>> LinksAsync(Case c, CancellationToken cancellationToken)
    {
        var links = new List<CaseLink>();
        if (c.ServiceCode == EstablishmentService.Code)
        {
            links.Add(new("查看申请表", $"/Establishment/Application/{c.Number}"));
            var code = await db.Enterprises.AsNoTracking().Where(e => e.CaseId == c.Id).Select(e => e.CreditCode).FirstOrDefaultAsync(cancellationToken);
            if (code is not null)
            {
                links.Add(new("电子营业执照和电子印章", $"/Enterprises/{code}"));
            }
        }
        else if (c.SubjectCode is not null)
        {
            links.Add(new("企业信息", $"/Enterprises/{c.SubjectCode}"));
        }

        return links;
    }
}
