using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Deregistration;

[RequestSizeLimit(MaterialLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialLimits.MaxRequestBytes)]
public sealed class StartModel(IMediator mediator, CurrentUser me) : PageModel, IReloadablePage
{
    private bool staged;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "统一社会信用代码")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "注销方式")]
    public DeregistrationRoute Route { get; set; } = DeregistrationRoute.Simple;

    [BindProperty]
    public Start.Command Data { get; set; } = new();

    [BindProperty]
    public ByAuthority.Command Authority { get; set; } = new();

    public StartForm.Result Form { get; private set; } = null!;

    /// <summary>The upload part of the form (Features/Materials): the route's upload items and the files already uploaded.</summary>
    public ApplyMaterials.View Materials { get; private set; } = ApplyMaterials.View.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (me.IsStaff)
        {
            // 帮办代办: each filing opens a new batch, so one visitor's scans never join the next visitor's case.
            Data = Data with { UploadBatch = Staging.NewBatch() };
        }

        await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Who may start it is asked first: files are kept only for someone who may file this form.
        Form = await mediator.Send(new StartForm.Query { CreditCode = Code, Route = Route }, cancellationToken);
        var refusals = ModelState.ErrorCount;
        await StageOnceAsync(cancellationToken);
        if (ModelState.ErrorCount > refusals)
        {
            // A file was refused: the form comes back with the reason beside its line (the others are kept).
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var number = await mediator.Send(Data with { CreditCode = Code, Route = Route }, cancellationToken);
        TempData["Notice"] = $"{Route.Label()}申请已提交，办件编号 {number}。";
        return Redirect($"/Cases/{number}");
    }

    /// <summary>上传所选文件: keeps the chosen files with the form and shows it again.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        return Page();
    }

    /// <summary>移除 an uploaded file from the form.</summary>
    public async Task<IActionResult> OnPostUnstageAsync([Display(Name = "文件")] long unstage, CancellationToken cancellationToken)
    {
        Form = await mediator.Send(new StartForm.Query { CreditCode = Code, Route = Route }, cancellationToken);
        if (StagingForm is { } form)
        {
            await mediator.Send(new Unstage.Command { Form = form, Batch = Data.UploadBatch, FileId = unstage }, cancellationToken);
        }

        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAuthorityAsync(CancellationToken cancellationToken)
    {
        var files = IncomingFile.FromForm(Request.HasFormContentType ? Request.Form.Files : new FormFileCollection());
        var number = await mediator.Send(Authority with { CreditCode = Code, Files = files }, cancellationToken);
        TempData["Notice"] = $"已依职权注销，办件编号 {number}。";
        return Redirect($"/Cases/{number}");
    }

    /// <summary>Shown again (refused, or a button that stays): the files the post carried are kept first.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Form = await mediator.Send(new StartForm.Query { CreditCode = Code, Route = Route }, cancellationToken);
        await StageOnceAsync(cancellationToken);
        Materials = StagingForm is { } form && Form.MayApply
            ? await StartMaterials.LoadAsync(mediator, me, Form.Route, form, Data.UploadBatch, cancellationToken)
            : ApplyMaterials.View.Empty;
    }

    /// <summary>The staging key's form: this route for this enterprise (null for a route that takes no files here).</summary>
    private string? StagingForm => Form.Route is DeregistrationRoute.Simple or DeregistrationRoute.Ordinary
        ? Staging.ForEnterprise(DeregistrationService.For(Form.Route).Code, Form.CreditCode)
        : null;

    private async Task StageOnceAsync(CancellationToken cancellationToken)
    {
        if (!staged && HttpMethods.IsPost(Request.Method) && StagingForm is { } form && Form.MayApply)
        {
            staged = true;
            await ApplyMaterials.StageAsync(mediator, this, form, Data.UploadBatch, cancellationToken);
        }
    }
}

/// <summary>
/// Who may start a deregistration of an enterprise: its legal representative (a verified account whose name and ID
/// number both match the licence), an agent the legal representative authorised for the route, or a window clerk
/// filing for them (docs/decisions/0016-identity-levels.md). Every check goes through <see cref="EnterpriseAccess"/>.
/// </summary>
public static class DeregistrationAccess
{
    public const string Refused = "只有企业的法定代表人本人（已实名核验）、受其委托办理注销的经办人或窗口工作人员（帮办代办）可以申请注销。";

    /// <summary>Whether the person may start the route, and if not, the Chinese reason.</summary>
    public static (bool May, string Refusal) MayStart(EnterpriseStanding standing, DeregistrationRoute route)
    {
        var code = DeregistrationService.For(route).Code;
        return (standing.MayFile(code), standing.RefusalFor(code, Refused));
    }
}

/// <summary>The start form: the enterprise, the route's conditions and promises.</summary>
public static class StartForm
{
    public sealed record Query : IQuery<Result>
    {
        public string CreditCode { get; init; } = "";

        public DeregistrationRoute Route { get; init; }
    }

