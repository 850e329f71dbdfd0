using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Domain.Materials;
using Portal.Web.Features.Materials;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Establishment;

[Authorize(Roles = Roles.Applicant + "," + Roles.Window)]
[RequestSizeLimit(MaterialLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialLimits.MaxRequestBytes)]
public sealed class ApplyModel(IMediator mediator, CurrentUser me) : PageModel, IReloadablePage
{
    private bool staged;

    /// <summary>The form, typed as the submission so that its validator's rules reach the browser (data-val-*).</summary>
    [BindProperty]
    public Submit.Command Data { get; set; } = Submit.Command.From(EstablishmentForm.Blank());

    public bool IsStaff => me.IsStaff;

    public string? NameMessage { get; private set; }

    /// <summary>The upload part of the form (Features/Materials): its lines and the files already uploaded.</summary>
    public ApplyMaterials.View Materials { get; private set; } = ApplyMaterials.View.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.IsStaff)
        {
            Data = Submit.Command.From(await mediator.Send(new Draft.Query(), cancellationToken) ?? EstablishmentForm.Blank());
        }
        else
        {
            // 帮办代办: each filing opens a new batch, so one visitor's scans never join the next visitor's case.
            Data = Data with { UploadBatch = Staging.NewBatch() };
        }

        Materials = await ApplyMaterials.LoadAsync(mediator, Data.UploadBatch, cancellationToken);
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
        await mediator.Send(new Unstage.Command { Form = Staging.Establishment, Batch = Data.UploadBatch, FileId = unstage }, cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        await mediator.Send(new SaveDraft.Command { Form = Data }, cancellationToken);
        TempData["Notice"] = "草稿已保存，下次打开本页面时自动恢复。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckNameAsync(CancellationToken cancellationToken)
    {
        var check = await mediator.Send(new CheckName.Query { Name = Data.ProposedName }, cancellationToken);
        NameMessage = check.Ok ? $"“{Data.ProposedName?.Trim()}”目前可以使用（提交时再次核对）。" : null;
        if (!check.Ok)
        {
            ModelState.AddModelError("Data.ProposedName", check.Message!);
        }

        await ReloadAsync(cancellationToken);
        return Page();
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var result = await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = result.Notice;
        return Redirect($"/Cases/{result.Number}");
    }

    /// <summary>Shown again (refused, or a button that stays): the files the post carried are kept first.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        Materials = await ApplyMaterials.LoadAsync(mediator, Data.UploadBatch, cancellationToken);
    }

    private async Task StageOnceAsync(CancellationToken cancellationToken)
    {
        if (!staged && HttpMethods.IsPost(Request.Method))
        {
            staged = true;
            await ApplyMaterials.StageAsync(mediator, this, Data.UploadBatch, cancellationToken);
        }
    }
}

/// <summary>One investor row of the form (blank rows are ignored).</summary>
public sealed record InvestorRow
{
    [Display(Name = "股东（投资人）姓名或名称")]
    public string? Name { get; init; }

    [Display(Name = "股东证件号码")]
    public string? IdentityNumber { get; init; }

    [Display(Name = "出资比例")]
    public decimal? SharePercent { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdentityNumber) && SharePercent is null;
}

/// <summary>An investor row never longer than its columns (name 100, 证件号码 18), in the draft and the submission.</summary>
public sealed class InvestorRowLimits : AbstractValidator<InvestorRow>
{
    public InvestorRowLimits()
    {
        RuleFor(r => r.Name).MaximumLength(100).WithMessage("股东（投资人）姓名或名称不能超过100个字。");
        RuleFor(r => r.IdentityNumber).MaximumLength(18).WithMessage("股东证件号码不能超过18位。");
    }
}

/// <summary>The 企业开办 form (一表申请). Field names are what the page posts.</summary>
public record EstablishmentForm
{
    public const int InvestorRows = 5;

    /// <summary>
    /// The smallest registered capital accepted, in 万元: 100元. The law sets no minimum for most enterprises, but a
    /// capital below 100元 is not a real one, and the column keeps whole 元 (4 decimals of 万元) — see
    /// docs/decisions/0017-hostile-input.md.
    /// </summary>
    public const decimal MinimumCapital = 0.01m;

    [Display(Name = "拟申请企业名称")]
    public string? ProposedName { get; init; }

    [Display(Name = "企业类型")]
    public EnterpriseType Type { get; init; } = EnterpriseType.LimitedLiability;

