using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;

namespace Portal.Web.Features.Promises;

public static class ProfileEditor
{
    [RequireRoles(Roles.Admin)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(string Active, IReadOnlyList<(string Code, string Name)> Profiles, IReadOnlyList<PromiseLimit> Rows);

    public sealed class Handler(PortalDbContext db, PromiseService promises) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var rows = await db.PromiseLimits.AsNoTracking().Where(p => p.ProfileCode == table.ProfileCode).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            return new Result(table.ProfileCode, PolicyProfiles.All.Select(p => (p.Code, p.Name)).ToList(), rows);
        }
    }
}