    public sealed record Result(
        string CreditCode,
        string Name,
        string LegalRepresentative,
        DeregistrationRoute Route,
        IReadOnlyList<EligibilityCondition> Conditions,
        string Commitment,
        string NoticeLimit,
        string CancelLimit,
        string CreditorNotifyLimit,
        string CreditorNoticeLimit,
        string ClaimsLimit,
        bool IsSupervisor,
        bool MayApply);

    public sealed class Handler(CurrentUser me, EnterpriseAccess access, PromiseService promises) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!me.IsSignedIn)
            {
                throw new NotSignedInException();
            }

            var (enterprise, standing) = await access.ForCodeAsync(request.CreditCode, cancellationToken)
                ?? throw new NotFoundException("未找到该企业。");
            var supervisor = me.IsInRole(Roles.Supervisor);
            var route = request.Route.IsByAuthority() ? DeregistrationRoute.Simple : request.Route;
            var (mayApply, refusal) = DeregistrationAccess.MayStart(standing, route);
            if (!supervisor && !mayApply)
            {
                throw new ForbiddenException(refusal);
            }

            if (!enterprise.IsActive)
            {
                throw new RuleViolationException([$"该企业已于{enterprise.CancelledOn:yyyy年M月d日}注销。"]);
            }

            var table = await promises.GetAsync(cancellationToken);
            string L(string key) => table.Limit(key)?.ToString() ?? "—";
            return new Result(
                enterprise.CreditCode,
                enterprise.Name,
                enterprise.LegalRepresentative,
                request.Route,
                SimpleDeregistrationRules.Conditions,
                SimpleDeregistrationRules.Commitment,
                L(Domain.Profiles.PromiseKeys.SimpleDeregistrationNotice),
                L(Domain.Profiles.PromiseKeys.SimpleDeregistrationCancel),
                L(Domain.Profiles.PromiseKeys.OrdinaryCreditorNotify),
                L(Domain.Profiles.PromiseKeys.OrdinaryCreditorNotice),
                L(Domain.Profiles.PromiseKeys.OrdinaryClaims),
                supervisor,
                mayApply);
        }
    }
}

