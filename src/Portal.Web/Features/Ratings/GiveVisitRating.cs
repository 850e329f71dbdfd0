using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

public static class GiveVisitRating
{
    [PublicRequest]
    public sealed record Command : RatingForm, ICommand<string>
    {
        /// <summary>The ticket's access code (printed as a QR code on the ticket).</summary>
        [Display(Name = "排队号码")]
        public string Code { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(RatingFormRules.For(RatingScale.OnSite, askContact: true));
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, RatingStore store, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.AccessCode == request.Code, cancellationToken)
                ?? throw new NotFoundException("未找到该排队号。");
            if (ticket.State != TicketState.Done)
            {
                throw new RuleViolationException(["本次服务办结后才能评价。"]);
            }

            if (me.IsSignedIn && me.Id == ticket.CalledById)
            {
                throw new ForbiddenException("工作人员不能评价自己提供的服务。");
            }

            // A counter tablet may be signed in as staff: the rater is the visitor, never the staff account.
            var now = time.GetUtcNow().UtcDateTime;
            var raterId = me.IsSignedIn && !me.IsStaff ? me.Id : null;
            var rating = RatingForms.Give(request, RatingTargets.ForTicket(ticket), new Rating.Rater(raterId, request.Name, request.Phone, request.Anonymous), now);
            await store.SaveAsync(rating, now, cancellationToken);
            return rating.AccessCode;
        }
    }
}
