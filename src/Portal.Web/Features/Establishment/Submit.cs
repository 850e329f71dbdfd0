using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Materials;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Establishment;

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
