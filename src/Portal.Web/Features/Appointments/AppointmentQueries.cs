using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>One booking as its holder sees it: when, where, its state, the check-in window and what can be done now.</summary>
public sealed record AppointmentCard(
    string Code,
    string CodeDisplay,
    string Category,
    string Day,
    string Slot,
    bool Extended,
    string State,
    string StateClass,
    string CheckInWindow,
    bool CanChange,
    bool CanCheckIn,
    string? TicketNumber,
    string? TicketCode)
{
    public static AppointmentCard For(Appointment a, DateTime nowUtc, DeadlineClock clock, (string AccessCode, string Number)? ticket)
    {
        var expired = a.State == AppointmentState.Booked && nowUtc > a.StartsAt + Appointment.CheckInLate;
        var (state, css) = a.State switch
        {
            AppointmentState.Booked when expired => ("已失效（未按时签到）", "appt-expired"),
            AppointmentState.Booked => (a.StateLabel, "appt-booked"),
            AppointmentState.Cancelled => (a.StateLabel, "appt-cancelled"),
            _ => (a.StateLabel, "appt-checkedin"),
        };
        return new AppointmentCard(
            a.Code,
            AppointmentCodes.Display(a.Code),
            HallCategories.LabelOf(a.Category),
            a.LocalDate.ToString("yyyy年") + AppointmentPlans.DayLabel(a.LocalDate),
            a.SlotLabel,
            a.Extended,
            state,
            css,
            CheckInWindowOf(a, clock),
            a.State == AppointmentState.Booked && nowUtc < a.StartsAt,
            a.CheckInRefusal(nowUtc) is null,
            ticket?.Number,
            ticket?.AccessCode);
    }

    /// <summary>"11月24日 09:00 至 09:45".</summary>
    public static string CheckInWindowOf(Appointment a, DeadlineClock clock) =>
        $"{clock.ToLocal(a.StartsAt - Appointment.CheckInEarly):M月d日 HH:mm} 至 {clock.ToLocal(a.StartsAt + Appointment.CheckInLate):HH:mm}";

    /// <summary>The rule as a sentence, for guide texts.</summary>
    public static string CheckInRule =>
        $"请在预约时段开始前 {Appointment.CheckInEarly.TotalMinutes:0} 分钟至开始后 {Appointment.CheckInLate.TotalMinutes:0} 分钟内，到大厅取号机输入预约码签到取号（或在“我的预约”中签到）；预约号在时段开始后优先于普通号叫号，逾时未签到预约失效。";
}

/// <summary>我的预约: the signed-in person's bookings, coming ones first.</summary>
public static class MyAppointments
{
    public sealed record Query : IQuery<IReadOnlyList<AppointmentCard>>;

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, IReadOnlyList<AppointmentCard>>
    {
        public async Task<IReadOnlyList<AppointmentCard>> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var mine = await db.Appointments.AsNoTracking()
                .Where(a => a.UserId == me.Id)
                .OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id)
                .Take(100)
                .ToListAsync(cancellationToken);
            var tickets = await TicketsOf(db, mine, cancellationToken);

            // Coming bookings first, soonest at the top; then the rest, latest first.
            var coming = mine.Where(a => a.State == AppointmentState.Booked && now <= a.StartsAt + Appointment.CheckInLate).OrderBy(a => a.StartsAt);
            var rest = mine.Except(coming);
            return coming.Concat(rest).Select(a => AppointmentCard.For(a, now, clock, a.TicketId is { } id ? tickets.GetValueOrDefault(id) : null)).ToList();
        }
    }

    public static async Task<Dictionary<long, (string AccessCode, string Number)>> TicketsOf(PortalDbContext db, IEnumerable<Appointment> appointments, CancellationToken cancellationToken)
    {
        var ids = appointments.Where(a => a.TicketId is not null).Select(a => a.TicketId!.Value).ToList();
        return ids.Count == 0
            ? []
            : await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (t.AccessCode, t.Number), cancellationToken);
    }
}

