using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;

namespace Portal.Web.Features.Establishment;

/// <summary>
/// The submitted form of a 企业开办 case, for whoever may see the case; identity numbers are masked, and the contact
/// phone too unless the viewer's task needs it (<see cref="SeesContactPhone"/>).
/// </summary>
public static class SubmittedApplication
{
    /// <summary>
    /// Who sees the contact phone in full (个人信息 minimum necessary): the applicant, whoever filed or owns the case (首问负责人),
    /// window staff and supervisors, who call applicants; 市场监管, who examines the registration and asks for what is
    /// missing; 银行, who arranges the account-opening appointment; 公安 when the seals are mailed (the courier needs it).
    /// Everyone else — 税务, 人社, 医保, 公积金, administrators — sees 138****5678.
    /// </summary>
    public static bool SeesContactPhone(Portal.Domain.Cases.Case c, EstablishmentApplication application, CurrentUser me) =>
        c.ApplicantId == me.Id || c.FiledById == me.Id || c.OwnerId == me.Id
        || me.IsInRole(Roles.Window) || me.IsInRole(Roles.Supervisor)
        || me.IsInRole(Department.Market.ReviewerRole()) || me.IsInRole(Department.Bank.ReviewerRole())
        || (application.SealDelivery == SealDelivery.Mail && me.IsInRole(Department.Police.ReviewerRole()));

    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Result(string Number, EstablishmentApplication Application, string Scope, string LegalRepresentativeId, IReadOnlyList<(string Name, string Id, decimal Share)> Investors)
    {
        /// <summary>The contact phone as this viewer may see it (whole, or masked).</summary>
        public string ContactPhone { get; init; } = "";
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = CaseAccess.EnsureVisible(
                await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services);
            var application = await db.EstablishmentApplications.AsNoTracking().Include(a => a.Investors).FirstOrDefaultAsync(a => a.CaseId == c.Id, cancellationToken)
                ?? throw new NotFoundException("该办件没有企业开办申请表。");
            return new Result(
                c.Number,
                application,
                EstablishmentCatalog.ScopeText(application.ScopeCodeList, application.OtherScope),
                PersonalData.MaskIdNumber(application.LegalRepresentativeIdNumber),
                application.Investors.Select(i => (i.Name, i.IdentityNumber.Length == 18 && char.IsAsciiDigit(i.IdentityNumber[0]) && char.IsAsciiDigit(i.IdentityNumber[6]) ? PersonalData.MaskIdNumber(i.IdentityNumber) : i.IdentityNumber, i.SharePercent)).ToList())
            {
                ContactPhone = SeesContactPhone(c, application, me) ? application.ContactPhone : PersonalData.MaskPhone(application.ContactPhone),
            };
        }
    }
}
