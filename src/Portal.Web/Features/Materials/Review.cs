using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Portal.Domain.Materials;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// 审核: staff holding the case judge one item 合格 or 不合格 (with the reason the 一次性告知 will list). When the items
/// supplied under a 容缺 commitment are all 合格, the commitment is closed by the same action (容缺材料已补齐).
/// </summary>
public static class Review
{
    [RequireStaff]
    public sealed record Command : ICommand<bool>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "材料")]
        public long MaterialId { get; init; }

        /// <summary>
        /// An item of the case's list that has no row yet (a case filed before every item got one at submission): judged
        /// by its code, its row made then, as an upload makes it.
        /// </summary>
        [Display(Name = "材料")]
        public string? ItemCode { get; init; }

        [Display(Name = "审核结果")]
        public bool Accepted { get; init; }

        [Display(Name = "不合格理由")]
        public string? Reason { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).MaximumLength(MaterialLimits.MaxReasonLength).WithMessage($"不合格理由不能超过{MaterialLimits.MaxReasonLength}字。");
            RuleFor(c => c.Reason).NotEmpty().When(c => !c.Accepted).WithMessage("请写明不合格的理由（将列入一次性告知）。");
            RuleFor(c => c.ItemCode).MaximumLength(40).WithMessage("材料代码不正确。");
        }
    }

    /// <returns>Whether the case's 容缺 commitment was closed by this judgement.</returns>
    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, TimeProvider time) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await MaterialCases.ForReviewAsync(db, standing, request.Number, cancellationToken);
            var items = await uploads.ItemsAsync(c.Id, cancellationToken);
            var item = items.FirstOrDefault(i => i.Id == request.MaterialId);
            if (item is null && request.MaterialId == 0 && !string.IsNullOrEmpty(request.ItemCode))
            {
                item = await uploads.ItemAsync(c, request.ItemCode, cancellationToken);
                if (item.Id == 0)
                {
                    items.Add(item);
                }
            }

            if (item is null)
            {
                throw new NotFoundException("未找到该材料。");
            }

            if (item.Version != request.ExpectedVersion)
            {
                throw new ConflictException(ConflictException.RecordChanged);
            }

            db.Entry(item).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            try
            {
                item.Review(request.Accepted, request.Reason, actor, now);
            }
            catch (InvalidOperationException refused)
            {
                throw new RuleViolationException([refused.Message]);
            }

            var closed = false;
            var committed = items.Where(i => i.UnderCommitment).ToList();
            if (request.Accepted && item.UnderCommitment && c.ToleranceItem is not null && c.ToleranceSuppliedAt is null
                && committed.All(i => i.Status == MaterialStatus.Accepted))
            {
                c.SupplyToleranceItem(actor, now, $"容缺材料经审核合格：{string.Join("、", committed.Select(i => i.Name))}");
                closed = true;
            }

            await db.SaveChangesAsync(cancellationToken);
            return closed;
        }
    }
}
