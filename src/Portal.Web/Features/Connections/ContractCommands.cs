using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Connections;

/// <summary>
/// The supply contracts (供用合同) of one 报装 application, as the applicant reads them before confirming: each utility's
/// terms — what is supplied, the price and fee basis, the duties of both sides — with who signed and when. Opened from
/// the parent (every utility) or from one utility's case (that one only).
/// </summary>
public static class ContractList
{
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Contract(
        string Utility,
        string CaseNumber,
        string State,
        string? ContractNumber,
        ContractTerms? Terms,
        string? SignedByUtility,
        string? ConfirmedByApplicant,
        bool AwaitingConfirmation,
        long CaseVersion);

    public sealed record Result(string Number, string ParentNumber, string Address, bool Joint, IReadOnlyList<Contract> Contracts, bool MayConfirm)
    {
        public IReadOnlyList<Contract> ToConfirm => MayConfirm ? Contracts.Where(c => c.AwaitingConfirmation).ToList() : [];
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !ConnectionService.IsConnection(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件。");
            }

            CaseAccess.EnsureVisible(c, me, services);
            var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications.AsNoTracking(), c).SingleAsync(cancellationToken);

            // From the parent: every utility (its viewers are the applicant side and hall staff); from a child: that utility only.
            var requests = application.Requests.Where(r => ConnectionService.IsParent(c.ServiceCode) || r.CaseId == c.Id).OrderBy(r => r.Utility).ToList();
            var ids = requests.Select(r => r.CaseId).ToList();
            var cases = await db.Cases.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            string F(DateTime? utc) => utc is { } u ? DeadlineView.Format(clock.ToLocal(u)) : "";
            var contracts = requests.Select(r =>
            {
                var child = cases[r.CaseId];
                return new Contract(
                    r.Utility.ServiceLabel(),
                    r.CaseNumber,
                    child.State.Label(),
                    r.ContractNumber,
                    r.Terms,
                    r.UtilitySignedAt is null ? null : $"{r.Utility.Label()}单位 {r.UtilitySignedBy} 于 {F(r.UtilitySignedAt)} 签章",
                    r.ApplicantSignedAt is null ? null : $"申请人 {r.ApplicantSignedBy} 于 {F(r.ApplicantSignedAt)} 确认",
                    child.State == CaseState.ContractConfirm,
                    child.Version);
            }).ToList();
            var applicantSide = c.ApplicantId == me.Id || c.FiledById == me.Id;
            return new Result(c.Number, application.CaseNumber, application.Address, application.Joint, contracts, applicantSide);
        }
    }
}

