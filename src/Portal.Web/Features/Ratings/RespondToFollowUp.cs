using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

/// <summary>The rater answers the follow-up of their 差评: rates the result, or asks for a review once.</summary>
public static class RespondToFollowUp
{
    [PublicRequest]
    public sealed record Command : ICommand<FollowUpState>
    {
        /// <summary>The rating's access code: only the rater has it.</summary>
        [Display(Name = "评价码")]
        public string Code { get; init; } = "";

        [Display(Name = "对整改结果的评价")]
        public RectificationSatisfaction? Satisfaction { get; init; }

        [Display(Name = "说明")]
        public string? Remark { get; init; }

        [Display(Name = "申请复核")]
        public bool RequestReview { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Satisfaction).NotNull().WithMessage("请选择对整改结果的评价。").IsInEnum().WithMessage("请选择对整改结果的评价。");
            RuleFor(c => c.Remark).MaximumLength(500).WithMessage("说明不能超过500字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, FollowUpState>
    {
        public async Task<FollowUpState> Handle(Command request, CancellationToken cancellationToken)
        {
            var followUp = await db.RatingFollowUps.Include(f => f.Rating).FirstOrDefaultAsync(f => f.Rating.AccessCode == request.Code, cancellationToken)
                ?? throw new NotFoundException("未找到该评价的整改记录。");
            var actor = me.IsSignedIn ? me.ToActor() : CaseActor.Public;
            var machine = followUp.Machine(actor, isRater: true, time.GetUtcNow().UtcDateTime, new RatingFollowUp.Args(Text: request.Remark, Satisfaction: request.Satisfaction));
            machine.Fire(request.RequestReview ? FollowUpTrigger.RequestReview : FollowUpTrigger.RaterResponds);
            await db.SaveChangesAsync(cancellationToken);
            return followUp.State;
        }
    }
}