/// <summary>One of my bookings (anyone else's is 404).</summary>
public static class AppointmentDetails
{
    public sealed record Query : IQuery<AppointmentCard>
    {
        public string Code { get; init; } = "";
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, AppointmentCard>
    {
        public async Task<AppointmentCard> Handle(Query request, CancellationToken cancellationToken)
        {
            var code = AppointmentCodes.Normalize(request.Code);
            var a = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code && x.UserId == me.Id, cancellationToken)
                ?? throw new NotFoundException(MyAppointment.NotFound);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var tickets = await MyAppointments.TicketsOf(db, [a], cancellationToken);
            return AppointmentCard.For(a, time.GetUtcNow().UtcDateTime, clock, a.TicketId is { } id ? tickets.GetValueOrDefault(id) : null);
        }
    }
}

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

/// <summary>今日预约 for window staff and supervisors: each category's slots of a day with the people booked and the places taken.</summary>
public static class DayAppointments
{
    [RequireRoles(Roles.Window, Roles.Supervisor)]
    public sealed record Query : IQuery<Result>
    {
        public DateOnly? Date { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Date).Must(d => d is null || SupportedDates.Contains(d.Value))
                .WithMessage($"日期应在{SupportedDates.Range}之间，请重新选择。");
    }

    public sealed record Person(string Name, string State, string? TicketNumber);

    public sealed record SlotRow(string Label, bool Extended, int Booked, int Capacity, IReadOnlyList<Person> People);

    public sealed record Group(string Code, string Letter, string Label, int Booked, int Capacity, int CheckedIn, IReadOnlyList<SlotRow> Slots);

    public sealed record Result(DateOnly Date, string DayLabel, bool IsToday, string? ClosedNote, string Previous, string Next, IReadOnlyList<Group> Groups);

    public sealed class Handler(PortalDbContext db, AppointmentPlans plans, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var today = clock.LocalDate(now);
            var date = request.Date ?? today;
            var described = clock.Calendar.Describe(date);
            var booked = await db.Appointments.AsNoTracking()
                .Where(a => a.LocalDate == date && a.State != AppointmentState.Cancelled)
                .OrderBy(a => a.SlotKey).ThenBy(a => a.Seat)
                .ToListAsync(cancellationToken);
            var tickets = await MyAppointments.TicketsOf(db, booked, cancellationToken);

            var groups = new List<Group>();
            foreach (var plan in plans.All)
            {
                var mine = booked.Where(a => a.Category == plan.Category.Code).ToList();
                var planned = plan.Schedule.SlotsOn(date, clock.Calendar);
                var slots = planned
                    .Select(s => (s.Key, s.Label, s.Extended, s.Capacity))

                    // A booking whose slot is no longer in the plan (configuration or calendar changed) is still listed.
                    .Concat(mine.Where(a => planned.All(s => s.Key != a.SlotKey))
                        .Select(a => (Key: a.SlotKey, Label: a.SlotLabel, a.Extended, Capacity: 0)).Distinct())
                    .OrderBy(s => s.Key)
                    .Select(s =>
                    {
                        var people = mine.Where(a => a.SlotKey == s.Key).Select(a => new Person(
                            a.UserName,
                            a.State == AppointmentState.Booked && a.StartsAt + Appointment.CheckInLate < now ? "未签到（已失效）" : a.StateLabel,
                            a.TicketId is { } id && tickets.TryGetValue(id, out var t) ? t.Number : null)).ToList();
                        return new SlotRow(s.Label, s.Extended, people.Count, s.Capacity, people);
                    })
                    .ToList();
                groups.Add(new Group(
                    plan.Category.Code,
                    plan.Category.Letter,
                    plan.Category.Label,
                    mine.Count,
                    slots.Sum(s => s.Capacity),
                    mine.Count(a => a.State == AppointmentState.CheckedIn),
                    slots));
            }

            return new Result(
                date,
                date.ToString("yyyy年") + AppointmentPlans.DayLabel(date),
                date == today,
                described.IsWorkingDay ? null : $"{SeatBooking.ClosedName(described)}，大厅不办理业务",
                date.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                groups);
        }
    }
}
