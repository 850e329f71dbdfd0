using Portal.Workflow;

namespace Portal.Infrastructure.Data;

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
