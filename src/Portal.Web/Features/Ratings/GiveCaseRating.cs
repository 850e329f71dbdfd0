using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Ratings;

public static class GiveCaseRating
{
    [RequireRoles(Roles.Applicant)]
    public sealed record Command : RatingForm, ICommand<string>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "评价环节")]
        public RatingSubject Subject { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Subject).Must(s => s is RatingSubject.Acceptance or RatingSubject.Processing).WithMessage("评价对象不正确。");
            Include(RatingFormRules.For(RatingScale.Online, askContact: false));
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, RatingStore store, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.History).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || c.ApplicantId != me.Id)
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。只有申请人本人可以评价。");
            }

            if (ConnectionService.IsParent(c.ServiceCode))
            {
                throw new RuleViolationException([RatingTargets.ConnectionParentRefusal]);
            }

            if (RatingTargets.CaseRefusal(c, request.Subject) is { } refusal)
            {
                throw new RuleViolationException([refusal]);
            }

            if (await RatingTargets.EarlierApplicationRatingAsync(db, c, request.Subject, cancellationToken) is not null)
            {
                throw new RuleViolationException([$"该报装申请的{request.Subject.Label()}环节已经评价过了（一事一评），评价提交后不能更改。"]);
            }

            var target = await RatingTargets.ForCaseAsync(db, c, request.Subject, services, cancellationToken);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => new { u.FullName, u.PhoneNumber }).SingleAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var rating = RatingForms.Give(request, target, new Rating.Rater(me.Id, user.FullName, user.PhoneNumber, request.Anonymous), now);
            await store.SaveAsync(rating, now, cancellationToken);
            return rating.AccessCode;
        }
    }
}
