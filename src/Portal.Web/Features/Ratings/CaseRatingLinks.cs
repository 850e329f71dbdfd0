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
/// 一事一评 on the case page: for its applicant, each step that can be rated now, or the rating already given. A 报装
/// application (parent case) offers each utility's steps instead (each utility is rated under its own unit).
/// </summary>
public static class CaseRatingLinks
{
    [RequireRoles]
    public sealed record Query : IQuery<IReadOnlyList<Link>>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Link(RatingSubject Subject, string Text, string Href, bool Rated);

    public sealed class Handler(PortalDbContext db, CurrentUser me, CaseReads reads) : IRequestHandler<Query, IReadOnlyList<Link>>
    {
        public async Task<IReadOnlyList<Link>> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await reads.ByNumberAsync(request.Number, cancellationToken);
            return c is null || c.ApplicantId != me.Id ? [] : await LinksAsync(db, me, c, null, cancellationToken);
        }
    }

    private static readonly RatingSubject[] Steps = [RatingSubject.Acceptance, RatingSubject.Processing];

    /// <summary>The links of one applicant's case (of every step, or of <paramref name="only"/>).</summary>
    public static async Task<IReadOnlyList<Link>> LinksAsync(PortalDbContext db, CurrentUser me, Case c, RatingSubject? only, CancellationToken cancellationToken)
    {
        var subjects = Steps.Where(s => only is null || s == only).ToList();
        if (ConnectionService.IsParent(c.ServiceCode))
        {
            return await UtilityLinksAsync(db, me, c, subjects, cancellationToken);
        }

        var given = await db.Ratings.AsNoTracking().Where(r => r.CaseNumber == c.Number).Select(r => new { r.Subject, r.AccessCode, r.RaterId }).ToListAsync(cancellationToken);
        var links = new List<Link>();
        foreach (var subject in subjects)
        {
            var rating = given.FirstOrDefault(g => g.Subject == subject)
                ?? (await RatingTargets.EarlierApplicationRatingAsync(db, c, subject, cancellationToken) is { } earlier ? new { earlier.Subject, earlier.AccessCode, earlier.RaterId } : null);
            if (rating is not null)
            {
                links.Add(new Link(subject, $"{subject.Label()}环节已评价", rating.RaterId == me.Id ? $"/Ratings/View/{rating.AccessCode}" : "", true));
            }
            else if (RatingTargets.CaseRefusal(c, subject) is null)
            {
                links.Add(new Link(subject, $"评价{subject.Label()}环节", $"/Ratings/Case/{c.Number}/{subject}", false));
            }
        }

        return links;
    }

    /// <summary>The steps of each utility of a 报装 application (in the order of the utilities), rated on the utility's own case.</summary>
    private static async Task<IReadOnlyList<Link>> UtilityLinksAsync(PortalDbContext db, CurrentUser me, Case parent, IReadOnlyList<RatingSubject> subjects, CancellationToken cancellationToken)
    {
        var parts = await db.UtilityRequests.AsNoTracking()
            .Where(r => r.Application.CaseId == parent.Id)
            .Join(db.Cases.AsNoTracking(), r => r.CaseId, x => x.Id, (r, x) => new { r.Utility, Case = x })
            .ToListAsync(cancellationToken);
        var numbers = parts.Select(p => p.Case.Number).Append(parent.Number).ToList();
        var given = await db.Ratings.AsNoTracking().Where(r => r.CaseNumber != null && numbers.Contains(r.CaseNumber))
            .Select(r => new { r.CaseNumber, r.Subject, r.AccessCode, r.RaterId }).ToListAsync(cancellationToken);
        var links = new List<Link>();
        foreach (var subject in subjects)
        {
            // Rated as a whole before each utility was rated on its own: that one rating stands for the step (一事一评).
            if (given.FirstOrDefault(g => g.CaseNumber == parent.Number && g.Subject == subject) is { } whole)
            {
                links.Add(new Link(subject, $"{subject.Label()}环节已评价", whole.RaterId == me.Id ? $"/Ratings/View/{whole.AccessCode}" : "", true));
                continue;
            }

            foreach (var part in parts.OrderBy(p => p.Utility))
            {
                var utility = part.Utility.Label();
                if (given.FirstOrDefault(g => g.CaseNumber == part.Case.Number && g.Subject == subject) is { } rating)
                {
                    links.Add(new Link(subject, $"{utility}{subject.Label()}环节已评价", rating.RaterId == me.Id ? $"/Ratings/View/{rating.AccessCode}" : "", true));
                }
                else if (RatingTargets.CaseRefusal(part.Case, subject) is null)
                {
                    links.Add(new Link(subject, $"评价{utility}{subject.Label()}环节", $"/Ratings/Case/{part.Case.Number}/{subject}", false));
                }
            }
        }

        return links;
    }
}
