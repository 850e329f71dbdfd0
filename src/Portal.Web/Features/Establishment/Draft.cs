using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Establishment;

/// <summary>The signed-in applicant's saved draft, if any.</summary>
public static class Draft
{
    [RequireRoles(Roles.Applicant)]
    public sealed record Query : IQuery<EstablishmentForm?>;

    public sealed class Handler(PortalDbContext db, CurrentUser me) : IRequestHandler<Query, EstablishmentForm?>
    {
        public async Task<EstablishmentForm?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.EstablishmentApplications.AsNoTracking().Include(a => a.Investors)
                .Where(a => a.ApplicantId == me.Id && a.Status == ApplicationStatus.Draft)
                .OrderByDescending(a => a.UpdatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            return draft is null ? null : EstablishmentForm.FromApplication(draft);
        }
    }
}