/// <summary>
/// 专营单位签章: the utility writes the contract's terms (capacity or volume, price and fee basis, duties of both sides)
/// and signs; the applicant sees exactly these terms before confirming.
/// </summary>
public static class SignContract
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "供应容量或用量")]
        public string? Capacity { get; init; }

        [Display(Name = "价格及收费依据")]
        public string? Price { get; init; }

        [Display(Name = "供方责任")]
        public string? UtilityDuties { get; init; }

        [Display(Name = "用方责任")]
        public string? CustomerDuties { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Capacity).NotEmpty().WithMessage("请填写供应容量或用量。")
                .MaximumLength(ContractTerms.MaxShort).WithMessage($"供应容量或用量不能超过{ContractTerms.MaxShort}个字。");
            RuleFor(c => c.Price).NotEmpty().WithMessage("请填写价格及收费依据。")
                .MaximumLength(ContractTerms.MaxLong).WithMessage($"价格及收费依据不能超过{ContractTerms.MaxLong}个字。");
            RuleFor(c => c.UtilityDuties).NotEmpty().WithMessage("请填写供方责任。")
                .MaximumLength(ContractTerms.MaxLong).WithMessage($"供方责任不能超过{ContractTerms.MaxLong}个字。");
            RuleFor(c => c.CustomerDuties).NotEmpty().WithMessage("请填写用方责任。")
                .MaximumLength(ContractTerms.MaxLong).WithMessage($"用方责任不能超过{ContractTerms.MaxLong}个字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = CaseAccess.EnsureVisible(
                await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services);
            if (!ConnectionService.IsChild(c.ServiceCode))
            {
                throw new NotFoundException("未找到该报装办件。");
            }

            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var r = await ConnectionFlows.LoadRequestAsync(db, c.Id, cancellationToken);
            if (r.UtilitySignedAt is not null)
            {
                throw new RuleViolationException(["供用合同已签章，条款不能再修改。"]);
            }

            r.DraftContract(new ContractTerms(request.Capacity!, request.Price!, request.UtilityDuties!, request.CustomerDuties!), time.GetUtcNow().UtcDateTime);
            await actions.FireAsync(c, CaseTrigger.SignContract, await contexts.ForCaseAsync(c, cancellationToken), null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>
/// 申请人确认: the applicant confirms, from one page, every contract of the application that waits for them (each
/// utility's case records its own confirmation). The versions the page showed guard against confirming a contract that
/// changed since.
/// </summary>
public static class ConfirmContracts
{
    public sealed record Item
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "页面版本")]
        public long Version { get; init; }
    }

    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "待确认的供用合同")]
        public List<Item> Items { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Items).NotEmpty().WithMessage("没有需要确认的供用合同。");
            RuleFor(c => c.Items.Count).LessThanOrEqualTo(Utilities.All.Count).WithMessage("待确认的供用合同过多。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = CaseAccess.EnsureVisible(
                await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services);
            if (!ConnectionService.IsConnection(c.ServiceCode))
            {
                throw new NotFoundException("未找到该报装办件。");
            }

            var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications.AsNoTracking(), c).SingleAsync(cancellationToken);
            var mine = application.Requests.Where(r => ConnectionService.IsParent(c.ServiceCode) || r.CaseId == c.Id).Select(r => r.CaseNumber).ToHashSet();
            foreach (var item in request.Items.DistinctBy(i => i.Number))
            {
                if (!mine.Contains(item.Number))
                {
                    throw new NotFoundException("未找到该供用合同。");
                }

                var child = await db.Cases.Include(x => x.SubItems).SingleAsync(x => x.Number == item.Number, cancellationToken);
                if (child.Version != item.Version)
                {
                    throw new ConflictException();
                }

                db.Entry(child).Property(x => x.Version).OriginalValue = item.Version;
                await actions.FireAsync(child, CaseTrigger.ConfirmContract, await contexts.ForCaseAsync(child, cancellationToken), null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return request.Items.DistinctBy(i => i.Number).Count();
        }
    }
}

