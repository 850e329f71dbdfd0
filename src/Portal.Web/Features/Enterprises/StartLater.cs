using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Enterprises;

/// <summary>单独办理: starts a sub-item on an existing enterprise as its own small case, accepted at once.</summary>
public static class StartLater
{
    public const string Refused = "只有企业的法定代表人本人（已实名核验）、受其委托办理该事项的经办人或窗口工作人员（帮办代办）可以办理。";

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

        /// <summary>帮办代办: the batch the clerk's uploads on this form were staged under (Features/Materials).</summary>
        [Display(Name = "上传批次")]
        public string? UploadBatch { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Item).Must(code => EstablishmentCatalog.Item(code) is { Mandatory: false }).WithMessage("请选择可单独办理的事项。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, EnterpriseAccess access, CaseContexts contexts, CaseActions actions, MaterialUploads materials)
        : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken)
                ?? throw new NotFoundException(EnterpriseStanding.NotFound);
            var standing = await access.ForAsync(enterprise, cancellationToken);
            standing.EnsureVisible();
            var serviceCode = EstablishmentService.AddonPrefix + request.Item;
            if (!standing.MayFile(serviceCode))
            {
                throw new ForbiddenException(standing.RefusalFor(serviceCode, Refused));
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

            var open = await db.Cases.AnyAsync(c => c.SubjectCode == enterprise.CreditCode && c.ServiceCode == serviceCode && c.ClosedAt == null, cancellationToken);
            if (open)
            {
                throw new RuleViolationException([$"“{item.Label}”已在办理中，请勿重复提交。"]);
            }

            // Touch the enterprise row first: two starts at the same moment conflict on its version instead of
            // both passing the check above (PostgreSQL runs them side by side).
            enterprise.BumpVersion();
            await db.SaveChangesAsync(cancellationToken);

            var context = await contexts.ForAsync(serviceCode, cancellationToken, standing.ActorFor(me.ToActor(), serviceCode));
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == enterprise.OwnerId).Select(u => new { u.Id, u.FullName }).SingleAsync(cancellationToken);
            var definition = EstablishmentService.Addons.Single(a => a.Code == serviceCode);
            var number = await CaseNumbers.NextAsync(db, definition.NumberPrefix, context.Clock.LocalDate(context.NowUtc), cancellationToken);
            var c = Case.Submit(number, $"{enterprise.Name} {item.Label}（单独办理）", (owner.Id, owner.FullName), me.IsStaff ? Channel.Window : Channel.Online, context, enterprise.CreditCode);
            c.AddSubItem(new SubItem(item.Code, item.Label, item.Department, synchronous: true));
            db.Cases.Add(c);
            await Hall.Visits.LinkServingTicketAsync(db, me, c, context, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // Every upload item of the service's list gets its row (未提交 until something is handed in on the case page).
            await materials.AttachStagedAsync(c, MaterialCatalog.ForService(serviceCode),
                Staging.TryKeyFor(me, Staging.ForEnterprise(serviceCode, enterprise.CreditCode), request.UploadBatch) ?? "", cancellationToken);

            // 随时可办: nothing to examine at a window for an existing enterprise, so the system accepts at once.
            await actions.FireAsync(c, CaseTrigger.AutoAccept, context with { Actor = CaseActor.System }, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return number;
        }
    }
}
