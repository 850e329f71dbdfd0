namespace Portal.Domain.Hall;

/// <summary>
/// Which waiting ticket a window calls next (SPEC 3; priority numbers 000:503, 001:89): tickets transferred to this
/// window first, then priority numbers (老年人、残疾人、孕妇) in order of issue, then appointments whose slot has begun
/// (ahead of walk-ins for their slot), then walk-ins in order of issue; an appointment before its slot waits. Any window serves any category (无差别受理).
/// </summary>
public static class QueueOrder
{
    public static IEnumerable<Ticket> For(IEnumerable<Ticket> waiting, string window, DateTime nowUtc) =>
        waiting
            .Where(t => t.State == TicketState.Waiting && (t.TransferredTo is null || t.TransferredTo == window))
            .OrderBy(t => Rank(t, window, nowUtc))
            .ThenBy(t => t.Kind == TicketKind.Appointment ? t.AppointmentAt ?? t.IssuedAt : t.IssuedAt)
            .ThenBy(t => t.Id);

    private static int Rank(Ticket t, string window, DateTime nowUtc) =>
        t.TransferredTo == window ? 0
        : t.Kind == TicketKind.Priority ? 1
        : t.Kind == TicketKind.Appointment && (t.AppointmentAt ?? t.IssuedAt) <= nowUtc ? 2
        : t.Kind == TicketKind.Appointment ? 4
        : 3;
}
