using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Enterprises;

public sealed class DetailsModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "统一社会信用代码")]
    public string Code { get; set; } = "";

    public EnterpriseView.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(string item, CancellationToken cancellationToken)
    {
        var number = await mediator.Send(new StartLater.Command { CreditCode = Code, Item = item }, cancellationToken);
        TempData["Notice"] = $"已提交单独办理，办件编号 {number}。";
        return Redirect($"/Cases/{number}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new EnterpriseView.Query { CreditCode = Code, VerifyBase = $"{Request.Scheme}://{Request.Host}" }, cancellationToken);
}

/// <summary>An enterprise's electronic licence and seal as its owner (or staff) sees them, with its later items.</summary>
public static class EnterpriseView
{
    public sealed record Query : IQuery<Result>
    {
        public string CreditCode { get; init; } = "";

        public string VerifyBase { get; init; } = "";
    }

    public sealed record LaterItem(string Code, string Label, string Department, string? CaseNumber, string? CaseState);

    public sealed record ExitCase(string Number, string Service, string State);

    public sealed record Result(
        Enterprise Enterprise,
        string LegalRepresentativeIdMasked,
        string Established,
        string QrSvg,
        string SealSvg,
        string VerifyUrl,
        string? EstablishmentCase,
        IReadOnlyList<LaterItem> LaterItems,
        bool CanStart,
        IReadOnlyList<EnterprisePermit> Permits,
        IReadOnlyList<ExitCase> Deregistrations,
        bool MayDeregister,
        bool IsSupervisor,
        EnterpriseStanding Standing,
        string? StartRefusal);


    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken);
            var legalRep = enterprise is not null && await DeregistrationAccess.IsLegalRepresentativeAsync(db, me, enterprise, cancellationToken);
            if (enterprise is null || !(enterprise.OwnerId == me.Id || legalRep || me.IsStaff))
            {
                throw new NotFoundException("未找到该企业，或该企业不属于您。");
            }

            // An enterprise registered before the portal (or by another system) has no 企业开办 case here.
            var establishment = await db.Cases.AsNoTracking().Include(c => c.SubItems).FirstOrDefaultAsync(c => c.Id == enterprise.CaseId, cancellationToken);
            var addons = await db.Cases.AsNoTracking().Where(c => c.SubjectCode == enterprise.CreditCode).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
            var later = EstablishmentCatalog.Items
                .Where(i => !i.Mandatory && (i.AnyTime || (establishment?.SubItems.Any(s => s.Code == i.Code && s.State == SubItemState.Later) ?? false)))
                .Select(i =>
                {
                    var latest = addons.FirstOrDefault(c => c.ServiceCode == EstablishmentService.AddonPrefix + i.Code);
                    return new LaterItem(i.Code, i.Label, i.Department.Label(), latest?.Number, latest?.State.Label());
                })
                .ToList();
            var url = $"{request.VerifyBase}/verify/{enterprise.CreditCode}";
            var clock = await calendar.GetClockAsync(cancellationToken);
            var standing = await EnterpriseStanding.OfAsync(db, enterprise, clock, time.GetUtcNow().UtcDateTime, cancellationToken);
            var exits = addons.Where(c => DeregistrationService.IsDeregistration(c.ServiceCode)).ToList();
            var refusal = await StartLater.RefusalAsync(db, enterprise, cancellationToken);
            return new Result(
                enterprise,
                PersonalData.MaskIdNumber(enterprise.LegalRepresentativeIdNumber),
                enterprise.EstablishedOn.ToString("yyyy年M月d日"),
                Licence.QrSvg(url),
                Licence.SealSvg(enterprise.Name, enterprise.CreditCode),
                url,
                establishment?.Number,
                later,
                refusal is null && (enterprise.OwnerId == me.Id || me.IsInRole(Roles.Window)),
                await db.Permits.AsNoTracking().Where(p => p.EnterpriseId == enterprise.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken),
                exits.Select(c => new ExitCase(c.Number, services.NameOf(c.ServiceCode), c.State.Label())).ToList(),
                enterprise.IsActive && enterprise.DeregistrationCaseId is null && (legalRep || me.IsInRole(Roles.Window)),
                enterprise.IsActive && enterprise.DeregistrationCaseId is null && me.IsInRole(Roles.Supervisor),
                standing,
                refusal);
        }
    }
}

