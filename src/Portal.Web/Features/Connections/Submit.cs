using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Identity;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Connections;

/// <summary>
/// One form for a site and one or more utilities (联合报装, 000:109): every utility is classified on submission and
/// gets its own child case at once, so each utility sees the demand immediately.
/// </summary>
public static class Submit
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "申请人手机号（帮办代办）")]
        public string? ApplicantMobile { get; init; }

        [Display(Name = "用户类别")]
        public CustomerKind Customer { get; init; } = CustomerKind.Enterprise;

        [Display(Name = "企业名称")]
        public string? EnterpriseName { get; init; }

        [Display(Name = "统一社会信用代码")]
        public string? CreditCode { get; init; }

        [Display(Name = "用能地址")]
        public string? Address { get; init; }

        [Display(Name = "用途")]
        public string? Purpose { get; init; }

        [Display(Name = "报装项目")]
        public List<Utility> Utilities { get; init; } = [];

        [Display(Name = "用电")]
        public TechnicalData Power { get; init; } = new();

        [Display(Name = "用水")]
        public TechnicalData Water { get; init; } = new();

        [Display(Name = "用气")]
        public TechnicalData Gas { get; init; } = new();

        [Display(Name = "用热")]
        public TechnicalData Heat { get; init; } = new();

        [Display(Name = "通信")]
        public TechnicalData Telecom { get; init; } = new();

        /// <summary>帮办代办: the batch the clerk's uploads on this form were staged under (Features/Materials).</summary>
        [Display(Name = "上传批次")]
        public string? UploadBatch { get; init; }

        public TechnicalData DataFor(Utility utility) => utility switch
        {
            Utility.Power => Power,
            Utility.Water => Water,
            Utility.Gas => Gas,
            Utility.Heat => Heat,
            _ => Telecom,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Utilities).NotEmpty().WithMessage("请至少选择一项报装（电、水、气、热、信）。");
            RuleForEach(c => c.Utilities).IsInEnum().WithMessage("未知的报装类别。");
            RuleFor(c => c.Address).NotEmpty().WithMessage("请填写用能地址。").MaximumLength(200).WithMessage("用能地址不能超过200字。");
            RuleFor(c => c.Purpose).NotEmpty().WithMessage("请填写用途（如：生产、办公、居住）。").MaximumLength(200).WithMessage("用途不能超过200字。");
            When(c => c.Customer == CustomerKind.Enterprise, () =>
            {
                RuleFor(c => c.EnterpriseName).NotEmpty().WithMessage("企业用户请填写企业名称。").MaximumLength(100).WithMessage("企业名称不能超过100字。");
                RuleFor(c => c.CreditCode).Must(code => UnifiedSocialCreditCode.IsValid(code))
                    .When(c => !string.IsNullOrWhiteSpace(c.CreditCode))
                    .WithMessage(c => UnifiedSocialCreditCode.Validate(c.CreditCode) ?? "统一社会信用代码不正确。");
            });

            // The technical data of every ticked utility, all problems at once, each beside its field (Power.CapacityKw).
            RuleFor(c => c).Custom((command, context) =>
            {
                foreach (var utility in command.Utilities.Where(Enum.IsDefined).Distinct().Order())
                {
                    foreach (var (field, message) in command.DataFor(utility).Problems(utility))
                    {
                        context.AddFailure($"{utility}.{field}", $"{utility.Label()}：{message}");
                    }
                }
            });
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, UserManager<PortalUser> users, CaseContexts contexts, CaseActions actions, MaterialUploads materials)
        : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            // The technical data was checked by the validator (every ticked utility).
            var utilities = request.Utilities.Distinct().OrderBy(u => u).ToList();
            var applicant = await Applicants.ResolveAsync(users, me, request.ApplicantMobile);
            var parentContext = await contexts.ForAsync(ConnectionService.ParentCode, cancellationToken);
            var now = parentContext.NowUtc;
            var today = parentContext.Clock.LocalDate(now);
            var application = new ConnectionApplication(applicant.Id, request.Customer, request.Customer == CustomerKind.Enterprise ? request.EnterpriseName?.Trim() : null,
                string.IsNullOrWhiteSpace(request.CreditCode) ? null : UnifiedSocialCreditCode.Normalize(request.CreditCode), request.Address!.Trim(), request.Purpose!.Trim(), now);
            var channel = me.IsStaff ? Channel.Window : Channel.Online;
            var joint = utilities.Count > 1;
            var title = $"{request.Address!.Trim()} {(joint ? "联合报装（" + string.Join("、", utilities.Select(u => u.Label())) + "）" : utilities[0].ServiceLabel())}";
            var parentNumber = await CaseNumbers.NextAsync(db, ConnectionService.Parent.NumberPrefix, today, cancellationToken);
            var parentFlow = new ParentConnectionFlow(() => false);
            var parent = Case.Submit(parentNumber, title, (applicant.Id, applicant.FullName), channel, parentContext with { Flow = parentFlow }, application.CreditCode);
            db.Cases.Add(parent);
            await Hall.Visits.LinkServingTicketAsync(db, me, parent, parentContext, cancellationToken);
            db.ConnectionApplications.Add(application);
            await db.SaveChangesAsync(cancellationToken);
            application.AttachTo(parent.Id, parent.Number);
            await actions.FireAsync(parent, CaseTrigger.AutoAccept, parentContext with { Actor = CaseActor.System, Flow = parentFlow }, null, cancellationToken);

            var children = new List<(Case Case, IReadOnlyList<MaterialRequirement> List)>();
            foreach (var utility in utilities)
            {
                var data = request.DataFor(utility);
                var classification = ConnectionClassifier.Classify(utility, request.Customer, data);
                var utilityRequest = new UtilityRequest(application, utility, data, classification);
                application.Requests.Add(utilityRequest);
                var service = ConnectionService.Child(utility);
                var context = (await contexts.ForAsync(service.Code, cancellationToken)) with { Flow = new UtilityConnectionFlow(utilityRequest) };
                var number = await CaseNumbers.NextAsync(db, service.NumberPrefix, today, cancellationToken);
                var child = Case.Submit(number, $"{request.Address!.Trim()} {utility.ServiceLabel()}", (applicant.Id, applicant.FullName), channel, context, application.CreditCode);
                db.Cases.Add(child);
                await db.SaveChangesAsync(cancellationToken);
                utilityRequest.AttachTo(child.Id, child.Number, now);
                // The utility sees the demand at once; the system accepts, so the promise counts from submission.
                await actions.FireAsync(child, CaseTrigger.AutoAccept, context with { Actor = CaseActor.System }, null, cancellationToken);
                children.Add((child, ConnectionMaterials.ListOf(utility)));
            }

            // Each utility's material list on its own case, with the files uploaded on the form (in this transaction).
            await materials.AttachStagedAsync(children, Staging.TryKeyFor(me, Staging.Connection, request.UploadBatch) ?? "", cancellationToken);

            await db.SaveChangesAsync(cancellationToken);
            return parent.Number;
        }
    }
}
