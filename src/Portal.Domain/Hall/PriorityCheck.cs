namespace Portal.Domain.Hall;

/// <summary>
/// Whether a priority number's reason has been checked: anyone can ask for one at the kiosk, so it is issued 待确认 and
/// called first; the window that calls it looks at the person (ID card, certificate, or plainly) and confirms it, or
/// turns it into an ordinary number that waits its turn in order of issue.
/// </summary>
public enum PriorityCheck
{
    /// <summary>Not a priority number.</summary>
    None,

    /// <summary>待确认: called first, to be checked at the window.</summary>
    Pending,

    /// <summary>Confirmed by the window that called it.</summary>
    Confirmed,

    /// <summary>Not confirmed: now an ordinary number, back in the queue in order of issue.</summary>
    Declined,
}
