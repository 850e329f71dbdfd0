using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// What a rating rates, and whether it may be given now (一事一评: 受理 once the case is accepted, 办理 once it is
/// finished, by its applicant; 一次一评: a served ticket, by whoever holds it).
/// </summary>
public static class RatingTargets
{
    /// <summary>
    /// A rating's heading for its rater: "企业开办 · 受理 · 市场监管", or for a visit "企业开办 · 现场服务 · 政务服务中心
    /// A01 号窗口" (the hall category once, and the window), with the service and the place on their own.
    /// </summary>
    public static (string Title, string Service, string Place) Describe(Rating r, ServiceCatalog services)
    {
        var service = r.Subject == RatingSubject.Visit && r.ServiceCode.StartsWith(VisitPrefix, StringComparison.Ordinal)
            ? HallCategories.LabelOf(r.ServiceCode[VisitPrefix.Length..])
            : services.NameOf(r.ServiceCode);
        var place = RatingScale.PlaceLabel(r.Unit, r.WindowNumber);
        return ($"{service} · {r.Subject.Label()} · {place}", service, place);
    }

    public static string ServiceLabel(string serviceCode, ServiceCatalog services) =>
        serviceCode.StartsWith(VisitPrefix, StringComparison.Ordinal) ? $"现场服务·{HallCategories.LabelOf(serviceCode[VisitPrefix.Length..])}" : services.NameOf(serviceCode);

    public const string VisitPrefix = "hall.";

    /// <summary>
    /// A 报装 application (the parent case) is not rated as a whole: each utility accepts and connects its own part,
    /// so each utility's child case is rated under that utility (一事一评 per utility).
    /// </summary>
    public const string ConnectionParentRefusal = "报装申请由各专营单位分别受理和办理，请在报装申请页面分别评价各专营单位的受理和办理环节。";

    /// <summary>The number of a 报装 child case's application (parent case), or null for any other case.</summary>
    public static async Task<string?> ConnectionParentOfAsync(PortalDbContext db, Case c, CancellationToken cancellationToken) =>
        ConnectionService.IsChild(c.ServiceCode)
            ? await db.UtilityRequests.AsNoTracking().Where(r => r.CaseId == c.Id).Select(r => r.Application.CaseNumber).SingleOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>
    /// A rating of the step given before the portal rated each utility's part on its own: a rating of the whole 报装
    /// application (its parent case). Then the step of every utility of that application counts as rated (一事一评).
    /// </summary>
    public static async Task<Rating?> EarlierApplicationRatingAsync(PortalDbContext db, Case c, RatingSubject subject, CancellationToken cancellationToken)
    {
        if (await ConnectionParentOfAsync(db, c, cancellationToken) is not { } parent)
        {
            return null;
        }

        var key = Rating.KeyFor(parent, subject);
        return await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.SubjectKey == key, cancellationToken);
    }

    /// <summary>Why the case's step cannot be rated now, or null.</summary>
    public static string? CaseRefusal(Case c, RatingSubject subject) => subject switch
    {
        RatingSubject.Acceptance when c.AcceptedAt is null => "办件受理后才能评价受理环节。",
        RatingSubject.Processing when c.State is not (CaseState.Completed or CaseState.Rejected) => "办件办结后才能评价办理环节。",
        RatingSubject.Visit => "评价对象不正确。",
        _ => null,
    };

    /// <summary>The staff member whose work the step was: who accepted it, or who finished it (else its 首问负责人).</summary>
    public static async Task<Rating.Target> ForCaseAsync(PortalDbContext db, Case c, RatingSubject subject, ServiceCatalog services, CancellationToken cancellationToken)
    {
        var events = c.History.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        // 办理 that the system closed (统一出件 after the last parallel track) belongs to the case's 首问负责人.
        var step = subject == RatingSubject.Acceptance
            ? events.FirstOrDefault(e => e.Action is "Accept" or "AcceptWithMissing" or "AutoAccept")
            : events.LastOrDefault(e => e.ToState.IsFinal());
        var staffId = step is { } s && s.ActorId != CaseActor.System.UserId && s.ActorId != c.ApplicantId ? s.ActorId : c.OwnerId;
        var staff = staffId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == staffId).Select(u => new { u.Id, u.FullName, u.WindowNumber }).SingleOrDefaultAsync(cancellationToken);
        return new Rating.Target(subject, c.Number, null, c.ServiceCode, services.Get(c.ServiceCode).Department.ToString(), staff?.WindowNumber, staff?.Id, staff?.FullName);
    }

    public static Rating.Target ForTicket(Ticket t) =>
        new(RatingSubject.Visit, null, t.Id, VisitPrefix + t.Category, RatingScale.HallUnit, t.WindowNumber, t.CalledById, t.CalledByName);
}