    [Display(Name = "注册资本（万元）")]
    public decimal? RegisteredCapital { get; init; }

    [Display(Name = "住所")]
    public string? Address { get; init; }

    [Display(Name = "经营范围")]
    public List<string> ScopeCodes { get; init; } = [];

    [Display(Name = "其他经营范围")]
    public string? OtherScope { get; init; }

    [Display(Name = "法定代表人（负责人）姓名")]
    public string? LegalRepresentative { get; init; }

    [Display(Name = "法定代表人身份证号")]
    public string? LegalRepresentativeIdNumber { get; init; }

    [Display(Name = "股东（投资人）")]
    public List<InvestorRow> Investors { get; init; } = [];

    [Display(Name = "联系人")]
    public string? ContactName { get; init; }

    [Display(Name = "联系电话")]
    public string? ContactPhone { get; init; }

    /// <summary>Sub-item codes to handle 同步 (with the establishment); the others are 单独办理 later.</summary>
    [Display(Name = "同步办理事项")]
    public List<string> SynchronousItems { get; init; } = [];

    [Display(Name = "实体印章领取方式")]
    public SealDelivery SealDelivery { get; init; } = SealDelivery.PickUp;

    [Display(Name = "邮寄地址")]
    public string? SealMailAddress { get; init; }

    /// <summary>帮办代办: the applicant's mobile number when staff file on their behalf.</summary>
    [Display(Name = "申请人手机号（帮办代办）")]
    public string? ApplicantMobile { get; init; }

    public static EstablishmentForm Blank() => new()
    {
        SynchronousItems = EstablishmentCatalog.Items.Where(i => i.Code != "employment").Select(i => i.Code).ToList(),
        Investors = Enumerable.Range(0, InvestorRows).Select(_ => new InvestorRow()).ToList(),
    };

    public IEnumerable<InvestorRow> FilledInvestors => Investors.Where(i => !i.IsBlank);

    public EstablishmentForm Padded() => this with
    {
        Investors = [.. Investors, .. Enumerable.Range(0, Math.Max(0, InvestorRows - Investors.Count)).Select(_ => new InvestorRow())],
    };

    internal void CopyTo(EstablishmentApplication a)
    {
        a.ProposedName = ProposedName?.Trim() ?? "";
        a.NormalizedName = EnterpriseNames.Normalize(ProposedName);
        a.Type = Type;
        a.RegisteredCapital = RegisteredCapital ?? 0;
        a.Address = Address?.Trim() ?? "";
        a.ScopeCodes = string.Join(',', ScopeCodes.Where(c => EstablishmentCatalog.ScopeEntryOf(c) is not null).Distinct());
        a.OtherScope = string.IsNullOrWhiteSpace(OtherScope) ? null : OtherScope.Trim();
        a.LegalRepresentative = LegalRepresentative?.Trim() ?? "";
        a.LegalRepresentativeIdNumber = ResidentIdNumber.Normalize(LegalRepresentativeIdNumber ?? "");
        a.ContactName = ContactName?.Trim() ?? "";
        a.ContactPhone = ContactPhone?.Trim() ?? "";
        a.SealDelivery = SealDelivery;
        a.SealMailAddress = SealDelivery == SealDelivery.Mail ? SealMailAddress?.Trim() : null;
        a.SynchronousItems = string.Join(',', SynchronousItems.Where(c => EstablishmentCatalog.Item(c) is not null).Append(EstablishmentCatalog.Registration).Distinct());
        a.Investors = FilledInvestors.Select(i => new Investor
        {
            Name = i.Name?.Trim() ?? "",
            IdentityNumber = (i.IdentityNumber ?? "").Trim().ToUpperInvariant(),
            SharePercent = i.SharePercent ?? 0,
        }).ToList();
    }

    internal static EstablishmentForm FromApplication(EstablishmentApplication a) => new EstablishmentForm
    {
        ProposedName = a.ProposedName,
        Type = a.Type,
        RegisteredCapital = a.RegisteredCapital == 0 ? null : a.RegisteredCapital,
        Address = a.Address,
        ScopeCodes = [.. a.ScopeCodeList],
        OtherScope = a.OtherScope,
        LegalRepresentative = a.LegalRepresentative,
        LegalRepresentativeIdNumber = a.LegalRepresentativeIdNumber,
        Investors = a.Investors.Select(i => new InvestorRow { Name = i.Name, IdentityNumber = i.IdentityNumber, SharePercent = i.SharePercent }).ToList(),
        ContactName = a.ContactName,
        ContactPhone = a.ContactPhone,
        SynchronousItems = [.. a.SynchronousItemList],
        SealDelivery = a.SealDelivery,
        SealMailAddress = a.SealMailAddress,
    }.Padded();
}

