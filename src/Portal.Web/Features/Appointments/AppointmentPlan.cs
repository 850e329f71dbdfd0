using Portal.Domain.Hall;

namespace Portal.Web.Features.Appointments;

/// <summary>One category's parsed booking plan.</summary>
public sealed record AppointmentPlan(HallCategory Category, WindowGroupSchedule Schedule, int DaysAhead)
{
    /// <summary>The last day that can be booked from <paramref name="today"/>.</summary>
    public DateOnly LastBookableDay(DateOnly today) => today.AddDays(DaysAhead);
}
