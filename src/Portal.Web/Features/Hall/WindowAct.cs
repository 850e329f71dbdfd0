using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>A window's work on the queue: call the next number, recall, no-show, serve, transfer, finish.</summary>
public static class WindowAct
{
    public enum Action
    {
        CallNext,
        Recall,
        NoShow,
        Serve,
        Finish,
        Transfer,

        /// <summary>The called priority number's reason holds (待确认 → 优先).</summary>
        ConfirmPriority,

        /// <summary>It does not: an ordinary number again, back in the queue in order of issue.</summary>
        DeclinePriority,
    }

    [RequireRoles(Roles.Window)]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "叫号操作")]
        public Action Do { get; init; }

        [Display(Name = "转往的业务类别")]
        public string? TransferTo { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Do).IsInEnum().WithMessage("未知的叫号操作。");
            RuleFor(c => c.TransferTo).MaximumLength(10).WithMessage("窗口号不能超过10个字符。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var window = await WindowQuery.MyWindowAsync(db, me, cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var today = clock.LocalDate(now);
            var mine = await WindowQuery.CurrentAt(db.Tickets, today, window).FirstOrDefaultAsync(cancellationToken);
            if (request.Do == Action.CallNext)
            {
                if (mine is not null)
                {
                    throw new RuleViolationException([$"本窗口还有未办结的号码 {mine.Number}，请先办结、过号或转窗。"]);
                }

                return await CallNextAsync(window, today, now, cancellationToken);
            }

            if (mine is null)
            {
                throw new RuleViolationException(["本窗口当前没有号码，请先叫号。"]);
            }

            try
            {
                switch (request.Do)
                {
                    case Action.Recall:
                        mine.Recall(now);
                        break;
                    case Action.NoShow:
                        mine.MarkNoShow(now);
                        break;
                    case Action.Serve:
                        mine.StartServing(now);
                        break;
                    case Action.Finish:
                        mine.Finish(now);
                        break;
                    case Action.ConfirmPriority:
                        mine.ConfirmPriority();
                        break;
                    case Action.DeclinePriority:
                        mine.DeclinePriority();
                        break;
                    case Action.Transfer:
                        var target = request.TransferTo?.Trim();
                        if (string.IsNullOrEmpty(target))
                        {
                            throw new ValidationFailedException(nameof(Command.TransferTo), "请填写要转去的窗口号（如 A02）。");
                        }

                        if (!await db.Users.AnyAsync(u => u.WindowNumber == target, cancellationToken))
                        {
                            throw new ValidationFailedException(nameof(Command.TransferTo), $"大厅没有“{target}”号窗口，请核对后填写要转去的窗口号（如 A02）。");
                        }

                        mine.TransferTo(target);
                        break;
                }
            }
            catch (InvalidOperationException ex)
            {
                throw new RuleViolationException([ex.Message]);
            }

            await db.SaveChangesAsync(cancellationToken);
            return mine.Number;
        }

        /// <summary>
        /// Takes the first ticket in queue order with one conditional UPDATE (still waiting, same version): two windows
        /// calling at the same moment never get the same number; the one that loses takes the next.
        /// </summary>
        private async Task<string> CallNextAsync(string window, DateOnly today, DateTime now, CancellationToken cancellationToken)
        {
            var waiting = await db.Tickets.AsNoTracking().Where(t => t.LocalDate == today && t.State == TicketState.Waiting).ToListAsync(cancellationToken);
            foreach (var candidate in QueueOrder.For(waiting, window, now).Take(20))
            {
                var taken = await db.Tickets
                    .Where(t => t.Id == candidate.Id && t.State == TicketState.Waiting && t.Version == candidate.Version)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(t => t.State, TicketState.Called)
                        .SetProperty(t => t.WindowNumber, window)
                        .SetProperty(t => t.TransferredTo, (string?)null)
                        .SetProperty(t => t.CalledAt, now)
                        .SetProperty(t => t.CalledByName, me.Name)
                        .SetProperty(t => t.CalledById, me.Id)
                        .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
                if (taken == 1)
                {
                    return candidate.Number;
                }
            }

            throw new RuleViolationException(["当前没有等候的号码。"]);
        }
    }
}
