using System.ComponentModel.DataAnnotations;
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

/// <summary>市场监管 decides an objection: upheld ends the simple route; dismissed lets the notice run on (or end, if it has).</summary>
public static class DecideObjection
{
    [RequireRoles(Roles.ReviewerPrefix + nameof(Department.Market))]
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "异议")]
        public long ResponseId { get; init; }

        [Display(Name = "认定结果")]
        public bool Upheld { get; init; }

        [Display(Name = "处理意见")]
        public string? Reason { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请写明异议处理意见（成立或不成立的理由）。").MaximumLength(1000).WithMessage("处理意见不能超过1000字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CaseContexts contexts, CaseActions actions, DeregistrationExpiry expiry) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !DeregistrationService.IsDeregistration(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件。");
            }

            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var context = await contexts.ForCaseAsync(c, cancellationToken);
            var d = ((DeregistrationFlow)context.Flow!).Application;
            var response = d.Responses.FirstOrDefault(r => r.Id == request.ResponseId && r.Kind == NoticeResponseKind.Objection)
                ?? throw new NotFoundException("未找到该异议。");
            if (response.Decision != NoticeDecision.Pending)
            {
                throw new RuleViolationException(["这件异议已经处理过。"]);
            }

            if (c.State != CaseState.NoticePeriod)
            {
                throw new RuleViolationException([$"办件当前为“{c.State.Label()}”，不能处理异议。"]);
            }

            var reason = request.Reason!.Trim();
            if (request.Upheld)
            {
                await actions.FireAsync(c, CaseTrigger.UpholdObjection, context, new CaseActionArgs { Reason = $"异议成立：{reason}。简易注销终止，请改为办理普通注销。" }, cancellationToken);
                response.Decide(true, reason, me.Name, context.NowUtc);
            }
            else
            {
                response.Decide(false, reason, me.Name, context.NowUtc);
                c.Record("异议不成立", context.Actor, context.NowUtc, reason);
                await expiry.MoveOnIfEndedAsync(c, context, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>A department confirms it received the cancellation (注销结果共享).</summary>
public static class ConfirmShare
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "确认事项")]
        public long ShareId { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var caseId = await db.CancellationShares.Where(s => s.Id == request.ShareId && s.Application.CaseNumber == request.Number)
                .Select(s => (long?)s.Application.CaseId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("未找到该确认事项。");

            // Departments confirming at the same moment take turns on the case row (each adds a note to it).
            await RowLocks.LockCaseAsync(db, caseId, cancellationToken);
            var share = await db.CancellationShares.Include(s => s.Application).SingleAsync(s => s.Id == request.ShareId, cancellationToken);
            if (!me.IsInRole(share.Department.ReviewerRole()))
            {
                throw new ForbiddenException($"只有{share.Department.Label()}后台人员可以确认。");
            }

            if (share.Confirmed)
            {
                throw new RuleViolationException([$"{share.Department.Label()}已于之前确认，无需重复确认。"]);
            }

            if (share.Version != request.ExpectedVersion)
            {
                throw new ConflictException(ConflictException.RecordChanged);
            }

            db.Entry(share).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            share.Confirm(actor, now);
            var c = await db.Cases.SingleAsync(x => x.Id == share.Application.CaseId, cancellationToken);
            c.Record($"{share.Department.Label()}确认收到注销信息", actor, now, null);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
