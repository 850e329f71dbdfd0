namespace Portal.Domain.Hall;

/// <summary>
/// 预约: a booked slot for one hall category. Capacity is enforced by seats: a booking takes a free seat number
/// 1..capacity of its slot, and (category, day, slot, seat) is unique, so concurrent bookings can never exceed it;
/// a cancelled booking gives its seat back. On arrival (签到) it becomes a queue ticket of kind Appointment, called
/// ahead of walk-ins from the start of its slot.
/// </summary>
public class Appointment
{
    private Appointment()
    {
    }

    /// <summary>How early one may check in before the slot starts, and how late after it started.</summary>
    public static readonly TimeSpan CheckInEarly = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan CheckInLate = TimeSpan.FromMinutes(15);

    public long Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public string Category { get; private set; } = "";

    public DateOnly LocalDate { get; private set; }

    /// <summary>The slot's start in minutes after local midnight.</summary>
    public int SlotKey { get; private set; }

    public string SlotLabel { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public bool Extended { get; private set; }

    /// <summary>The seat held in the slot; null once cancelled (the seat is free again).</summary>
    public int? Seat { get; private set; }

    /// <summary>One active booking per person, category and day: "user|day|category" while booked, null after.</summary>
    public string? ActiveKey { get; private set; }

    public AppointmentState State { get; private set; }

    /// <summary>Shown to the holder and typed at the kiosk to check in.</summary>
    public string Code { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public DateTime? CheckedInAt { get; private set; }

    public long? TicketId { get; private set; }

    public long Version { get; private set; }

    public void BumpVersion() => Version++;

    public static Appointment Book(string userId, string userName, string category, DateOnly date, AppointmentSlot slot, int seat, DateTime startsUtc, DateTime endsUtc, string code, DateTime nowUtc)
    {
        if (seat < 1 || seat > slot.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(seat), "该时段已约满。");
        }

        return new Appointment
        {
            UserId = userId,
            UserName = userName,
            Category = category,
            LocalDate = date,
            SlotKey = slot.Key,
            SlotLabel = slot.Label,
            StartsAt = startsUtc,
            EndsAt = endsUtc,
            Extended = slot.Extended,
            Seat = seat,
            ActiveKey = ActiveKeyOf(userId, date, category),
            State = AppointmentState.Booked,
            Code = code,
            CreatedAt = nowUtc,
        };
    }

    public static string ActiveKeyOf(string userId, DateOnly date, string category) =>
        $"{userId}|{date:yyyyMMdd}|{category}";

    public string StateLabel => State switch
    {
        AppointmentState.Booked => "已预约",
        AppointmentState.Cancelled => "已取消",
        _ => "已签到取号",
    };

    public void Cancel(DateTime nowUtc)
    {
        if (State != AppointmentState.Booked)
        {
            throw new InvalidOperationException($"该预约{StateLabel}，不能取消。");
        }

        if (nowUtc >= StartsAt)
        {
            throw new InvalidOperationException("预约时段已开始，不能再取消或改约。");
        }

        State = AppointmentState.Cancelled;
        CancelledAt = nowUtc;
        Seat = null;
        ActiveKey = null;
    }

    /// <summary>Why check-in is refused now, or null when it is allowed.</summary>
    public string? CheckInRefusal(DateTime nowUtc) =>
        State != AppointmentState.Booked ? $"该预约{StateLabel}。"
        : nowUtc < StartsAt - CheckInEarly ? $"请在预约时段开始前 {CheckInEarly.TotalMinutes:0} 分钟内签到。"
        : nowUtc > StartsAt + CheckInLate ? $"已超过预约时段开始 {CheckInLate.TotalMinutes:0} 分钟，预约已失效，请取普通号。"
        : null;

    /// <summary>签到: the caller issues the appointment's ticket and links it with <see cref="AttachTicket"/> once saved.</summary>
    public void CheckIn(DateTime nowUtc)
    {
        if (CheckInRefusal(nowUtc) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        State = AppointmentState.CheckedIn;
        CheckedInAt = nowUtc;
        ActiveKey = null;
    }

    /// <summary>Links the ticket after it is saved (its id is known then).</summary>
    public void AttachTicket(long ticketId) => TicketId = ticketId;
}
