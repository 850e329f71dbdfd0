using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Admin;

public static class AccountList
{
    public const int PageSize = 50;

    [RequireRoles(Roles.Admin)]
    public sealed record Query : IQuery<Result>
    {
        public string? Search { get; init; }

        public int Page { get; init; } = 1;
    }

    public sealed record Row(string Id, string UserName, string FullName, IReadOnlyList<string> Roles, bool Locked, bool SecondFactor);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(PortalDbContext db, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var users = db.Users.AsNoTracking();
            if (request.Search?.Trim() is { Length: > 0 } search)
            {
                users = users.Where(u => u.UserName!.Contains(search) || u.FullName.Contains(search));
            }

            var total = await users.CountAsync(cancellationToken);
            var page = Math.Clamp(request.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var rows = await users.OrderBy(u => u.UserName)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(u => new { u.Id, u.UserName, u.FullName, u.LockoutEnd, u.TwoFactorEnabled })
                .ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken);
            var now = time.GetUtcNow();
            return new Result(
                [.. rows.Select(r => new Row(
                    r.Id,
                    r.UserName ?? "",
                    r.FullName,
                    [.. roles.Where(x => x.UserId == r.Id).Select(x => x.Name ?? "").Order(StringComparer.Ordinal)],
                    r.LockoutEnd > now,
                    r.TwoFactorEnabled))],
                total,
                page);
        }
    }
}