/// <summary>单独办理: starts a sub-item on an existing enterprise as its own small case, accepted at once.</summary>
public static class StartLater
{
    /// <summary>
    /// Why no 单独办理 item can be started for the enterprise now, or null: a cancelled enterprise, or one whose
    /// deregistration (简易注销 / 普通注销 / 依职权注销) is running, starts nothing new.
    /// </summary>
    public static async Task<string?> RefusalAsync(PortalDbContext db, Enterprise enterprise, CancellationToken cancellationToken)
    {
        if (enterprise.Status != EnterpriseStatus.Active)
        {
            return "企业已注销，不能再办理此事项。";
        }

        if (enterprise.DeregistrationCaseId is not { } caseId)
        {
            return null;
        }

        var number = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        return $"该企业正在办理注销{(number is null ? "" : $"（办件 {number}）")}，注销办理期间不能再启动单独办理的事项；如注销申请撤回或终止，可再办理。";
    }

    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<string>
    {
        public string CreditCode { get; init; } = "";

        public string Item { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Item).Must(code => EstablishmentCatalog.Item(code) is { Mandatory: false }).WithMessage("请选择可单独办理的事项。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CaseContexts contexts, CaseActions actions) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken);
            if (enterprise is null || !(enterprise.OwnerId == me.Id || me.IsInRole(Roles.Window)))
            {
                throw new NotFoundException("未找到该企业，或该企业不属于您。");
            }

            if (await RefusalAsync(db, enterprise, cancellationToken) is { } refusal)
            {
                throw new RuleViolationException([refusal]);
            }

            var item = EstablishmentCatalog.Item(request.Item)!;
            var chosenLater = await db.SubItems.AnyAsync(s => s.CaseId == enterprise.CaseId && s.Code == item.Code && s.State == SubItemState.Later, cancellationToken);
            if (!item.AnyTime && !chosenLater)
            {
                throw new RuleViolationException([$"“{item.Label}”已随企业开办同步办理，不能再单独办理。"]);
            }

            var serviceCode = EstablishmentService.AddonPrefix + item.Code;
            var open = await db.Cases.AnyAsync(c => c.SubjectCode == enterprise.CreditCode && c.ServiceCode == serviceCode && c.ClosedAt == null, cancellationToken);
            if (open)
            {
                throw new RuleViolationException([$"“{item.Label}”已在办理中，请勿重复提交。"]);
            }

            // Touch the enterprise row first: two starts at the same moment conflict on its version instead of
            // both passing the check above (PostgreSQL runs them side by side).
            enterprise.BumpVersion();
            await db.SaveChangesAsync(cancellationToken);

            var context = await contexts.ForAsync(serviceCode, cancellationToken);
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == enterprise.OwnerId).Select(u => new { u.Id, u.FullName }).SingleAsync(cancellationToken);
            var definition = EstablishmentService.Addons.Single(a => a.Code == serviceCode);
            var number = await CaseNumbers.NextAsync(db, definition.NumberPrefix, context.Clock.LocalDate(context.NowUtc), cancellationToken);
            var c = Case.Submit(number, $"{enterprise.Name} {item.Label}（单独办理）", (owner.Id, owner.FullName), me.IsStaff ? Channel.Window : Channel.Online, context, enterprise.CreditCode);
            c.AddSubItem(new SubItem(item.Code, item.Label, item.Department, synchronous: true));
            db.Cases.Add(c);
            await Hall.Visits.LinkServingTicketAsync(db, me, c, context, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // 随时可办: nothing to examine at a window for an existing enterprise, so the system accepts at once.
            await actions.FireAsync(c, CaseTrigger.AutoAccept, context with { Actor = CaseActor.System }, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return number;
        }
    }
}
