using Portal.Domain.Hall;
using static Portal.Domain.Tests.Hall.HallKit;

namespace Portal.Domain.Tests.Hall;

/// <summary>
/// A priority number is issued 待确认 and called first as before; the window that calls it confirms it before serving,
/// or turns it into an ordinary number that waits in its order of issue (issue 16 part 4).
/// </summary>
public sealed class PriorityCheckTests
{
    [Fact]
    public void Priority_number_is_issued_to_be_confirmed_and_an_ordinary_one_needs_no_check()
    {
        var priority = Priority(1, 0, PriorityReason.Disabled);

        Assert.Equal(PriorityCheck.Pending, priority.PriorityCheck);
        Assert.Equal("优先（残疾人，待确认）", priority.KindLabel);
        Assert.Equal(PriorityCheck.None, WalkIn(2, 0).PriorityCheck);
        Assert.False(WalkIn(2, 0).CalledTo("A01").AwaitsPriorityCheck);
    }

    [Fact]
    public void Called_priority_number_cannot_be_served_before_the_window_confirms_it()
    {
        var t = Priority(1, 0).CalledTo("A01");

        var refused = Assert.Throws<InvalidOperationException>(() => t.StartServing(Nine.AddMinutes(31)));
        Assert.Equal("请先核验优先资格（老年人）：确认优先，或改为普通号重新排队。", refused.Message);
        Assert.Equal(TicketState.Called, t.State);

        t.ConfirmPriority();
        t.StartServing(Nine.AddMinutes(32));

        Assert.Equal(PriorityCheck.Confirmed, t.PriorityCheck);
        Assert.Equal("优先（老年人）", t.KindLabel);
        Assert.Equal(TicketKind.Priority, t.Kind);
        Assert.Equal(TicketState.Serving, t.State);
    }

    [Fact]
    public void Declined_priority_number_waits_again_as_an_ordinary_number_in_its_order_of_issue()
    {
        var early = WalkIn(1, 0);
        var claimed = Priority(2, 5, PriorityReason.Pregnant).CalledTo("A01");
        var late = WalkIn(3, 10);

        claimed.DeclinePriority();

        Assert.Equal(TicketKind.WalkIn, claimed.Kind);
        Assert.Equal(PriorityCheck.Declined, claimed.PriorityCheck);
        Assert.Equal(PriorityReason.Pregnant, claimed.Reason);
        Assert.Equal("普通（优先未确认）", claimed.KindLabel);
        Assert.Equal(TicketState.Waiting, claimed.State);
        Assert.Null(claimed.WindowNumber);
        Assert.Null(claimed.CalledAt);
        Assert.Equal([early, claimed, late], QueueOrder.For([late, claimed, early], "A01", Nine.AddMinutes(40)).ToList());
    }

    [Fact]
    public void Only_a_called_priority_number_waiting_for_its_check_can_be_confirmed_or_declined()
    {
        var waiting = Priority(1, 0);
        Assert.Contains("叫号后才能核验优先资格", Assert.Throws<InvalidOperationException>(waiting.ConfirmPriority).Message);

        var ordinary = WalkIn(2, 0).CalledTo("A01");
        Assert.Equal("该号码不是待确认的优先号。", Assert.Throws<InvalidOperationException>(ordinary.DeclinePriority).Message);

        var confirmed = Priority(3, 0).CalledTo("A02");
        confirmed.ConfirmPriority();
        Assert.Equal("该号码不是待确认的优先号。", Assert.Throws<InvalidOperationException>(confirmed.ConfirmPriority).Message);
    }

    [Fact]
    public void Queue_order_is_unchanged_by_the_check_priority_numbers_still_come_first()
    {
        var walkIn = WalkIn(1, 0);
        var pending = Priority(2, 3);
        var appointment = Appointment(3, 1, 0);

        Assert.Equal([pending, appointment, walkIn], QueueOrder.For([walkIn, appointment, pending], "A01", Nine.AddMinutes(5)).ToList());
    }
}
