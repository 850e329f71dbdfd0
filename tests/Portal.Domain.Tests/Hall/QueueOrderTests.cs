using Portal.Domain.Hall;
using static Portal.Domain.Tests.Hall.HallKit;

namespace Portal.Domain.Tests.Hall;

/// <summary>
/// Which waiting ticket a window calls next (SPEC 3): transfers to this window, then priority numbers by issue,
/// then appointments whose slot has begun, then walk-ins by issue, then appointments before their slot.
/// </summary>
public sealed class QueueOrderTests
{
    private static List<string> Order(IEnumerable<Ticket> waiting, string window = "A01", int nowMinute = 60) =>
        QueueOrder.For(waiting, window, Nine.AddMinutes(nowMinute)).Select(t => t.Number).ToList();

    [Fact]
    public void Priority_number_is_called_before_walk_ins_taken_earlier()
    {
        var a = WalkIn(1, 0);
        var b = WalkIn(2, 1);
        var d = Priority(3, 2);

        Assert.Equal(["A003", "A001", "A002"], Order([a, b, d]));
    }

    [Fact]
    public void Priority_numbers_among_themselves_go_by_issue_time()
    {
        var late = Priority(5, 10, PriorityReason.Pregnant);
        var early = Priority(4, 3, PriorityReason.Disabled);
        var walkIn = WalkIn(1, 0);

        Assert.Equal(["A004", "A005", "A001"], Order([late, walkIn, early]));
    }

    [Fact]
    public void Ticket_transferred_to_this_window_comes_before_priority_numbers()
    {
        var priority = Priority(2, 0);
        var transferred = WalkIn(1, 5).TransferredTo("A02", "A01");

        Assert.Equal(TicketState.Waiting, transferred.State);
        Assert.Equal(["A001", "A002"], Order([priority, transferred], "A01"));
    }

    [Fact]
    public void Ticket_transferred_to_another_window_is_invisible_here_but_first_there()
    {
        var walkIn = WalkIn(1, 0);
        var transferred = WalkIn(2, 1).TransferredTo("A01", "A02");

        Assert.Equal(["A001"], Order([walkIn, transferred], "A01"));
        Assert.Equal(["A002", "A001"], Order([walkIn, transferred], "A02"));
        Assert.Equal(["A001"], Order([walkIn, transferred], "A03"));
    }

    [Fact]
    public void Appointment_whose_slot_has_begun_goes_before_walk_ins_but_after_priority()
    {
        var walkIn = WalkIn(1, 0);
        var priority = Priority(2, 20);
        var appointment = Appointment(3, -600, slotMinute: 30);

        Assert.Equal(["A002", "A003", "A001"], Order([walkIn, priority, appointment], nowMinute: 30));
        Assert.Equal(["A002", "A003", "A001"], Order([walkIn, priority, appointment], nowMinute: 45));
    }

    [Fact]
    public void Appointment_before_its_slot_waits_behind_every_walk_in()
    {
        var appointment = Appointment(1, -600, slotMinute: 90);
        var early = WalkIn(2, 0);
        var late = WalkIn(3, 50);

        Assert.Equal(["A002", "A003", "A001"], Order([appointment, early, late], nowMinute: 60));
    }

    [Fact]
    public void Appointments_whose_slots_have_begun_go_by_slot_not_by_when_they_were_booked()
    {
        var laterSlotBookedFirst = Appointment(1, -900, slotMinute: 30);
        var earlierSlotBookedLater = Appointment(2, -100, slotMinute: 0);

        Assert.Equal(["A002", "A001"], Order([laterSlotBookedFirst, earlierSlotBookedLater], nowMinute: 40));
    }

    [Fact]
    public void Walk_ins_go_by_issue_time_whatever_their_category_or_sequence()
    {
        var b = WalkIn(1, 7, "deregistration");
        var a = WalkIn(9, 2);
        var c = WalkIn(1, 4, "connection");

        Assert.Equal(["A009", "C001", "B001"], Order([b, a, c]));
    }

    [Fact]
    public void Tickets_not_waiting_are_never_offered()
    {
        var called = WalkIn(1, 0).CalledTo("A02");
        var waiting = WalkIn(2, 1);

        Assert.Equal(["A002"], Order([called, waiting]));
    }

    [Fact]
    public void Empty_queue_gives_nothing()
    {
        Assert.Empty(Order([]));
    }
}
