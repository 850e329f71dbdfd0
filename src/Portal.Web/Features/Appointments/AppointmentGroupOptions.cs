namespace Portal.Web.Features.Appointments;

/// <summary>The bookable times of one window group (one hall category).</summary>
public sealed class AppointmentGroupOptions
{
    /// <summary>Sessions cut into slots, e.g. "09:00-12:00,13:00-17:00".</summary>
    public string Sessions { get; set; } = "";

    /// <summary>Length of one slot in minutes; every session must be a whole number of slots.</summary>
    public int SlotMinutes { get; set; } = 30;

    /// <summary>People per slot (the group's windows); 0 turns booking off for the category.</summary>
    public int Capacity { get; set; }

    /// <summary>延时服务 sessions outside the regular ones, e.g. "12:00-13:00,17:00-18:30".</summary>
    public string? Extended { get; set; }

    /// <summary>Weekdays with 延时服务 (English names: "Tuesday"); empty means every working day.</summary>
    public List<string> ExtendedDays { get; set; } = [];

    /// <summary>How many calendar days ahead one may book (0 = today only).</summary>
    public int DaysAhead { get; set; } = 14;
}