/// <summary>涉路、涉树工程 (000:177): the utility registers how the works are handled and when they start; the lead time is checked.</summary>
public static class PlanWorks
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "办理方式")]
        public RoadWorksRoute Route { get; init; }

        [Display(Name = "报请批准（或批准）日期")]
        public DateOnly? FiledOn { get; init; }

        [Display(Name = "计划开工日期")]
        public DateOnly? StartOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Route).IsInEnum().WithMessage("请选择办理方式。");
            RuleFor(c => c.StartOn).NotNull().WithMessage("请填写计划开工日期。");
            RuleFor(c => c.FiledOn).NotNull().When(c => c.Route != RoadWorksRoute.Commitment).WithMessage("请填写报请批准（或批准）的日期。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await db.UtilityRequests.Include(x => x.Application).FirstOrDefaultAsync(x => x.CaseNumber == request.Number, cancellationToken)
                ?? throw new NotFoundException("未找到该办件。");
            if (!me.IsInRole(r.Utility.Department().ReviewerRole()))
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。");
            }

            if (!r.NeedsWorksPlan)
            {
                throw new RuleViolationException(["该报装不涉及城市道路挖掘或树木砍伐，无需登记施工计划。"]);
            }

            var c = await db.Cases.SingleAsync(x => x.Id == r.CaseId, cancellationToken);
            if (c.State.IsFinal())
            {
                throw new RuleViolationException([$"该报装已{c.State.Label()}，不能再登记施工计划。"]);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var clock = await calendar.GetClockAsync(cancellationToken);
            var lead = (await promises.GetAsync(cancellationToken)).Limit(PromiseKeys.PowerRoadWorksFiling) ?? Workflow.TimeLimit.NaturalDays(3);
            var problems = UtilityRequest.WorksPlanProblems(request.Route, request.FiledOn, request.StartOn!.Value, lead, clock.LocalDate(now));
            if (problems.Count > 0)
            {
                throw new ValidationFailedException(nameof(Command.StartOn), string.Join("", problems));
            }

            r.PlanRoadWorks(request.Route, request.FiledOn, request.StartOn.Value, lead, clock.LocalDate(now), me.Name, now);
            c.Record("登记涉路涉树施工计划", me.ToActor(), now, ConnectionPanel.WorksPlanText(r, lead));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>撤回 of a 报装 application: what will be withdrawn (each open utility's case), shown before the applicant confirms.</summary>
public static class WithdrawApplication
{
    public sealed record Query : IQuery<Preview>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Part(string Utility, string Number, string State, bool WillWithdraw);

    public sealed record Preview(string Number, string Address, bool Joint, IReadOnlyList<Part> Parts, long Version)
    {
        public IReadOnlyList<Part> Withdrawn => Parts.Where(p => p.WillWithdraw).ToList();
    }

    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "撤回原因")]
        public string? Reason { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).MaximumLength(500).WithMessage("撤回原因不能超过500字。");
        }
    }

    /// <summary>The parent case, visible to this person, that only its applicant side may withdraw.</summary>
    private static async Task<(Case Case, ConnectionApplication Application)> LoadAsync(PortalDbContext db, CurrentUser me, ServiceCatalog services, string number, bool track, CancellationToken cancellationToken)
    {
        var cases = track ? db.Cases : db.Cases.AsNoTracking();
        var c = CaseAccess.EnsureVisible(await cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == number, cancellationToken), me, services);
        if (!ConnectionService.IsParent(c.ServiceCode) || (c.ApplicantId != me.Id && c.FiledById != me.Id))
        {
            throw new NotFoundException("未找到该报装申请，或您不能撤回它。");
        }

        var application = await ConnectionPanel.ApplicationOf(db.ConnectionApplications.AsNoTracking(), c).SingleAsync(cancellationToken);
        return (c, application);
    }

    public sealed class PreviewHandler(PortalDbContext db, CurrentUser me, ServiceCatalog services) : IRequestHandler<Query, Preview>
    {
        public async Task<Preview> Handle(Query request, CancellationToken cancellationToken)
        {
            var (c, application) = await LoadAsync(db, me, services, request.Number, false, cancellationToken);
            if (c.State.IsFinal())
            {
                throw new RuleViolationException([$"该报装申请已{c.State.Label()}，不能撤回。"]);
            }

            var ids = application.Requests.Select(r => r.CaseId).ToList();
            var states = await db.Cases.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.State, cancellationToken);
            var parts = application.Requests.OrderBy(r => r.Utility)
                .Select(r => new Part(r.Utility.ServiceLabel(), r.CaseNumber, states[r.CaseId].Label(), !states[r.CaseId].IsFinal()))
                .ToList();
            return new Preview(c.Number, application.Address, application.Joint, parts, c.Version);
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CaseContexts contexts, CaseActions actions) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, application) = await LoadAsync(db, me, services, request.Number, true, cancellationToken);
            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var ids = application.Requests.Select(r => r.CaseId).ToList();
            var openStates = CaseStates.Open.ToList();
            var open = await db.Cases.AsNoTracking().CountAsync(x => ids.Contains(x.Id) && openStates.Contains(x.State), cancellationToken);
            var reason = string.IsNullOrWhiteSpace(request.Reason) ? "申请人确认撤回报装申请" : request.Reason.Trim();
            await actions.FireAsync(c, CaseTrigger.Withdraw, await contexts.ForCaseAsync(c, cancellationToken), new CaseActionArgs { Reason = reason }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return open;
        }
    }
}
