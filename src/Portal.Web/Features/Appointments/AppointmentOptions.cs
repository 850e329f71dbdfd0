namespace Portal.Web.Features.Appointments;

/// <summary>
/// <c>Portal:Hall:Appointments</c>: one entry per hall category code (establishment, deregistration, connection,
/// general) that can be booked. A category that is not listed, or has capacity 0, takes no appointments.
/// </summary>
public sealed class AppointmentOptions() : Dictionary<string, AppointmentGroupOptions>(StringComparer.OrdinalIgnoreCase)
{
    public const string Section = "Portal:Hall:Appointments";
}