/// <summary>简易注销 or 普通注销, started by the legal representative online or by a window clerk for them.</summary>
public static class Start
{
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "统一社会信用代码")]
        public string CreditCode { get; init; } = "";

        [Display(Name = "注销方式")]
        public DeregistrationRoute Route { get; init; }

        /// <summary>简易注销: the self-check conditions ticked.</summary>
        [Display(Name = "简易注销条件")]
        public List<string> Conditions { get; init; } = [];

        [Display(Name = "全体投资人承诺书")]
        public bool CommitmentAccepted { get; init; }

        [Display(Name = "承诺人签名")]
        public string? SignedName { get; init; }

        [Display(Name = "解散原因")]
        public string? DissolutionReason { get; init; }

        [Display(Name = "清算组负责人")]
        public string? LiquidationHead { get; init; }

        [Display(Name = "清算组成员")]
        public string? LiquidationGroup { get; init; }

        [Display(Name = "清算组成立日期")]
        public DateOnly? FormedOn { get; init; }

        /// <summary>帮办代办: the batch the clerk's uploads on this form were staged under (Features/Materials).</summary>
        [Display(Name = "上传批次")]
        public string? UploadBatch { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Route).Must(r => r is DeregistrationRoute.Simple or DeregistrationRoute.Ordinary).WithMessage("请选择简易注销或普通注销。");
            When(c => c.Route == DeregistrationRoute.Simple, () =>
            {
                RuleForEach(c => c.Conditions).Must(code => SimpleDeregistrationRules.Conditions.Any(x => x.Code == code)).WithMessage("自检条件中有未知的条目。");
                RuleFor(c => c.Conditions).Must(c => SimpleDeregistrationRules.Unconfirmed(c).Count == 0)
                    .WithMessage(c => "不符合简易注销条件：" + string.Join("；", SimpleDeregistrationRules.Unconfirmed(c.Conditions).Select(x => x.Text)) + "。请办理普通注销。");
                RuleFor(c => c.CommitmentAccepted).Equal(true).WithMessage("请阅读并签署《全体投资人承诺书》。");
                RuleFor(c => c.SignedName).NotEmpty().WithMessage("请由法定代表人签名（填写姓名）。").MaximumLength(50).WithMessage("签名不能超过50个字。");
            });
            When(c => c.Route == DeregistrationRoute.Ordinary, () =>
            {
                RuleFor(c => c.DissolutionReason).NotEmpty().WithMessage("请选择或填写解散原因。").MaximumLength(200).WithMessage("解散原因不能超过200字。");
                RuleFor(c => c.LiquidationHead).NotEmpty().WithMessage("请填写清算组负责人。").MaximumLength(50).WithMessage("清算组负责人不能超过50个字。");
                RuleFor(c => c.LiquidationGroup).NotEmpty().WithMessage("请填写清算组成员。").MaximumLength(500).WithMessage("清算组成员不能超过500字。");
                RuleFor(c => c.FormedOn).NotNull().WithMessage("请填写清算组成立日期。");
            });
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, EnterpriseAccess access, CaseContexts contexts, MaterialUploads materials, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!me.IsSignedIn)
            {
                throw new NotSignedInException();
            }

            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken)
                ?? throw new NotFoundException("未找到该企业。");
            var standing = await access.ForAsync(enterprise, cancellationToken);
            var (may, refusal) = DeregistrationAccess.MayStart(standing, request.Route);
            if (!may)
            {
                throw new ForbiddenException(refusal);
            }

            var service = DeregistrationService.For(request.Route);

            // An agent's submission is recorded as the agent's: "经办人 X（受法定代表人 Y 委托）" under the agent's account.
            var context = await contexts.ForAsync(service.Code, cancellationToken, standing.ActorFor(me.ToActor(), service.Code));
            var now = time.GetUtcNow().UtcDateTime;
            DeregistrationApplication application;
            if (request.Route == DeregistrationRoute.Simple)
            {
                if (request.SignedName!.Trim() != enterprise.LegalRepresentative)
                {
                    throw new ValidationFailedException(nameof(Command.SignedName), $"承诺书须由法定代表人“{enterprise.LegalRepresentative}”签名。");
                }

                application = DeregistrationApplication.Simple(enterprise.Id, enterprise.CreditCode, enterprise.Name, request.Conditions.Distinct(), request.SignedName.Trim(), now);
            }
            else
            {
                var today = context.Clock.LocalDate(now);
                var formed = request.FormedOn!.Value;
                if (formed > today)
                {
                    throw new ValidationFailedException(nameof(Command.FormedOn), "清算组成立日期不能晚于今天。");
                }

                if (formed < enterprise.EstablishedOn || formed < today.AddYears(-1))
                {
                    throw new ValidationFailedException(nameof(Command.FormedOn), "清算组成立日期不能早于企业成立日期或一年以前；超过法定期限的请到窗口咨询。");
                }

                application = DeregistrationApplication.Ordinary(enterprise.Id, enterprise.CreditCode, enterprise.Name, request.DissolutionReason!.Trim(),
                    request.LiquidationHead!.Trim(), request.LiquidationGroup!.Trim(), context.Clock.ToUtc(formed.ToDateTime(TimeOnly.MinValue)), now);
            }

            var number = await DeregistrationCases.OpenAsync(db, enterprise, application, context with { Flow = new DeregistrationFlow(application) }, me.IsStaff ? Channel.Window : Channel.Online, cancellationToken);
            var c = await db.Cases.SingleAsync(x => x.Number == number, cancellationToken);
            if (me.IsInRole(Roles.Window))
            {
                await Hall.Visits.LinkServingTicketAsync(db, me, c, context, cancellationToken);
            }

            // The route's material list, with the files uploaded on the form (in this transaction: all or nothing).
            await materials.AttachStagedAsync(c, MaterialCatalog.ForService(service.Code),
                Staging.TryKeyFor(me, Staging.ForEnterprise(service.Code, enterprise.CreditCode), request.UploadBatch) ?? "", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return number;
        }
    }
}

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

/// <summary>Opens the case of a deregistration and ties it to the enterprise (one at a time per enterprise).</summary>
public static class DeregistrationCases
{
    public static async Task<string> OpenAsync(PortalDbContext db, Enterprise enterprise, DeregistrationApplication application, CaseActionContext context, Channel channel, CancellationToken cancellationToken)
    {
        if (!enterprise.IsActive)
        {
            throw new RuleViolationException([$"该企业已于{enterprise.CancelledOn:yyyy年M月d日}注销。"]);
        }

        if (enterprise.DeregistrationCaseId is { } running)
        {
            var number = await db.Cases.AsNoTracking().Where(c => c.Id == running).Select(c => c.Number).SingleAsync(cancellationToken);
            throw new RuleViolationException([$"该企业已有正在办理的注销申请（{number}），请勿重复提交。"]);
        }

        var owner = await db.Users.AsNoTracking().Where(u => u.Id == enterprise.OwnerId).Select(u => new { u.Id, u.FullName }).SingleAsync(cancellationToken);
        var caseNumber = await CaseNumbers.NextAsync(db, context.Service.NumberPrefix, context.Clock.LocalDate(context.NowUtc), cancellationToken);
        var c = Case.Submit(caseNumber, $"{enterprise.Name} {application.Route.Label()}", (owner.Id, owner.FullName), channel, context, enterprise.CreditCode);
        db.Cases.Add(c);
        await db.SaveChangesAsync(cancellationToken);

        application.AttachTo(c.Id, c.Number);
        db.Deregistrations.Add(application);
        // The enterprise row carries the running case: a second start at the same moment conflicts on its version.
        enterprise.BeginDeregistration(c.Id);
        await db.SaveChangesAsync(cancellationToken);
        return caseNumber;
    }
}