/// <summary>The signed-in applicant's saved draft, if any.</summary>
public static class Draft
{
    [RequireRoles(Roles.Applicant)]
    public sealed record Query : IQuery<EstablishmentForm?>;

    public sealed class Handler(PortalDbContext db, CurrentUser me) : IRequestHandler<Query, EstablishmentForm?>
    {
        public async Task<EstablishmentForm?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.EstablishmentApplications.AsNoTracking().Include(a => a.Investors)
                .Where(a => a.ApplicantId == me.Id && a.Status == ApplicationStatus.Draft)
                .OrderByDescending(a => a.UpdatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            return draft is null ? null : EstablishmentForm.FromApplication(draft);
        }
    }
}

/// <summary>保存草稿: keeps whatever has been typed, without the submission checks.</summary>
public static class SaveDraft
{
    [RequireRoles(Roles.Applicant)]
    public sealed record Command : ICommand<Unit>
    {
        public EstablishmentForm Form { get; init; } = EstablishmentForm.Blank();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // Named as the page's fields (Data.ProposedName), so a refusal shows beside the field.
            RuleFor(c => c.Form.ProposedName).MaximumLength(EnterpriseNames.MaxLength).OverridePropertyName(nameof(EstablishmentForm.ProposedName))
                .WithMessage($"企业名称不能超过{EnterpriseNames.MaxLength}个字。");
            RuleFor(c => c.Form.Address).MaximumLength(200).OverridePropertyName(nameof(EstablishmentForm.Address)).WithMessage("住所不能超过200个字。");
            RuleFor(c => c.Form.OtherScope).MaximumLength(1000).OverridePropertyName(nameof(EstablishmentForm.OtherScope)).WithMessage("其他经营范围不能超过1000个字。");
            RuleFor(c => c.Form.Investors.Count).LessThanOrEqualTo(EstablishmentForm.InvestorRows).OverridePropertyName(nameof(EstablishmentForm.Investors))
                .WithMessage("投资人最多5位。");

            // A draft is saved unchecked, but never longer than its columns (a 100 KB investor name made a 918 KB page).
            RuleFor(c => c.Form.LegalRepresentative).MaximumLength(50).OverridePropertyName(nameof(EstablishmentForm.LegalRepresentative)).WithMessage("姓名不能超过50个字。");
            RuleFor(c => c.Form.LegalRepresentativeIdNumber).MaximumLength(18).OverridePropertyName(nameof(EstablishmentForm.LegalRepresentativeIdNumber)).WithMessage("身份证号不能超过18位。");
            RuleFor(c => c.Form.ContactName).MaximumLength(50).OverridePropertyName(nameof(EstablishmentForm.ContactName)).WithMessage("联系人不能超过50个字。");
            RuleFor(c => c.Form.ContactPhone).MaximumLength(20).OverridePropertyName(nameof(EstablishmentForm.ContactPhone)).WithMessage("联系电话不能超过20位。");
            RuleFor(c => c.Form.SealMailAddress).MaximumLength(200).OverridePropertyName(nameof(EstablishmentForm.SealMailAddress)).WithMessage("邮寄地址不能超过200个字。");
            RuleFor(c => c.Form.ApplicantMobile).MaximumLength(20).OverridePropertyName(nameof(EstablishmentForm.ApplicantMobile)).WithMessage("手机号不能超过20位。");
            RuleFor(c => c.Form.ScopeCodes.Count).LessThanOrEqualTo(EstablishmentCatalog.Scope.Count).OverridePropertyName(nameof(EstablishmentForm.ScopeCodes)).WithMessage("经营范围中有未知的条目。");
            RuleFor(c => c.Form.SynchronousItems.Count).LessThanOrEqualTo(EstablishmentCatalog.Items.Count).OverridePropertyName(nameof(EstablishmentForm.SynchronousItems)).WithMessage("办理事项中有未知的条目。");
            RuleForEach(c => c.Form.Investors).SetValidator(new InvestorRowLimits()).OverridePropertyName(nameof(EstablishmentForm.Investors));
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var draft = await db.EstablishmentApplications.Include(a => a.Investors)
                .FirstOrDefaultAsync(a => a.ApplicantId == me.Id && a.Status == ApplicationStatus.Draft, cancellationToken);
            if (draft is null)
            {
                draft = new EstablishmentApplication { ApplicantId = me.Id!, FiledById = me.Id!, Status = ApplicationStatus.Draft, CreatedAt = now };
                db.EstablishmentApplications.Add(draft);
            }

