using Portal.Domain.Calendar;
using Portal.Workflow;

namespace Portal.Infrastructure.Data;

/// <summary>A key/value setting the administrator changes at run time (active profile, office hours).</summary>
public class PortalSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>One row of a profile's promise table, editable by the administrator.</summary>
public class PromiseLimit
{
    public long Id { get; set; }

    public string ProfileCode { get; set; } = "";

    public string Key { get; set; } = "";

    public string Service { get; set; } = "";

    public string Step { get; set; } = "";

    public int Amount { get; set; }

    public TimeUnit Unit { get; set; }

    public string Source { get; set; } = "";

    public string? Note { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// The fingerprint of the shipped default this row was last written from (<see cref="ReferenceData.DefaultHash"/>).
    /// When a later version ships a corrected default, reference-data seeding sees a different fingerprint and updates
    /// the row — all of it where nobody edited it, only its wording where an administrator set the limit.
    /// </summary>
    public string? DefaultHash { get; set; }

    /// <summary>Whether an administrator set this row's limit (the row then keeps it when shipped defaults change).</summary>
    public bool EditedByAdministrator => UpdatedBy is not null;

    public TimeLimit Limit => new(Amount, Unit);
}

/// <summary>A statutory holiday or make-up working day (调休).</summary>
public class CalendarDayEntry
{
    public DateOnly Date { get; set; }

    public DayKind Kind { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>A year whose holiday notice has been entered; other years fall back to Monday–Friday with a warning.</summary>
public class CalendarYear
{
    public int Year { get; set; }

    public string Source { get; set; } = "";
}

/// <summary>A counter for human-readable case numbers, one row per prefix.</summary>
public class NumberSequence
{
    public string Key { get; set; } = "";

    public long Next { get; set; }
}
