using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// 一次性告知: staff holding the case send one notice listing every item marked 不合格 with its reason (000:503,
/// 003:377). The list is built from the items, so it is complete; the case waits for the applicant with its clock
/// paused (SPEC 4). A second notice needs a supervisor, as for any 补正 (CaseWorkflow).
/// </summary>
public static class SendNotice
{
    [RequireStaff]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "其他需要说明的事项")]
        public string? Note { get; init; }

        [Display(Name = "督查批准再次补正")]
        public bool SupervisorOverride { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).MaximumLength(500).WithMessage("其他需要说明的事项不能超过500字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, CaseContexts contexts, CaseActions actions) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await MaterialCases.ForReviewAsync(db, standing, request.Number, cancellationToken);
            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var rejected = (await uploads.ItemsAsync(c.Id, cancellationToken)).Where(i => i.Status == MaterialStatus.Rejected).ToList();
            if (rejected.Count == 0)
            {
                throw new RuleViolationException(["没有标为不合格的材料：请先逐项审核，把需要补正的材料标为不合格并写明理由。"]);
            }

            var text = NoticeText.Of(rejected, request.Note);
            foreach (var item in rejected)
            {
                item.ListInNotice(c.SupplementCount + 1);
            }

            var context = await contexts.ForCaseAsync(c, cancellationToken);
            await actions.FireAsync(c, CaseTrigger.RequestSupplement, context, new CaseActionArgs
            {
                Reason = text,
                SupervisorOverride = request.SupervisorOverride && me.IsInRole(Roles.Supervisor),
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return text;
        }
    }
}
