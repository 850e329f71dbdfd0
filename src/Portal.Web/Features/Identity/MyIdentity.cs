using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Identity;

public static class MyIdentity
{
    [RequireRoles(Roles.Applicant)]
    public sealed record Query : IQuery<Result>;

    /// <summary>An authorisation the person holds as an agent (经办人).</summary>
    public sealed record Mandate(string EnterpriseName, string CreditCode, string LegalRepresentative, IReadOnlyList<string> Services, string Until);

    public sealed record Result(
        string FullName,
        string IdNumberMasked,
        string Mobile,
        IdentityLevel Level,
        string Description,
        bool Lapsed,
        bool ProviderEnabled,
        string ProviderName,
        bool LinkedToProvider,
        IReadOnlyList<Mandate> Mandates);

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time, IOptions<IdentityProviderOptions> provider)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == me.Id, cancellationToken) ?? throw new NotSignedInException();
            var clock = await calendar.GetClockAsync(cancellationToken);
            var level = user.Level;
            var at = user.VerifiedAt is { } v ? DeadlineView.Format(clock.ToLocal(v)) : null;
            var now = time.GetUtcNow().UtcDateTime;
            var mandates = new List<Mandate>();
            if (level.IsVerified())
            {
                var rows = await db.EnterpriseAgents.AsNoTracking()
                    .Where(a => a.AgentUserId == user.Id && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now))
                    .Join(db.Enterprises.Where(e => e.Status == EnterpriseStatus.Active), a => a.EnterpriseId, e => e.Id, (a, e) => new { a, e.Name, e.CreditCode, e.LegalRepresentative })
                    .OrderBy(x => x.a.Id).Take(100).ToListAsync(cancellationToken);
                mandates.AddRange(rows.Select(x => new Mandate(
                    x.Name,
                    x.CreditCode,
                    x.LegalRepresentative,
                    x.a.ServiceCodes.Select(BindingServices.LabelOf).ToList(),
                    Agents.Until(x.a.ExpiresAt, clock))));
            }

            var linked = await db.UserLogins.AsNoTracking().AnyAsync(l => l.UserId == user.Id && l.LoginProvider == IdentityProviderOptions.Scheme, cancellationToken);
            return new Result(
                user.FullName,
                PersonalData.MaskIdNumber(user.IdNumber),
                PersonalData.MaskPhone(user.PhoneNumber ?? user.UserName),
                level,
                IdentityRules.Describe(level, user.VerifiedByName, at),
                !level.IsVerified() && user.VerifiedAt is not null,
                provider.Value.Enabled,
                provider.Value.DisplayName,
                linked,
                mandates);
        }
    }
}
