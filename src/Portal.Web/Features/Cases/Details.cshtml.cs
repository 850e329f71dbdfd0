using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Cases;

public sealed class DetailsModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    [BindProperty]
    public Act.Command Data { get; set; } = new();

    [BindProperty]
    public SubItemAct.Command Item { get; set; } = new();

    [BindProperty]
    public Deregistration.DecideObjection.Command Objection { get; set; } = new();

    [BindProperty]
    public Deregistration.ConfirmShare.Command Share { get; set; } = new();

    public CaseView.Result View { get; private set; } = null!;

    [BindProperty]
    public Connections.ScheduleSurvey.Command Survey { get; set; } = new();

    [BindProperty]
    public Connections.SetDesignBudget.Command Budget { get; set; } = new();

    /// <summary>注销's own part of the page, for deregistration cases.</summary>
    public Deregistration.CasePanel.Result? Panel { get; private set; }

    /// <summary>报装's own part of the page, for connection cases.</summary>
    public Connections.ConnectionPanel.Result? Connection { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data with { Number = Number }, cancellationToken);
        TempData["Notice"] = Data.Trigger.DoneNotice();
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostItemAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Item with { Number = Number }, cancellationToken);
        TempData["Notice"] = $"已{SubItemWorkflow.Label(Item.Trigger)}。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostObjectionAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Objection with { Number = Number }, cancellationToken);
        TempData["Notice"] = Objection.Upheld ? "已认定异议成立，简易注销终止。" : "已认定异议不成立。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostShareAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Share with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已确认收到注销信息。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostSurveyAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Survey with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已安排踏勘，各专营单位同时收到通知。";
        return RedirectToPage(new { Number });
    }

    [BindProperty]
    public HandOver.Command Transfer { get; set; } = new();

    public async Task<IActionResult> OnPostHandOverAsync(CancellationToken cancellationToken)
    {
        var name = await mediator.Send(Transfer with { Number = Number }, cancellationToken);
        TempData["Notice"] = $"已移交首问负责人：{name}。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostBudgetAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Budget with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已录入设计预算。";
        return RedirectToPage(new { Number });
    }

    /// <summary>申请材料 (Features/Materials): the list, the files and their review.</summary>
    public Materials.CasePanel.Result? MaterialPanel { get; private set; }

    /// <summary>一事一评 links for the case's applicant.</summary>
    public IReadOnlyList<Ratings.CaseRatingLinks.Link> RatingLinks { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new CaseView.Query { Number = Number }, cancellationToken);
        RatingLinks = View.IsStaff ? [] : await mediator.Send(new Ratings.CaseRatingLinks.Query { Number = Number }, cancellationToken);
        Panel = Features.Deregistration.DeregistrationService.IsDeregistration(View.ServiceCode)
            ? await mediator.Send(new Deregistration.CasePanel.Query { Number = Number }, cancellationToken)
            : null;
        MaterialPanel = await mediator.Send(new Materials.CasePanel.Query { Number = Number }, cancellationToken);
        Connection = Features.Connections.ConnectionService.IsConnection(View.ServiceCode)
            ? await mediator.Send(new Connections.ConnectionPanel.Query { Number = Number }, cancellationToken)
            : null;
    }
}

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

/// <summary>Any workflow action on a case, sent by the buttons of the case page.</summary>
public static class Act
{
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "办理操作")]
        public CaseTrigger Trigger { get; init; }

        [Display(Name = "理由或事项")]
        public string? Reason { get; init; }

        [Display(Name = "承诺补齐日期")]
        public DateOnly? CommitmentDate { get; init; }

        [Display(Name = "督查批准再次补正")]
        public bool SupervisorOverride { get; init; }

        /// <summary>The case version the form was showing; a different current version means someone acted first.</summary>
        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Number).NotEmpty().WithMessage("缺少办件编号。");
            RuleFor(c => c.Trigger).IsInEnum().WithMessage("未知的操作。");
            RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("理由或事项不能超过2000字。");
            RuleFor(c => c.Reason).MaximumLength(500).When(c => c.Trigger == CaseTrigger.AcceptWithMissing).WithMessage("容缺受理的缺项不能超过500字。");
            RuleFor(c => c.Reason).MaximumLength(1000).When(c => c.Trigger == CaseTrigger.ProposeRejection).WithMessage("不予受理的理由不能超过1000字。");
            RuleFor(c => c.Reason).NotEmpty()
                .When(c => c.Trigger is CaseTrigger.RequestSupplement or CaseTrigger.ProposeRejection or CaseTrigger.AcceptWithMissing)
                .WithMessage(c => c.Trigger switch
                {
                    CaseTrigger.RequestSupplement => "请一次性列明需要补正的全部材料。",
                    CaseTrigger.ProposeRejection => "请写明不予受理的理由。",
                    _ => "请写明容缺的非关键材料。",
                });
            RuleFor(c => c.CommitmentDate).NotNull().When(c => c.Trigger == CaseTrigger.AcceptWithMissing)
                .WithMessage("容缺受理请填写申请人承诺补齐的日期。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            // 驳回不予受理建议 resumes the interrupted step's clock from the case's history (Case.ResumeAfterRejection).
            IQueryable<Case> cases = request.Trigger == CaseTrigger.DismissRejection ? db.Cases.Include(x => x.History) : db.Cases;
            var c = await CaseAccess.EnsureVisibleAsync(
                await cases.Include(x => x.SubItems).AsSplitQuery().FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services, contexts, cancellationToken);
            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            // Save with the version the person saw: if someone else saves first, this save conflicts.
            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var context = await contexts.ForCaseAsync(c, cancellationToken);
            var clock = context.Clock;
            await actions.FireAsync(c, request.Trigger, context, new CaseActionArgs
            {
                Reason = request.Reason?.Trim(),
                CommitmentDueUtc = request.CommitmentDate is { } date
                    ? clock.ToUtc(date.ToDateTime(clock.Calendar.OfficeHours.Close))
                    : null,
                SupervisorOverride = request.SupervisorOverride,
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>An action on one parallel sub-item of a case (开始办理, 办结, 退回, 重新提交).</summary>
public static class SubItemAct
{
    public sealed record Command : ICommand<Unit>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "并联事项")]
        public long ItemId { get; init; }

        [Display(Name = "办理操作")]
        public SubItemTrigger Trigger { get; init; }

        [Display(Name = "退回理由")]
        public string? Reason { get; init; }

        /// <summary>The sub-item version the form was showing.</summary>
        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // Every action the case page offers on a track (启动 of a 单独办理 item included); 取消 is the system's alone.
            RuleFor(c => c.Trigger).Must(t => t is SubItemTrigger.Begin or SubItemTrigger.Start or SubItemTrigger.Complete or SubItemTrigger.Return or SubItemTrigger.Resubmit)
                .WithMessage("未知的操作。");
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Trigger == SubItemTrigger.Return).WithMessage("退回请写明理由和需要补充的内容。");
            RuleFor(c => c.Reason).MaximumLength(1000).WithMessage("理由不能超过1000字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await CaseAccess.EnsureVisibleAsync(
                await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services, contexts, cancellationToken);
            var item = c.SubItems.FirstOrDefault(i => i.Id == request.ItemId) ?? throw new NotFoundException("未找到该并联事项。");
            if (item.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(item).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var context = await contexts.ForCaseAsync(c, cancellationToken);
            await actions.FireSubItemAsync(c, item, request.Trigger, context, request.Reason?.Trim(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
