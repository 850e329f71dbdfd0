using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Hall;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>
/// The booking page: the categories, then the days from today to the horizon (closed days with their name,
/// e.g. 国庆节), then the slots of the chosen day with the places left (约满, 延时, already started).
/// </summary>
public static class BookingForm
{
    public sealed record Query : IQuery<Result>
    {
        public string? Category { get; init; }

        public DateOnly? Date { get; init; }

        /// <summary>改约: the code of the booking being changed (its category is kept).</summary>
        public string? Change { get; init; }
    }

    public sealed record CategoryOption(string Code, string Letter, string Label, bool Open, int Capacity, int SlotMinutes, int DaysAhead, string? ExtendedNote);

    /// <param name="Name">A closed day's name (国庆节, 休息日) or a make-up working day's (国庆节调休上班).</param>
    /// <param name="Note">Why an open day has no place left: 约满, 已过预约时间, 无可预约时段.</param>
    public sealed record DayOption(DateOnly Date, string Iso, string Label, bool Open, string? Name, string? Note, int Left, bool Mine);

    public enum SlotStatus
    {
        Bookable,
        Full,
        Started,
        Current,
    }

    public sealed record SlotOption(int Key, string Label, bool Extended, int Left, int Capacity, SlotStatus Status)
    {
        /// <summary>"17:00-17:30" (the page marks 延时 on its own line).</summary>
        public string Time => Extended ? Label.Replace("（延时）", "", StringComparison.Ordinal) : Label;
    }

    public sealed record Result(
        IReadOnlyList<CategoryOption> Categories,
        CategoryOption? Category,
        IReadOnlyList<DayOption> Days,
        DayOption? Day,
        IReadOnlyList<SlotOption> Slots,
        AppointmentCard? Changing,
        string? ChangeRefusal);

    public sealed class Handler(PortalDbContext db, CurrentUser me, AppointmentPlans plans, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var today = clock.LocalDate(now);
            var categories = plans.All.Select(Option).ToList();

            Appointment? changing = null;
            string? refusal = null;
            var category = request.Category;
            if (!string.IsNullOrWhiteSpace(request.Change))
            {
                var code = AppointmentCodes.Normalize(request.Change);
                changing = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code && a.UserId == me.Id, cancellationToken)
                    ?? throw new NotFoundException(MyAppointment.NotFound);
                category = changing.Category;
                refusal = changing.State != AppointmentState.Booked ? $"该预约{changing.StateLabel}，不能改约。"
                    : now >= changing.StartsAt ? "预约时段已开始，不能再取消或改约。"
                    : null;
            }

            var plan = plans.For(category);
            var changingCard = changing is null ? null : AppointmentCard.For(changing, now, clock, null);
            if (plan is null || plan.Schedule.Capacity <= 0 || refusal is not null)
            {
                return new Result(categories, plan is null ? null : Option(plan), [], null, [], changingCard, refusal);
            }

            var last = plan.LastBookableDay(today);
            var taken = await db.Appointments.AsNoTracking()
                .Where(a => a.Category == plan.Category.Code && a.LocalDate >= today && a.LocalDate <= last && a.Seat != null)
                .GroupBy(a => new { a.LocalDate, a.SlotKey })
                .Select(g => new { g.Key.LocalDate, g.Key.SlotKey, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var takenBySlot = taken.ToDictionary(t => (t.LocalDate, t.SlotKey), t => t.Count);
            var myDays = await db.Appointments.AsNoTracking()
                .Where(a => a.UserId == me.Id && a.Category == plan.Category.Code && a.State == AppointmentState.Booked && a.LocalDate >= today && a.LocalDate <= last)
                .Select(a => a.LocalDate)
                .ToListAsync(cancellationToken);

            var days = new List<DayOption>();
            var slotsByDay = new Dictionary<DateOnly, List<SlotOption>>();
            for (var date = today; date <= last; date = date.AddDays(1))
            {
                var described = clock.Calendar.Describe(date);
                if (!described.IsWorkingDay)
                {
                    days.Add(new DayOption(date, Iso(date), AppointmentPlans.DayLabel(date), false, SeatBooking.ClosedName(described), null, 0, false));
                    continue;
                }

                var slots = plan.Schedule.SlotsOn(date, clock.Calendar).Select(s =>
                {
                    var left = Math.Max(0, s.Capacity - takenBySlot.GetValueOrDefault((date, s.Key)));
                    var status = changing is not null && changing.LocalDate == date && changing.SlotKey == s.Key ? SlotStatus.Current
                        : now >= clock.ToUtc(date.ToDateTime(s.Start)) ? SlotStatus.Started
                        : left == 0 ? SlotStatus.Full
                        : SlotStatus.Bookable;
                    return new SlotOption(s.Key, s.Label, s.Extended, left, s.Capacity, status);
                }).ToList();
                slotsByDay[date] = slots;
                var open = slots.Where(s => s.Status == SlotStatus.Bookable).Sum(s => s.Left);
                var note = slots.Count == 0 ? "无可预约时段"
                    : open > 0 ? null
                    : slots.Any(s => s.Status == SlotStatus.Full) ? "约满"
                    : "已过预约时间";
                var name = described.Kind == DayKind.MakeupWorkday ? described.Name : null;
                days.Add(new DayOption(date, Iso(date), AppointmentPlans.DayLabel(date), true, name, note, open, myDays.Contains(date)));
            }

            var day = request.Date is { } d ? days.FirstOrDefault(x => x.Date == d) : null;
            var chosen = day is { Open: true } ? slotsByDay[day.Date] : [];
            return new Result(categories, Option(plan), days, day, chosen, changingCard, null);
        }

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        private static CategoryOption Option(AppointmentPlan p)
        {
            var s = p.Schedule;
            var extended = s.Extended is null ? null
                : $"延时服务 {s.Extended}" + (s.ExtendedDays is { Count: > 0 } days ? $"（{AppointmentPlans.WeekdaysLabel(days)}）" : "（每个工作日）");
            return new CategoryOption(p.Category.Code, p.Category.Letter, p.Category.Label, s.Capacity > 0, s.Capacity, s.SlotMinutes, p.DaysAhead, extended);
        }
    }
}
