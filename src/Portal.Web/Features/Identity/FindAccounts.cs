using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Identity;

/// <summary>The applicant accounts registered with a mobile number or an ID number (several may claim one ID number).</summary>
public static class FindAccounts
{
    [RequireRoles(Roles.Window)]
    public sealed record Query : IQuery<Result>
    {
        public string? Search { get; init; }

        public string? Account { get; init; }
    }

    public sealed record Row(string Id, string Mobile, string Name, string IdNumberMasked, string Level, bool Verified, string Registered);

    public sealed record Result(string? Search, string? Message, IReadOnlyList<Row> Rows, Row? Selected);

    public sealed class Handler(PortalDbContext db, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var search = request.Search?.Trim() ?? "";
            if (search.Length == 0)
            {
                return new Result(null, null, [], null);
            }

            if (search.Length > 50)
            {
                return new Result(null, "请输入11位手机号或18位居民身份证号。", [], null);
            }

            var idNumber = ResidentIdNumber.Normalize(search);
            var applicantRole = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).SingleAsync(cancellationToken);
            var users = await db.Users.AsNoTracking()
                .Where(u => (u.UserName == search || u.PhoneNumber == search || u.IdNumber == idNumber)
                    && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == applicantRole))
                .OrderBy(u => u.CreatedAt).Take(20).ToListAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var rows = users.Select(u => new Row(
                    u.Id,
                    u.PhoneNumber ?? u.UserName ?? "",
                    u.FullName,
                    PersonalData.MaskIdNumber(u.IdNumber),
                    IdentityRules.Describe(u.Level, u.VerifiedByName, u.VerifiedAt is { } at ? DeadlineView.Format(clock.ToLocal(at)) : null),
                    u.Level.IsVerified(),
                    DeadlineView.Format(clock.ToLocal(u.CreatedAt))))
                .ToList();
            return new Result(
                search,
                rows.Count == 0 ? "没有找到以该手机号或身份证号注册的申请人账号。请申请人先实名注册。" : null,
                rows,
                rows.FirstOrDefault(r => r.Id == request.Account));
        }
    }
}
