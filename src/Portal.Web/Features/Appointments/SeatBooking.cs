using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Hall;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>
/// Books a seat of a slot: the rules every booking passes (a working day within the booking horizon, a slot of
/// the category's plan that has not started, one active booking per person, category and day), then the lowest
/// free seat 1..capacity. The unique (category, day, slot, seat) index decides between concurrent bookings: the
/// loser's insert is refused (EF Core rolls back to its savepoint, so the transaction goes on, on PostgreSQL too)
/// and it tries the next free seat, until none is left.
/// </summary>
public static class SeatBooking
{
    public const string Full = "该时段已约满，请选择其他时段";

    public const string Started = "该时段已开始或已过去，请选择其他时段。";

    public const string UnknownSlot = "所选时段不存在，请重新选择。";

    public const string Busy = "预约的人较多，请稍后再试。";

    public static async Task<Appointment> BookAsync(
        PortalDbContext db,
        AppointmentPlan plan,
        DeadlineClock clock,
        DateTime nowUtc,
        (string Id, string Name) person,
        DateOnly date,
        int slotKey,
        CancellationToken cancellationToken)
    {
        var slot = CheckSlot(plan, clock, nowUtc, date, slotKey);
        var category = plan.Category;
        var activeKey = Appointment.ActiveKeyOf(person.Id, date, category.Code);
        await RefuseSecondBookingAsync(db, activeKey, cancellationToken);

        var startsUtc = clock.ToUtc(date.ToDateTime(slot.Start));
        var endsUtc = clock.ToUtc(date.ToDateTime(slot.End));
        var maxAttempts = slot.Capacity + 10;
        for (var attempt = 1; ; attempt++)
        {
            var taken = await db.Appointments.AsNoTracking()
                .Where(a => a.Category == category.Code && a.LocalDate == date && a.SlotKey == slot.Key && a.Seat != null)
                .Select(a => a.Seat)
                .ToListAsync(cancellationToken);
            var seat = Enumerable.Range(1, slot.Capacity).FirstOrDefault(s => !taken.Contains(s));
            if (seat == 0)
            {
                throw new RuleViolationException([Full]);
            }

            var appointment = Appointment.Book(person.Id, person.Name, category.Code, date, slot, seat, startsUtc, endsUtc, AppointmentCodes.New(), nowUtc);
            db.Appointments.Add(appointment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return appointment;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Someone took this seat (or, racing with this person's other tab, their one booking of the day).
                db.Entry(appointment).State = EntityState.Detached;
                await RefuseSecondBookingAsync(db, activeKey, cancellationToken);
                if (attempt >= maxAttempts)
                {
                    throw new RuleViolationException([Busy]);
                }
            }
        }
    }

    /// <summary>The slot asked for, when it may be booked now; otherwise the reason in Chinese.</summary>
    public static AppointmentSlot CheckSlot(AppointmentPlan plan, DeadlineClock clock, DateTime nowUtc, DateOnly date, int slotKey)
    {
        var today = clock.LocalDate(nowUtc);
        if (plan.Schedule.Capacity <= 0)
        {
            throw new RuleViolationException([$"{plan.Category.Label}暂不开放预约，请直接到大厅取号。"]);
        }

        if (date < today)
        {
            throw new RuleViolationException([Started]);
        }

        if (date > plan.LastBookableDay(today))
        {
            throw new RuleViolationException([$"最多可预约 {plan.DaysAhead} 天内的时段（截至{plan.LastBookableDay(today):M月d日}），请重新选择日期。"]);
        }

        if (!clock.Calendar.IsWorkingDay(date))
        {
            throw new RuleViolationException([$"{date:M月d日}为{ClosedName(clock.Calendar.Describe(date))}，大厅不办理业务，请选择工作日。"]);
        }

        var slot = plan.Schedule.SlotsOn(date, clock.Calendar).FirstOrDefault(s => s.Key == slotKey)
            ?? throw new RuleViolationException([UnknownSlot]);
        if (nowUtc >= clock.ToUtc(date.ToDateTime(slot.Start)))
        {
            throw new RuleViolationException([Started]);
        }

        return slot;
    }

    /// <summary>"国庆节" for a holiday, "休息日" for an ordinary weekend.</summary>
    public static string ClosedName(CalendarDay day) => day.Kind == DayKind.Holiday && !string.IsNullOrEmpty(day.Name) ? day.Name : "休息日";

    private static async Task RefuseSecondBookingAsync(PortalDbContext db, string activeKey, CancellationToken cancellationToken)
    {
        var existing = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.ActiveKey == activeKey, cancellationToken);
        if (existing is not null)
        {
            throw new RuleViolationException([
                $"您已预约{existing.LocalDate:M月d日}{HallCategories.LabelOf(existing.Category)} {existing.SlotLabel}，同一业务每人每天只能预约一个时段；如需调整时间请改约。"]);
        }
    }
}
