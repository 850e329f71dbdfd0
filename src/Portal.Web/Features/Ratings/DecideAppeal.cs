using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

/// <summary>A supervisor other than the rated staff member decides an appeal; upheld excludes the rating from statistics.</summary>
public static class DecideAppeal
{
    [RequireRoles(Roles.Supervisor)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "申诉")]
        public long AppealId { get; init; }

        [Display(Name = "申诉决定")]
        public bool Upheld { get; init; }

        [Display(Name = "决定理由")]
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请写明决定理由。").MaximumLength(1000).WithMessage("决定理由不能超过1000字。");
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var appeal = await db.RatingAppeals.Include(a => a.Rating).FirstOrDefaultAsync(a => a.Id == request.AppealId, cancellationToken)
                ?? throw new NotFoundException("未找到该申诉。");
            var now = time.GetUtcNow().UtcDateTime;
            try
            {
                appeal.Decide(me.ToActor(), request.Upheld, request.Reason!, now);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new RuleViolationException([ex.Message]);
            }

            if (request.Upheld && await db.RatingFollowUps.FirstOrDefaultAsync(f => f.RatingId == appeal.RatingId, cancellationToken) is { IsOpen: true } followUp)
            {
                followUp.Machine(CaseActor.System, isRater: false, now, new RatingFollowUp.Args()).Fire(FollowUpTrigger.CloseByAppeal);
            }

            // The rater learns why their 差评 was closed without a rectification (the rating itself stays as given). A
            // visit's rater has no account: they read it on the rating's page, opened with its code.
            if (request.Upheld && appeal.Rating.RaterId is { } rater)
            {
                var r = appeal.Rating;
                db.Notifications.Add(Notification.Create(rater, NotificationKind.RatingReply, r.CaseNumber, "您的差评经复核已办结",
                    $"您对{r.Subject.Label()}的“{r.Level.Label()}”评价，经督查人员复核，被评价方的申诉成立：{appeal.Decision}。本条评价不计入统计，评价本身保留不变。",
                    $"/Ratings/View/{r.AccessCode}", now, $"rating:{r.Id}:appeal-upheld"));
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
