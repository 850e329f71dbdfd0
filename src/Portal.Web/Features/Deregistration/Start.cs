using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Deregistration;

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
