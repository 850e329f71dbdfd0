using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Deregistration;

/// <summary>代位注销 and 除名 (004:35): a supervisor cancels an enterprise with a recorded legal reason.</summary>
public static class ByAuthority
{
    [RequireRoles(Roles.Supervisor)]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "统一社会信用代码")]
        public string CreditCode { get; init; } = "";

        [Display(Name = "注销方式")]
        public DeregistrationRoute Route { get; init; } = DeregistrationRoute.Subrogated;

        [Display(Name = "法律依据和理由")]
        public string? Reason { get; init; }

        /// <summary>The 依据文书 (法院裁定、吊销决定 …): files of the list item "authority-basis", stored with the case.</summary>
        [BindNever]
        public IReadOnlyList<IncomingFile> Files { get; init; } = [];
    }

    /// <summary>The refusal of a start without its 依据文书.</summary>
    public const string BasisRequired = "依职权注销须上传依据文书（法院裁定、吊销决定等）的扫描件或电子文件。";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Route).Must(r => r.IsByAuthority()).WithMessage("请选择代位注销或除名。");
            // Stored as “代位注销：…” in a 1000-character column.
            RuleFor(c => c.Reason).NotEmpty().WithMessage("依职权注销须写明法律依据和理由。").MaximumLength(990).WithMessage("法律依据和理由不能超过990字。");
            RuleFor(c => c.Files).NotEmpty().WithMessage(BasisRequired)
                .Must(files => files.Count <= MaterialLimits.MaxFilesPerItem).WithMessage($"依据文书最多上传{MaterialLimits.MaxFilesPerItem}个文件，请合并为一个PDF后上传。");
            RuleForEach(c => c.Files).Must(f => f.ItemCode == MaterialCatalog.AuthorityBasis.Code).WithMessage("文件与材料不对应。");
        }
    }

    /// <summary>
    /// Opens the case, stores the 依据文书 on its list item "authority-basis" and cancels the enterprise — one transaction
    /// (the command's): a refused file refuses the whole start, and the case is never 办结 without its basis.
    /// </summary>
    public sealed class Handler(PortalDbContext db, CurrentUser me, CaseContexts contexts, CaseActions actions, MaterialUploads uploads, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken)
                ?? throw new NotFoundException("未找到该企业。");

            // Each file stored whole before anything refers to it; any refusal refuses the start (nothing written).
            var stored = await MaterialCases.StoreAllAsync(uploads, request.Files, 0, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var reason = $"{request.Route.Label()}：{request.Reason!.Trim()}";
            var application = DeregistrationApplication.ByAuthority(enterprise.Id, enterprise.CreditCode, enterprise.Name, request.Route, reason, now);
            var context = (await contexts.ForAsync(DeregistrationService.AuthorityCode, cancellationToken)) with { Flow = new DeregistrationFlow(application) };
            var number = await DeregistrationCases.OpenAsync(db, enterprise, application, context, Channel.Window, cancellationToken);
            var c = await db.Cases.SingleAsync(x => x.Number == number, cancellationToken);
            var basis = await uploads.ItemAsync(c, MaterialCatalog.AuthorityBasis.Code, cancellationToken);
            var actor = me.ToActor();
            foreach (var (_, upload) in stored)
            {
                basis.Attach(new MaterialFile(basis.Code, upload.Content, upload.FileName, actor, now, upload.Preview));
            }

            await db.SaveChangesAsync(cancellationToken);
            await actions.FireAsync(c, CaseTrigger.CancelByAuthority, context, new CaseActionArgs { Reason = reason }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return number;
        }
    }
}
