using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// The 注销 part of a case page: what was declared, the notice, objections and claims (the objector's identity
/// only for registration staff; claimants also for the liquidation group), cancelled permits and which
/// departments have confirmed the shared result.
/// </summary>
public static class CasePanel
{
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Response(long Id, string Kind, string Filed, string? Who, string Content, string? Amount, string Decision, NoticeDecision Code, string? DecisionReason, string? DecidedBy);

    public sealed record Share(long Id, string Department, bool Confirmed, string? By, string? At, long Version, bool CanConfirm);

    public sealed record Permit(string Name, string Number, string Status);

    public sealed record Result(
        DeregistrationRoute Route,
        IReadOnlyList<string> Conditions,
        string? Signed,
        string? DissolutionReason,
        string? LiquidationHead,
        string? LiquidationGroup,
        string? GroupFormed,
        string? AuthorityReason,
        string? Notice,
        int Corrections,
        string? TerminationReason,
        IReadOnlyList<Response> Responses,
        bool CanDecide,
        IReadOnlyList<Permit> Permits,
        IReadOnlyList<Share> Shares,
        long CaseVersion);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, CaseContexts contexts, CaseReads reads) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await reads.ByNumberAsync(request.Number, cancellationToken);
            if (c is null || !DeregistrationService.IsDeregistration(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件。");
            }

            var d = await db.Deregistrations.AsNoTracking().Include(x => x.Responses).Include(x => x.Shares).AsSplitQuery()
                .SingleAsync(x => x.CaseId == c.Id, cancellationToken);
            await CaseAccess.EnsureVisibleAsync(c, me, services, contexts, cancellationToken, SharedRoles(d));
            var clock = await calendar.GetClockAsync(cancellationToken);
            string F(DateTime? utc) => utc is { } u ? DeadlineView.Format(clock.ToLocal(u)) : "—";
            var market = me.IsInRole(Department.Market.ReviewerRole());
            var seesIdentity = market || me.IsInRole(Roles.Supervisor);
            var permits = await db.Permits.AsNoTracking().Where(p => p.EnterpriseId == d.EnterpriseId).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            var responses = d.Responses.OrderBy(r => r.Id).Select(r =>
            {
                var claim = r.Kind == NoticeResponseKind.Claim;
                // Objections: the registration staff see who objected; claims: the liquidation group (the applicant) too.
                var who = seesIdentity || (claim && !me.IsStaff) ? $"{r.Name}（{r.Contact}）" : claim ? null : PersonalData.MaskName(r.Name);
                return new Response(r.Id, claim ? "债权申报" : "异议", F(r.FiledAt), who, r.Content, r.Amount is { } a ? $"{a:#,0.##}元" : null,
                    NoticeResponse.Label(r.Decision), r.Decision, r.DecisionReason, r.DecidedByName);
            }).ToList();
            return new Result(
                d.Route,
                d.ConfirmedConditions is { Length: > 0 } codes
                    ? codes.Split(',').Select(code => SimpleDeregistrationRules.Conditions.FirstOrDefault(x => x.Code == code)?.Text ?? code).ToList()
                    : [],
                d.CommitmentSignedBy is null ? null : $"{d.CommitmentSignedBy}（{F(d.CommitmentSignedAt)}签署）",
                d.DissolutionReason,
                d.LiquidationHead,
                d.LiquidationGroup,
                d.GroupFormedAt is { } formed ? clock.ToLocal(formed).ToString("yyyy年M月d日") : null,
                d.AuthorityReason,
                d.NoticeStartsAt is { } noticeStart ? $"{F(noticeStart)} 至 {(d.NoticeEndsAt is { } noticeEnd ? DeadlineView.Due(noticeEnd, noticeStart, clock) : "—")}" : null,
                d.Corrections,
                d.TerminationReason,
                responses,
                market && c.State == CaseState.NoticePeriod,
                permits.Select(p => new Permit(p.Name, p.Number, EnterprisePermit.Label(p.Status) + (p.CancelledOn is { } on ? $"（{on:yyyy年M月d日}同步注销）" : ""))).ToList(),
                d.Shares.OrderBy(s => s.Department).Select(s => new Share(s.Id, s.Department.Label(), s.Confirmed, s.ConfirmedByName, s.ConfirmedAt is null ? null : F(s.ConfirmedAt), s.Version,
                    !s.Confirmed && me.IsInRole(s.Department.ReviewerRole()))).ToList(),
                c.Version);
        }
    }

    /// <summary>The back-office roles that received the cancellation and may open its case.</summary>
    public static IReadOnlyList<string> SharedRoles(DeregistrationApplication d) => d.Shares.Select(s => s.Department.ReviewerRole()).ToList();
}
