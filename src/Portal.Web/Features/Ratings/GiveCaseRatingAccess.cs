using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

/// <summary>一事一评 is given by the case's applicant only: checked before the rating form is validated (STYLE 13).</summary>
public sealed class GiveCaseRatingAccess(PortalDbContext db, CurrentUser me) : IAccessRule<GiveCaseRating.Command>
{
    public const string NotYours = "未找到该办件，或该办件不属于您。只有申请人本人可以评价。";

    public async Task EnsureAsync(GiveCaseRating.Command request, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Number == request.Number && c.ApplicantId == me.Id, cancellationToken))
        {
            throw new NotFoundException(NotYours);
        }
    }
}
