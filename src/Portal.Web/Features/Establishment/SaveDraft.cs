using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Establishment;

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