            request.Form.CopyTo(draft);
            draft.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>名称自主申报: checks a proposed name before submission.</summary>
public static class CheckName
{
    public sealed record Query : IQuery<NameCheck>
    {
        public string? Name { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, NameCheck>
    {
        public Task<NameCheck> Handle(Query request, CancellationToken cancellationToken) =>
            EnterpriseNameRegistry.CheckAsync(db, request.Name, null, cancellationToken);
    }
}

/// <summary>
/// 提交申请: validates the whole form, reserves the name, creates the case with its sub-items, and accepts it at
/// once when it qualifies for 即报即得. Staff may file for an applicant (帮办代办).
/// </summary>
public static class Submit
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : EstablishmentForm, ICommand<Result>
    {
        public static Command From(EstablishmentForm form) => new(form);

        private Command(EstablishmentForm form)
            : base(form)
        {
        }

        public Command()
        {
        }

        /// <summary>帮办代办: the batch the clerk's uploads on this form were staged under (Features/Materials).</summary>
        [Display(Name = "上传批次")]
        public string? UploadBatch { get; init; }
    }

    public sealed record Result(string Number, bool AutoAccepted, string Notice);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider time)
        {
            // A birth date is checked against today in China, by the portal's clock.
            DateOnly Today() => ResidentIdNumber.TodayInChina(time.GetUtcNow());
            RuleFor(c => c.ProposedName).NotEmpty().WithMessage("请填写拟申请的企业名称。")
                .MaximumLength(EnterpriseNames.MaxLength).WithMessage($"企业名称不能超过{EnterpriseNames.MaxLength}个字。");
            RuleFor(c => c.Type).IsInEnum().WithMessage("请选择企业类型。");
            RuleFor(c => c.RegisteredCapital).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写注册资本。")
                .GreaterThanOrEqualTo(EstablishmentForm.MinimumCapital).WithMessage($"注册资本至少{EstablishmentForm.MinimumCapital}万元（{EstablishmentForm.MinimumCapital * 10000:0}元），请核对单位（万元）。")
                .PrecisionScale(18, 4, ignoreTrailingZeros: true).WithMessage("注册资本最多精确到元（万元后4位小数）。")
                .LessThanOrEqualTo(10_000_000).WithMessage("注册资本超过1000亿元，请核对单位（万元）。");
            RuleFor(c => c.Address).NotEmpty().WithMessage("请填写住所（门牌号）。").MaximumLength(200).WithMessage("住所不能超过200个字。");
            RuleFor(c => c).Must(c => c.ScopeCodes.Count > 0 || !string.IsNullOrWhiteSpace(c.OtherScope))
                .WithName(nameof(EstablishmentForm.ScopeCodes)).WithMessage("请至少选择一项经营范围。");
            RuleForEach(c => c.ScopeCodes).Must(code => EstablishmentCatalog.ScopeEntryOf(code) is not null).WithMessage("经营范围中有未知的条目。");
            RuleFor(c => c.OtherScope).MaximumLength(1000).WithMessage("其他经营范围不能超过1000个字。");
            RuleFor(c => c.LegalRepresentative).NotEmpty().WithMessage("请填写法定代表人（负责人）姓名。").MaximumLength(50).WithMessage("姓名不能超过50个字。");
            RuleFor(c => c.LegalRepresentativeIdNumber).Custom((value, context) =>
            {
                if (ResidentIdNumber.Validate(value, Today()) is { } error)
                {
                    context.AddFailure("法定代表人" + error);
                }
            });
            RuleFor(c => c.Investors.Count).LessThanOrEqualTo(EstablishmentForm.InvestorRows).WithMessage("投资人最多5位。");
            RuleFor(c => c.FilledInvestors.Count()).GreaterThan(0).WithName(nameof(EstablishmentForm.Investors)).WithMessage("请至少填写一位股东（投资人）。");
            RuleFor(c => c).Must(c => !c.Type.HasSingleInvestor() || c.FilledInvestors.Count() == 1)
                .WithName(nameof(EstablishmentForm.Investors)).WithMessage(c => $"{c.Type.Label()}只能有一位投资人。");
            RuleForEach(c => c.FilledInvestors).Custom((row, context) =>
            {
                if (string.IsNullOrWhiteSpace(row.Name))
                {
                    context.AddFailure(nameof(EstablishmentForm.Investors), "请填写每位股东（投资人）的姓名或名称。");
                }

                var id = (row.IdentityNumber ?? "").Trim();
                var asPerson = ResidentIdNumber.Validate(id, Today());
                var asOrganisation = UnifiedSocialCreditCode.Validate(id);
                if (asPerson is not null && asOrganisation is not null)
                {
                    context.AddFailure(nameof(EstablishmentForm.Investors), $"股东“{row.Name}”的证件号码既不是有效的居民身份证号，也不是有效的统一社会信用代码，请核对。");
                }

                if (row.SharePercent is not > 0 || row.SharePercent > 100)
                {
                    context.AddFailure(nameof(EstablishmentForm.Investors), $"股东“{row.Name}”的出资比例应在0到100之间。");
                }
            });
            RuleFor(c => c.FilledInvestors.Sum(i => i.SharePercent ?? 0)).Equal(100m)
                .When(c => c.FilledInvestors.Any()).WithName(nameof(EstablishmentForm.Investors))
                .WithMessage(c => $"全部股东出资比例之和应为100%，现为{c.FilledInvestors.Sum(i => i.SharePercent ?? 0):0.##}%。");
            RuleFor(c => c.ContactName).NotEmpty().WithMessage("请填写联系人。").MaximumLength(50).WithMessage("联系人不能超过50个字。");
            RuleFor(c => c.ContactPhone).NotEmpty().WithMessage("请填写联系电话。").Matches("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$").WithMessage("联系电话应为手机号或带区号的固定电话。");
            RuleFor(c => c.SealMailAddress).NotEmpty().When(c => c.SealDelivery == SealDelivery.Mail).WithMessage("选择邮寄印章时请填写邮寄地址。")
                .MaximumLength(200).WithMessage("邮寄地址不能超过200个字。");
            RuleForEach(c => c.Investors).SetValidator(new InvestorRowLimits());
            RuleForEach(c => c.SynchronousItems).Must(code => EstablishmentCatalog.Item(code) is not null).WithMessage("办理事项中有未知的条目。");
        }
    }

