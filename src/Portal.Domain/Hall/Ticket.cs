namespace Portal.Domain.Hall;

/// <summary>
/// A queue number (取号) for one visit to the hall: taken at the kiosk or on a phone, called to a window, served,
/// finished. The access code opens the ticket's page (and later its rating) without an account.
/// </summary>
public class Ticket
{
    private Ticket()
    {
    }

    public long Id { get; private set; }

    public string Category { get; private set; } = "";

    /// <summary>Shown and called, e.g. A012: the category letter and the day's sequence (priority numbers are called first).</summary>
    public string Number { get; private set; } = "";

    public TicketKind Kind { get; private set; }

    /// <summary>The reason asked for at the kiosk (kept when the window turns the number into an ordinary one).</summary>
    public PriorityReason Reason { get; private set; }

    public PriorityCheck PriorityCheck { get; private set; }

    public DateOnly LocalDate { get; private set; }

    public int Sequence { get; private set; }

    public DateTime IssuedAt { get; private set; }

    /// <summary>For an appointment: the start of its slot.</summary>
    public DateTime? AppointmentAt { get; private set; }

    public TicketState State { get; private set; }

    public string? WindowNumber { get; private set; }

    /// <summary>A transfer sends the ticket to this window, which calls it before anything else.</summary>
    public string? TransferredTo { get; private set; }

    public DateTime? CalledAt { get; private set; }

    public string? CalledByName { get; private set; }

    /// <summary>The staff member who called (and serves) the ticket: whose service a visit rating rates.</summary>
    public string? CalledById { get; private set; }

    public int RecallCount { get; private set; }

    public DateTime? ServedAt { get; private set; }

    public DateTime? DoneAt { get; private set; }

    public string? CaseNumber { get; private set; }

    public string AccessCode { get; private set; } = "";

    public long Version { get; private set; }

    /// <summary>普通, 预约, or 优先 with its reason (待确认 until the window checks it).</summary>
    public string KindLabel => Kind switch
    {
        TicketKind.Priority => PriorityCheck == PriorityCheck.Pending ? $"优先（{Reason.Label()}，待确认）" : $"优先（{Reason.Label()}）",
        TicketKind.Appointment => "预约",
        _ when PriorityCheck == PriorityCheck.Declined => "普通（优先未确认）",
        _ => "普通",
    };

    /// <summary>A priority number called to a window and not checked yet: it cannot be served before it is.</summary>
    public bool AwaitsPriorityCheck => Kind == TicketKind.Priority && PriorityCheck == PriorityCheck.Pending;

    public void BumpVersion() => Version++;

    public static Ticket Issue(HallCategory category, TicketKind kind, PriorityReason reason, DateOnly localDate, int sequence, DateTime nowUtc, string accessCode, DateTime? appointmentAt = null)
    {
        if (kind == TicketKind.Priority && reason == PriorityReason.None)
        {
            throw new ArgumentException("优先号须注明优先原因。", nameof(reason));
        }

        return new Ticket
        {
            Category = category.Code,
            Number = $"{category.Letter}{sequence:D3}",
            Kind = kind,
            Reason = kind == TicketKind.Priority ? reason : PriorityReason.None,
            PriorityCheck = kind == TicketKind.Priority ? PriorityCheck.Pending : PriorityCheck.None,
            LocalDate = localDate,
            Sequence = sequence,
            IssuedAt = nowUtc,
            AppointmentAt = appointmentAt,
            State = TicketState.Waiting,
            AccessCode = accessCode,
        };
    }

    public void Recall(DateTime nowUtc)
    {
        Require(TicketState.Called, "只有已叫号的号码可以重呼");
        RecallCount++;
        CalledAt = nowUtc;
    }

    public void MarkNoShow(DateTime nowUtc)
    {
        Require(TicketState.Called, "只有已叫号未到的号码可以过号");
        State = TicketState.NoShow;
        DoneAt = nowUtc;
    }

    /// <summary>The window that called a priority number saw that its reason holds: it is served as a priority number.</summary>
    public void ConfirmPriority()
    {
        RequirePriorityCheck();
        PriorityCheck = PriorityCheck.Confirmed;
    }

    /// <summary>
    /// The reason does not hold: the number becomes an ordinary one and goes back to the queue in its order of issue
    /// (the window is free to call the next number). The person keeps their number and its page.
    /// </summary>
    public void DeclinePriority()
    {
        RequirePriorityCheck();
        Kind = TicketKind.WalkIn;
        PriorityCheck = PriorityCheck.Declined;
        State = TicketState.Waiting;
        WindowNumber = null;
        TransferredTo = null;
        CalledAt = null;
    }

    public void StartServing(DateTime nowUtc)
    {
        Require(TicketState.Called, "请先叫号");
        if (AwaitsPriorityCheck)
        {
            throw new InvalidOperationException($"请先核验优先资格（{Reason.Label()}）：确认优先，或改为普通号重新排队。");
        }

        State = TicketState.Serving;
        ServedAt = nowUtc;
    }

    public void LinkCase(string caseNumber)
    {
        Require(TicketState.Serving, "开始办理后才能关联办件");
        CaseNumber = caseNumber;
    }

    public void Finish(DateTime nowUtc)
    {
        Require(TicketState.Serving, "开始办理后才能办结");
        State = TicketState.Done;
        DoneAt = nowUtc;
    }

    /// <summary>转窗: back to the queue, for the given window only, ahead of everything else there.</summary>
    public void TransferTo(string window)
    {
        if (State is not (TicketState.Called or TicketState.Serving))
        {
            throw new InvalidOperationException("只有正在叫号或办理的号码可以转窗");
        }

        if (window == WindowNumber)
        {
            throw new InvalidOperationException("不能转给本窗口");
        }

        State = TicketState.Waiting;
        TransferredTo = window;
        WindowNumber = null;
        CalledAt = null;
        ServedAt = null;
    }

    private void RequirePriorityCheck()
    {
        Require(TicketState.Called, "叫号后才能核验优先资格");
        if (!AwaitsPriorityCheck)
        {
            throw new InvalidOperationException("该号码不是待确认的优先号。");
        }
    }

    private void Require(TicketState state, string message)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"{message}（当前：{State.Label()}）。");
        }
    }
}
