using System.Reflection;
using Portal.Domain.Hall;

namespace Portal.Domain.Tests.Hall;

/// <summary>Tickets for the hall tests, and the call a window makes (the web layer sets these columns with one UPDATE).</summary>
internal static class HallKit
{
    public static readonly DateOnly Day = new(2026, 11, 23);

    /// <summary>Monday 23 November 2026 09:00 in China, as UTC.</summary>
    public static readonly DateTime Nine = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    public static HallCategory Establishment => HallCategories.Find("establishment")!;

    public static Ticket WalkIn(int sequence, int minute, string category = "establishment") =>
        Ticket.Issue(HallCategories.Find(category)!, TicketKind.WalkIn, PriorityReason.None, Day, sequence, Nine.AddMinutes(minute), $"code{category}{sequence}");

    public static Ticket Priority(int sequence, int minute, PriorityReason reason = PriorityReason.Elderly) =>
        Ticket.Issue(Establishment, TicketKind.Priority, reason, Day, sequence, Nine.AddMinutes(minute), $"prio{sequence}");

    public static Ticket Appointment(int sequence, int issuedMinute, int slotMinute) =>
        Ticket.Issue(Establishment, TicketKind.Appointment, PriorityReason.None, Day, sequence, Nine.AddMinutes(issuedMinute), $"appt{sequence}", Nine.AddMinutes(slotMinute));

    /// <summary>What CallNext writes: called to this window, no longer transferred.</summary>
    public static Ticket CalledTo(this Ticket ticket, string window, DateTime? at = null)
    {
        Set(ticket, nameof(Ticket.State), TicketState.Called);
        Set(ticket, nameof(Ticket.WindowNumber), window);
        Set(ticket, nameof(Ticket.TransferredTo), null);
        Set(ticket, nameof(Ticket.CalledAt), at ?? Nine.AddMinutes(30));
        return ticket;
    }

    public static Ticket TransferredTo(this Ticket ticket, string from, string to)
    {
        ticket.CalledTo(from);
        ticket.TransferTo(to);
        return ticket;
    }

    private static void Set(Ticket ticket, string property, object? value) =>
        typeof(Ticket).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(ticket, value);
}
