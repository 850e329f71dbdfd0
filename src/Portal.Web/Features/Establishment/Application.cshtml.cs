using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;

namespace Portal.Web.Features.Establishment;

public sealed class ApplicationModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    public SubmittedApplication.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new SubmittedApplication.Query { Number = Number }, cancellationToken);
}

/// <summary>The submitted form of a 企业开办 case, for whoever may see the case; identity numbers are masked.</summary>
public static class SubmittedApplication
{
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Result(string Number, EstablishmentApplication Application, string Scope, string LegalRepresentativeId, IReadOnlyList<(string Name, string Id, decimal Share)> Investors);

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
                application.Investors.Select(i => (i.Name, i.IdentityNumber.Length == 18 && char.IsAsciiDigit(i.IdentityNumber[0]) && char.IsAsciiDigit(i.IdentityNumber[6]) ? PersonalData.MaskIdNumber(i.IdentityNumber) : i.IdentityNumber, i.SharePercent)).ToList());
        }
    }
}
