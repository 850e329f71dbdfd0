namespace Portal.Infrastructure.Calendar;

public sealed class PortalTimeOptions
{
    /// <summary>The portal's local time zone; Asia/Shanghai by default.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Office hours used for hour limits, e.g. "09:00-12:00,13:00-17:00".</summary>
    public string OfficeHours { get; set; } = "09:00-12:00,13:00-17:00";
}
