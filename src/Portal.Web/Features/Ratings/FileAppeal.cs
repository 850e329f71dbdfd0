using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

/// <summary>申诉: the rated staff member (or staff of the rated unit) appeals a rating once, with a reason.</summary>
public static class FileAppeal
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "评价")]
        public long RatingId { get; init; }

        [Display(Name = "申诉理由")]
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请写明申诉理由。").MaximumLength(1000).WithMessage("申诉理由不能超过1000字。");
    }

    /// <summary>Who may appeal a rating: a 差评 (the ratings that start a follow-up), by the staff member rated or staff of the rated department (the hall's windows for visits).</summary>
    public static bool MayAppeal(Rating r, CurrentUser me) => r.IsBad && Concerns(r, me);

    /// <summary>
    /// The rating is of my work: I am the staff member rated, or a reviewer of the rated department (its back office
    /// answers for the department's services). Window clerks each answer for their own work only: a visit or a step of
    /// another window is not theirs.
    /// </summary>
    public static bool Concerns(Rating r, CurrentUser me) =>
        r.StaffId == me.Id || (Enum.TryParse<Department>(r.Unit, out var d) && me.IsInRole(d.ReviewerRole()));

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var rating = await db.Ratings.FirstOrDefaultAsync(r => r.Id == request.RatingId, cancellationToken);
            if (rating is null || !Concerns(rating, me))
            {
                throw new NotFoundException("未找到该评价。");
            }

            if (!rating.IsBad)
            {
                throw new RuleViolationException(["只能对差评（不满意、非常不满意）提出申诉。"]);
            }

            try
            {
                db.RatingAppeals.Add(RatingAppeal.File(rating, me.ToActor(), request.Reason!, time.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                throw new RuleViolationException(["该评价已提出过申诉，不能重复申诉。"]);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new RuleViolationException([ex.Message]);
            }

            return Unit.Value;
        }
    }
}
