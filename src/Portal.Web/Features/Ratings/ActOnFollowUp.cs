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
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

/// <summary>A supervisor works a 差评's follow-up: 回访, 核实, 整改, 复核.</summary>
public static class ActOnFollowUp
{
    [RequireRoles(Roles.Supervisor)]
    public sealed record Command : ICommand<FollowUpState>
    {
        [Display(Name = "差评整改记录")]
        public long Id { get; init; }

        [Display(Name = "整改操作")]
        public FollowUpTrigger Trigger { get; init; }

        [Display(Name = "内容")]
        public string? Text { get; init; }

        [Display(Name = "核实结论")]
        public Finding? Finding { get; init; }

        /// <summary>The version the page showed (the page always sends it; a new follow-up's is 0).</summary>
        [Display(Name = "页面版本")]
        public long? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Trigger).Must(t => t is FollowUpTrigger.RecordVisit or FollowUpTrigger.Verify or FollowUpTrigger.Rectify or FollowUpTrigger.Reopen or FollowUpTrigger.ConfirmResult)
                .WithMessage("不支持的操作。");
            RuleFor(c => c.Text).MaximumLength(1000).WithMessage("内容不能超过1000字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, PromiseService promises, Infrastructure.Calendar.CalendarService calendar, TimeProvider time) : IRequestHandler<Command, FollowUpState>
    {
        public async Task<FollowUpState> Handle(Command request, CancellationToken cancellationToken)
        {
            var followUp = await db.RatingFollowUps.Include(f => f.Rating).FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException("未找到该差评整改记录。");
            if (request.ExpectedVersion is { } expected && expected != followUp.Version)
            {
                throw new ConflictException(ConflictException.RecordChanged);
            }

            if (followUp.Rating.StaffId == me.Id)
            {
                throw new ForbiddenException("您是被评价的工作人员，对本人的差评须由其他督查人员处理。");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var clock = await calendar.GetClockAsync(cancellationToken);
            var limit = await RatingStore.RectificationLimitAsync(promises, cancellationToken);
            // “核实不属实，向评价人说明” is one button: its finding is 不属实 whatever was ticked.
            var finding = followUp.State == FollowUpState.Verifying && request.Trigger == FollowUpTrigger.Rectify ? Finding.NotTrue : request.Finding;
            var machine = followUp.Machine(me.ToActor(), isRater: false, now, new RatingFollowUp.Args(request.Text, finding, NewLimit: limit, Clock: clock));
            machine.Fire(request.Trigger);
            if (followUp.State == FollowUpState.AwaitingRater && followUp.Rating.RaterId is { } rater)
            {
                db.Notifications.Add(Notification.Create(rater, NotificationKind.RatingReply, followUp.Rating.CaseNumber, "您的评价有了整改反馈",
                    $"您对{followUp.Rating.Subject.Label()}的“{followUp.Rating.Level.Label()}”评价已核实处理：{followUp.Result}",
                    $"/Ratings/View/{followUp.Rating.AccessCode}", now, $"rating:{followUp.Id}:reply:{now.Ticks}"));
            }

            await db.SaveChangesAsync(cancellationToken);
            return followUp.State;
        }
    }
}
