using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Hall;

/// <summary>取号 at the kiosk or on a phone, without an account: a number in the category's series for today.</summary>
public static class TakeTicket
{
    [PublicRequest]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "业务类别")]
        public string Category { get; init; } = "";

        [Display(Name = "优先办理原因")]
        public PriorityReason Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Category).Must(c => HallCategories.Find(c) is not null).WithMessage("请选择办理的业务类别。");
            RuleFor(c => c.Reason).IsInEnum().WithMessage("未知的优先类别。");
        }
    }

    public sealed class Handler(PortalDbContext db, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var category = HallCategories.Find(request.Category)!;
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var today = clock.LocalDate(now);
            if (!clock.Calendar.IsWorkingDay(today))
            {
                throw new RuleViolationException([$"今天（{today:M月d日}）为非工作日，大厅不办理业务，请在工作日前来或在线办理。"]);
            }

            var kind = request.Reason == PriorityReason.None ? TicketKind.WalkIn : TicketKind.Priority;
            var ticket = await HallTicketNumbers.IssueAsync(db, category, kind, request.Reason, today, now, null, cancellationToken);
            return ticket.AccessCode;
        }
    }
}

/// <summary>One ticket as its holder sees it: the number, how many are ahead and an estimated wait.</summary>
public static class TicketView
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        public string Code { get; init; } = "";
    }

    public sealed record Result(string Number, string Category, string Kind, string State, TicketState Code, string? Window, int Ahead, int EstimatedMinutes, string Issued, string AccessCode);

    public sealed class Handler(PortalDbContext db, CalendarService calendar, IConfiguration configuration, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var t = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(x => x.AccessCode == request.Code, cancellationToken)
                ?? throw new NotFoundException("未找到该号码。");
            var clock = await calendar.GetClockAsync(cancellationToken);
            var waiting = await db.Tickets.AsNoTracking().Where(x => x.LocalDate == t.LocalDate && x.State == TicketState.Waiting).ToListAsync(cancellationToken);
            // Ahead: those a window would call before this ticket (priority first, then order of issue).
            // The order of the window that will call it: a transferred ticket waits in its target window's queue.
            var order = QueueOrder.For(waiting, t.TransferredTo ?? "", time.GetUtcNow().UtcDateTime).ToList();
            var ahead = t.State == TicketState.Waiting ? Math.Max(0, order.FindIndex(x => x.Id == t.Id)) : 0;
            var windows = Math.Max(1, configuration.GetValue("Portal:Hall:OpenWindows", 4));
            var minutes = configuration.GetValue("Portal:Hall:MinutesPerVisit", 8);
            return new Result(
                t.Number,
                HallCategories.LabelOf(t.Category),
                t.KindLabel,
                t.State.Label(),
                t.State,
                t.WindowNumber,
                ahead,
                (int)Math.Ceiling(ahead * minutes / (double)windows),
                DeadlineView.Format(clock.ToLocal(t.IssuedAt)),
                t.AccessCode);
        }
    }
}

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

/// <summary>What a window clerk sees of the queue: their window, the current number, and who is waiting.</summary>
public static class WindowQuery
{
    [RequireRoles(Roles.Window)]
    public sealed record Query : IQuery<Result>;

    public sealed record Waiting(string Number, string Category, string Kind, string Issued);

    public sealed record Result(string Window, Ticket? Current, IReadOnlyList<Waiting> Queue);

    /// <summary>The number a window is working on today (called or being served), latest first.</summary>
    public static IQueryable<Ticket> CurrentAt(IQueryable<Ticket> tickets, DateOnly today, string window) =>
        tickets.Where(t => t.LocalDate == today && t.WindowNumber == window && (t.State == TicketState.Called || t.State == TicketState.Serving))
            .OrderByDescending(t => t.CalledAt);

    public static async Task<string> MyWindowAsync(PortalDbContext db, CurrentUser me, CancellationToken cancellationToken) =>
        await WindowOfAsync(db, me, cancellationToken)
            ?? throw new RuleViolationException(["您的账号没有登记窗口号，请管理员在账号中设置。"]);

    /// <summary>The window the signed-in person's account is registered at, if any.</summary>
    public static async Task<string?> WindowOfAsync(PortalDbContext db, CurrentUser me, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.WindowNumber).SingleOrDefaultAsync(cancellationToken) is { Length: > 0 } window
            ? window
            : null;

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var window = await MyWindowAsync(db, me, cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var today = clock.LocalDate(now);
            var current = await CurrentAt(db.Tickets.AsNoTracking(), today, window).FirstOrDefaultAsync(cancellationToken);
            var waiting = await db.Tickets.AsNoTracking().Where(t => t.LocalDate == today && t.State == TicketState.Waiting).ToListAsync(cancellationToken);
            var queue = QueueOrder.For(waiting, window, now).Take(30).Select(t => new Waiting(t.Number, HallCategories.LabelOf(t.Category),
                t.Kind != TicketKind.Priority && t.TransferredTo == window ? "转入" : t.KindLabel, clock.ToLocal(t.IssuedAt).ToString("HH:mm"))).ToList();
            return new Result(window, current, queue);
        }
    }
}