    public sealed class Handler(
        PortalDbContext db,
        CurrentUser me,
        UserManager<PortalUser> users,
        CaseContexts contexts,
        CaseActions actions,
        MaterialUploads materials,
        TimeProvider time) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var applicant = await Applicants.ResolveAsync(users, me, request.ApplicantMobile);
            var draft = await db.EstablishmentApplications.Include(a => a.Investors)
                .FirstOrDefaultAsync(a => a.ApplicantId == applicant.Id && a.FiledById == me.Id && a.Status == ApplicationStatus.Draft, cancellationToken);
            var check = await EnterpriseNameRegistry.CheckAsync(db, request.ProposedName, draft?.Id, cancellationToken);
            if (!check.Ok)
            {
                throw new ValidationFailedException(nameof(EstablishmentForm.ProposedName), check.Message!);
            }

            var application = draft ?? new EstablishmentApplication { ApplicantId = applicant.Id, FiledById = me.Id!, CreatedAt = now };
            request.CopyTo(application);
            application.Status = ApplicationStatus.Submitted;
            application.UpdatedAt = now;
            if (draft is null)
            {
                db.EstablishmentApplications.Add(application);
            }

            var context = await contexts.ForAsync(EstablishmentService.Code, cancellationToken);
            var number = await CaseNumbers.NextAsync(db, EstablishmentService.Definition.NumberPrefix, context.Clock.LocalDate(now), cancellationToken);
            var table = await contexts.PromisesAsync(cancellationToken); // the table the context above was built with
            var promise = Promises.EstablishmentPromise.For(table, application.ScopeCodeList, application.OtherScope);
            var c = Case.Submit(number, $"{application.ProposedName} 设立登记", (applicant.Id, applicant.FullName), me.IsStaff ? Channel.Window : Channel.Online,
                context with { Service = context.Service with { ProcessLimitKey = promise.Key } });
            c.Record("适用承诺时限", CaseActor.System, context.NowUtc, promise.Note);
            var synchronous = application.SynchronousItemList;
            foreach (var item in EstablishmentCatalog.Items)
            {
                c.AddSubItem(new SubItem(item.Code, item.Label, item.Department, synchronous.Contains(item.Code)));
            }

