using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Web.Common;

namespace Portal.Web.Features.Enterprises;

/// <summary>
/// 我的企业: the enterprises the signed-in applicant registered through the portal, leads as its verified legal
/// representative (name and ID number both match), or acts for as an authorised agent (经办人).
/// </summary>
public static class MyEnterprises
{
    public sealed record Query : IQuery<IReadOnlyList<Enterprise>>;

    public sealed class Handler(EnterpriseAccess access) : IRequestHandler<Query, IReadOnlyList<Enterprise>>
    {
        public async Task<IReadOnlyList<Enterprise>> Handle(Query request, CancellationToken cancellationToken) =>
            await (await access.VisibleAsync(cancellationToken)).OrderByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
    }
}
