using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// The rating form of a case step as its applicant opens it: open; rated already (with the rating); not yet, saying
/// when it can be rated; or — for a 报装 application — rated per utility (with each utility's link). Someone else's
/// case is not found.
/// </summary>
public static class CaseRatingForm
{
    [RequireRoles]
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";

        public RatingSubject Subject { get; init; }
    }

    /// <param name="Given">The rating already given for the step.</param>
    /// <param name="NotYet">Why the step cannot be rated now, and when it can.</param>
    /// <param name="Parts">For a 报装 application: each utility's link for this step.</param>
    public sealed record Result(CaseRatingLinks.Link? Given, string? NotYet, IReadOnlyList<CaseRatingLinks.Link> Parts)
    {
        public bool Open => Given is null && NotYet is null;
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || c.ApplicantId != me.Id || request.Subject == RatingSubject.Visit)
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。只有申请人本人可以评价。");
            }

            var links = await CaseRatingLinks.LinksAsync(db, me, c, request.Subject, cancellationToken);
            if (ConnectionService.IsParent(c.ServiceCode))
            {
                var key = Rating.KeyFor(c.Number, request.Subject);
                var whole = await db.Ratings.AsNoTracking().Where(r => r.SubjectKey == key).Select(r => new { r.AccessCode, r.RaterId }).FirstOrDefaultAsync(cancellationToken);
                return whole is not null
                    ? new Result(new CaseRatingLinks.Link(request.Subject, $"{request.Subject.Label()}环节已评价", whole.RaterId == me.Id ? $"/Ratings/View/{whole.AccessCode}" : "", true), null, [])
                    : new Result(null, RatingTargets.ConnectionParentRefusal, links);
            }

            if (links.FirstOrDefault(l => l.Rated) is { } rated)
            {
                return new Result(rated, null, []);
            }

            return RatingTargets.CaseRefusal(c, request.Subject) is { } refusal
                ? new Result(null, $"{refusal}当前办件状态：{c.State.Label()}。", [])
                : new Result(null, null, []);
        }
    }
}