            db.Cases.Add(c);
            await Hall.Visits.LinkServingTicketAsync(db, me, c, context, cancellationToken);
            var reservation = new NameReservation { NormalizedName = application.NormalizedName, Name = application.ProposedName, ReservedAt = now };
            db.NameReservations.Add(reservation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                throw new ValidationFailedException(nameof(EstablishmentForm.ProposedName), "该名称刚刚已被他人申报，请更换字号后重新提交。");
            }

            application.CaseId = c.Id;
            reservation.ApplicationId = application.Id; // the row just added, tracked: no query for it

            // The case's material list, with the files uploaded on the form (in this transaction: all or nothing).
            var attached = await materials.AttachStagedAsync(
                c,
                MaterialCatalog.ForEstablishment(application.ScopeCodeList, application.SynchronousItemList),
                Staging.TryKeyFor(me, Staging.Establishment, request.UploadBatch) ?? "",
                cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // 即报即得 skips the window's 受理, where the legal representative's identity is checked: so only the verified
            // legal representative themself, or a window clerk who has the visitor's ID card in front of them, gets it.
            // Nor without the materials the window would ask for: a required upload that may not be 容缺 (the rule the
            // window's 受理 asks too) sends the case to the window instead.
            var qualifies = EstablishmentCatalog.QualifiesForInstantApproval(application.ScopeCodeList, application.OtherScope);
            var identityChecked = me.IsStaff || IsVerifiedLegalRepresentative(applicant, application);
            var missing = qualifies && identityChecked
                ? (await materials.MissingAsync(c, cancellationToken)).Where(r => !r.Tolerable).ToList()
                : [];
            var instant = qualifies && identityChecked && missing.Count == 0;
            if (instant)
            {
                await actions.FireAsync(c, CaseTrigger.AutoAccept, context with { Actor = CaseActor.System }, null, cancellationToken);
                await db.SaveChangesAsync(cancellationToken); // otherwise nothing is left to save
            }

            var due = c.StepDueAt is { } d ? DeadlineView.Due(d, now, context.Clock) : "—";
            var notice = instant
                ? $"申请已提交并即报即得自动受理，办件编号 {number}，承诺于 {due} 前办结。"
                : promise.WholeProcess
                    ? $"申请已提交，办件编号 {number}。承诺自提交起{promise.Limit}内办结（全流程，窗口受理在内），即 {due} 前。"
                    : $"申请已提交，办件编号 {number}。窗口受理后{promise.Limit}内办结（受理时限：{due} 前）。";
            if (qualifies && !identityChecked)
            {
                notice += " " + NotInstantWithoutIdentity;
            }
            else if (missing.Count > 0)
            {
                notice += " " + NotInstantWithoutMaterials(missing);
            }

            return new Result(number, instant, attached > 0 ? $"{notice} 已随申请提交材料文件{attached}个。" : notice);
        }

        /// <summary>A verified account whose name and ID number are the legal representative's named in the form.</summary>
        private static bool IsVerifiedLegalRepresentative(PortalUser filer, EstablishmentApplication application) =>
            filer.Level.IsVerified()
            && IdentityLevels.SamePerson(application.LegalRepresentative, application.LegalRepresentativeIdNumber, filer.FullName, filer.IdNumber);
    }

    /// <summary>Why an application whose scope qualifies for 即报即得 waits for a window's 受理 when required materials are missing.</summary>
    public static string NotInstantWithoutMaterials(IEnumerable<MaterialRequirement> missing) =>
        $"经营范围符合即报即得条件，但尚未上传必需的材料{MaterialCompleteness.Names(missing)}，不能提交即自动受理：请在办件页“申请材料”中上传，由窗口审核后受理。";

    /// <summary>Why an application whose scope qualifies for 即报即得 still waits for a window's 受理.</summary>
    public const string NotInstantWithoutIdentity =
        "经营范围符合即报即得条件，但提交人不是已实名核验的法定代表人本人，需由窗口核验法定代表人身份后受理，不能提交即自动受理。"
        + "法定代表人本人完成实名核验后提交，或到政务服务中心窗口提交，可即报即得。";
}
