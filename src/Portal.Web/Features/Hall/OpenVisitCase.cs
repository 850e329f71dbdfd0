using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>A window clerk serving a visitor opens the visitor's existing case: it is linked to the ticket.</summary>
public static class OpenVisitCase
{
    [RequireRoles(Roles.Window)]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "办件编号")]
        public string? CaseNumber { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.CaseNumber).NotEmpty().WithMessage("请输入办件编号。").MaximumLength(32).WithMessage("办件编号过长。");
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var ticket = await Visits.ServingTicketAsync(db, me, clock.LocalDate(now), cancellationToken)
                ?? throw new RuleViolationException(["请先叫号并点击“开始办理”，再打开来访人的办件。"]);
            var number = request.CaseNumber!.Trim().ToUpperInvariant();
            var c = await db.Cases.FirstOrDefaultAsync(x => x.Number == number, cancellationToken)
                ?? throw new ValidationFailedException(nameof(Command.CaseNumber), $"未找到办件 {number}，请核对编号。");
            Visits.Link(ticket, c, me.ToActor(), now);
            await db.SaveChangesAsync(cancellationToken);
            return c.Number;
        }
    }
}
