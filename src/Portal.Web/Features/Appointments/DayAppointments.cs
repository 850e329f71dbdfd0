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
