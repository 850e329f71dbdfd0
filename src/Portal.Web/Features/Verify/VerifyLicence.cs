using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Enterprises;

namespace Portal.Web.Features.Verify;

/// <summary>Public licence verification (the QR code opens it): valid or not, with the public licence fields only.</summary>
public static class VerifyLicence
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        public string Code { get; init; } = "";
    }

    public sealed record Result(string Code, string? FormatError, Enterprise? Enterprise, LicenceStatus? Standing = null);

    public sealed class Handler(PortalDbContext db, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var code = UnifiedSocialCreditCode.Normalize(request.Code ?? "");
            if (UnifiedSocialCreditCode.Validate(code) is { } error)
            {
                return new Result(code, error, null);
            }

            var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == code, cancellationToken);
            if (enterprise is null)
            {
                return new Result(code, null, null);
            }

            var clock = await calendar.GetClockAsync(cancellationToken);
            return new Result(code, null, enterprise, await LicenceStatus.OfAsync(db, enterprise, clock, time.GetUtcNow().UtcDateTime, cancellationToken));
        }
    }
}
