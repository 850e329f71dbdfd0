using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Hall;

/// <summary>
/// The call board's data: today's last <see cref="Shown"/> calls, newest first — also numbers already being served,
/// finished or passed (过号), so a visitor who looked away still finds where their number was called — and how many
/// wait. A recall is a new call (it is announced again); a transferred number leaves the board until its new window
/// calls it.
/// </summary>
public static class Board
{
    /// <summary>How many calls the board lists.</summary>
    public const int Shown = 8;

    [PublicRequest]
    public sealed record Query : IQuery<Result>;

    /// <param name="Key">Tells one call from the next (a recall of the same number is a new call).</param>
    /// <param name="State">请到窗口, 办理中, 已办结 or 已过号.</param>
    /// <param name="Announcement">What is said aloud: "请 A002 号到 A01 号窗口办理".</param>
    /// <param name="Headline">What the board shows large for the newest call: the announcement while the number is
    /// called, else where it was called and what became of it ("A002 号 · A01 号窗口 · 已过号").</param>
    public sealed record Call(string Key, string Number, string Window, string At, int Recall, string State, string Announcement, string Headline);

    public sealed record Result(IReadOnlyList<Call> Calls, int Waiting);

    public static string Announcement(string number, string window) => $"请 {number} 号到 {window} 号窗口办理";

    public static string StateLabel(TicketState state) => state switch
    {
        TicketState.Called => "请到窗口",
        TicketState.Serving => "办理中",
        TicketState.Done => "已办结",
        TicketState.NoShow => "已过号",
        _ => state.Label(),
    };

    public sealed class Handler(PortalDbContext db, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var today = clock.LocalDate(time.GetUtcNow().UtcDateTime);
            var called = await db.Tickets.AsNoTracking()
                .Where(t => t.LocalDate == today && t.CalledAt != null && t.State != TicketState.Waiting)
                .OrderByDescending(t => t.CalledAt).ThenByDescending(t => t.Id)
                .Take(Shown)
                .ToListAsync(cancellationToken);
            var waiting = await db.Tickets.CountAsync(t => t.LocalDate == today && t.State == TicketState.Waiting, cancellationToken);
            return new Result(
                called.Select(t =>
                {
                    var window = t.WindowNumber ?? "";
                    var state = StateLabel(t.State);
                    var announcement = Announcement(t.Number, window);
                    return new Call(
                        $"{t.Id}-{t.CalledAt!.Value.Ticks.ToString(CultureInfo.InvariantCulture)}",
                        t.Number,
                        window,
                        clock.ToLocal(t.CalledAt.Value).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                        t.RecallCount,
                        state,
                        announcement,
                        t.State == TicketState.Called ? announcement : $"{t.Number} 号 · {window} 号窗口 · {state}");
                }).ToList(),
                waiting);
        }
    }
}
