using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Enterprises;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Enterprise> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await mediator.Send(new MyEnterprises.Query(), cancellationToken);
}

/// <summary>我的企业: the enterprises the signed-in applicant registered through the portal.</summary>
public static class MyEnterprises
{
    public sealed record Query : IQuery<IReadOnlyList<Enterprise>>;

    public sealed class Handler(PortalDbContext db, CurrentUser me) : IRequestHandler<Query, IReadOnlyList<Enterprise>>
    {
        public async Task<IReadOnlyList<Enterprise>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Enterprises.AsNoTracking()
                .Where(e => e.OwnerId == me.Id || db.Users.Any(u => u.Id == me.Id && u.IdNumber != null && u.IdNumber == e.LegalRepresentativeIdNumber))
                .OrderByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
    }
}
