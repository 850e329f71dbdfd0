using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Cases;

/// <summary>One case as its applicant or a member of staff sees it: facts, the parcel-style timeline and the actions allowed now.</summary>
public static class CaseView
{
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Track(long Id, string Label, string State, SubItemState Code, bool Synchronous, string Holder, DeadlineView? Deadline, string? Took, string? HandledBy, string? Reason, long Version, IReadOnlyList<SubItemTrigger> Actions);

    public sealed record Step(string Title, string? Action, string Actor, string At, string? Holder, string? Due, string? Limit, string? Reason, string Took, bool Current, bool Overdue, bool Note);

    public sealed record Result(
        string Number,
        string Title,
        string ServiceCode,
        string Service,
        string State,
        bool Final,
        string Applicant,
        string FiledBy,
        bool FiledOnBehalf,
        string Channel,
        string Submitted,
        string Holder,
        string? Owner,
        DeadlineView Deadline,
        string? SupplementItems,
        string? Tolerance,
        string? RejectionReason,
        IReadOnlyList<Step> Timeline,
        IReadOnlyList<CaseTrigger> Actions,
        long Version,
        bool IsStaff,
        IReadOnlyList<Track> Tracks,
        IReadOnlyList<CaseLink> Links,
        string? VisitTicket,
        IReadOnlyList<(string Id, string Name)> HandOverTargets);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions, CaseReads reads)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await reads.ByNumberAsync(request.Number, cancellationToken);
            var shared = found is not null && DeregistrationService.IsDeregistration(found.ServiceCode)
                ? await db.CancellationShares.AsNoTracking().Where(s => s.Application.CaseId == found.Id).Select(s => s.Department).ToListAsync(cancellationToken)
                : [];
            var c = await CaseAccess.EnsureVisibleAsync(found, me, services, contexts, cancellationToken, shared.Select(d => d.ReviewerRole()).ToList());
            var context = await contexts.ForCaseAsync(c, cancellationToken);
            var clock = context.Clock;
            var now = context.NowUtc;
            var permitted = await CaseActions.PermittedForAsync(c, context, me.IsInRole(Roles.Supervisor));
            var tracks = new List<Track>();
            foreach (var i in c.SubItems.OrderBy(i => i.Id))
            {
                tracks.Add(new Track(
                    i.Id,
                    i.Label,
                    SubItemWorkflow.Label(i),
                    i.State,
                    i.Synchronous,
                    Roles.Label(i.HolderRole),
                    i.DueAt is null || !i.IsOpen ? null : DeadlineView.ForTrack(i.DueAt.Value, now, clock, i.StartedAt),
                    // 用时 leaves out the time the case's clock was paused for 补正.
                    i.StartedAt is { } started ? $"用时{DeadlineView.Duration(c.OfficeMinutesWorked(started, i.DoneAt ?? now, clock, now), clock)}" : null,
                    i.HandledByName,
                    i.Reason,
                    i.Version,
                    await i.PermittedActionsAsync(context, "probe")));
            }

            return new Result(
                c.Number,
                c.Title,
                c.ServiceCode,
                services.NameOf(c.ServiceCode),
                c.State.Label(),
                c.State.IsFinal(),
                c.ApplicantName,
                c.FiledByName,
                c.FiledOnBehalf,
                c.Channel.Label(),
                DeadlineView.Format(clock.ToLocal(c.CreatedAt)),
                c.State.IsFinal() || string.IsNullOrEmpty(c.HolderRole) ? "—" : Roles.Label(c.HolderRole),
                c.OwnerName,
                DeadlineView.For(c, now, clock),
                c.State == CaseState.AwaitingSupplement ? c.SupplementItems : null,
                c.ToleranceItem is null ? null : $"{c.ToleranceItem}（承诺{(c.ToleranceDueAt is { } d ? DeadlineView.Format(clock.ToLocal(d)) : "")}前补齐）",
                c.State is CaseState.RejectionProposed or CaseState.Rejected ? c.RejectionReason : null,
                Timeline(c, clock, now),
                permitted,
                c.Version,
                me.IsStaff,
                tracks,
                await actions.LinksAsync(c, cancellationToken),
                await db.Tickets.AsNoTracking().Where(t => t.CaseNumber == c.Number).OrderBy(t => t.Id).Select(t => t.Number + "（" + t.WindowNumber + " 号窗口）").FirstOrDefaultAsync(cancellationToken),
                !c.State.IsFinal() && me.IsStaff && HandOver.MayHandOver(c.OwnerId, me) ? await HandOver.TargetsAsync(db, cancellationToken) : []);
        }

        /// <summary>Each history row opens a step; the next row closes it. The last open step is the current one.</summary>
        private static List<Step> Timeline(Case c, DeadlineClock clock, DateTime now)
        {
            var events = c.History.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            var steps = new List<Step>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var overdueMark = e.Action == Case.OverdueAction;
                var note = Case.IsNote(e);
                // A step lasts until the next real step; overdue marks and sub-item moves are notes inside a step.
                var end = events.Skip(i + 1).FirstOrDefault(n => !Case.IsNote(n))?.At;
                var current = end is null && !c.State.IsFinal() && !note;
                var took = overdueMark ? "已超时"
                    : note ? ""
                    : end is { } until
                    ? $"用时{DeadlineView.Duration(clock.OfficeMinutesBetween(e.At, until), clock)}"
                    : current ? $"已用{DeadlineView.Duration(clock.OfficeMinutesBetween(e.At, now), clock)}" : "";
                // A deadline recomputed after a holiday change (a note inside the step) replaces the one the step started with.
                var due = note ? null
                    : events.Skip(i + 1).TakeWhile(Case.IsNote).LastOrDefault(n => n.Action == Case.DeadlineChangedAction)?.DueAt ?? e.DueAt;
                // A note (a track moved, an overdue mark) belongs to the step it happened in: it has no holder or
                // deadline of its own, and its title already says what happened.
                steps.Add(new Step(
                    overdueMark ? "超过承诺时限" : note ? e.ActionLabel : e.ToState.Label(),
                    note ? null : e.ActionLabel,
                    $"{e.ActorName}（{e.ActorRole}）",
                    DeadlineView.Format(clock.ToLocal(e.At)),
                    note ? null : e.ToState.IsFinal() || string.IsNullOrEmpty(e.HolderRole) ? "—" : Roles.Label(e.HolderRole),
                    due is { } d ? DeadlineView.Due(d, e.At, clock) : null,
                    e.LimitText,
                    e.Reason,
                    took,
                    current,
                    overdueMark,
                    note));
            }

            steps.Reverse();
            return steps;
        }
    }
}
