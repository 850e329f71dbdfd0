namespace Portal.Domain.Hall;

public enum AppointmentState
{
    Booked,
    Cancelled,
    CheckedIn,
}
