namespace Portal.Domain.Hall;

public enum TicketKind
{
    WalkIn,
    Priority,
    Appointment,
}
