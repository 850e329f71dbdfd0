using Portal.Domain.Calendar;

namespace Portal.Domain.Hall;

/// <summary>
/// The bookable times of one window group (one hall category's windows): its sessions cut into slots of a fixed
/// length, each with a capacity, on working days only (holidays closed, make-up days open). 延时 sessions (after
/// hours, e.g. a lunch-time or evening service) are configured separately and may be limited to some weekdays.
/// </summary>
public sealed record WindowGroupSchedule(string Category, OfficeHours Sessions, int SlotMinutes, int Capacity, OfficeHours? Extended = null, IReadOnlySet<DayOfWeek>? ExtendedDays = null)
{
    public IReadOnlyList<AppointmentSlot> SlotsOn(DateOnly date, WorkingCalendar calendar)
    {
        if (!calendar.IsWorkingDay(date) || SlotMinutes <= 0 || Capacity <= 0)
        {
            return [];
        }

        var slots = Cut(Sessions, extended: false).ToList();
        if (Extended is not null && (ExtendedDays is null || ExtendedDays.Count == 0 || ExtendedDays.Contains(date.DayOfWeek)))
        {
            slots.AddRange(Cut(Extended, extended: true));
        }

        return slots.OrderBy(s => s.Start).ToList();
    }

    private IEnumerable<AppointmentSlot> Cut(OfficeHours hours, bool extended)
    {
        foreach (var period in hours.Periods)
        {
            for (var start = period.Start; start.AddMinutes(SlotMinutes) <= period.End && start.AddMinutes(SlotMinutes) > start; start = start.AddMinutes(SlotMinutes))
            {
                yield return new AppointmentSlot(start, start.AddMinutes(SlotMinutes), Capacity, extended);
            }
        }
    }
}
