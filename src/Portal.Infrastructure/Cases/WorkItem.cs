using Portal.Domain.Cases;

namespace Portal.Infrastructure.Cases;

/// <summary>
/// The work queue (待办 projection): one row per holder of an open step of a case — the role holding the case's own
/// step, and the department holding each of its open parallel tracks (待办理 / 办理中). A role holding both the case
/// and one of its tracks has one row. Each row carries what the workbench sorts and filters on (the case's deadline,
/// its 75% mark, the pause, service, state and 首问负责人), so the 待办 list of one role is read from one index,
/// (Holder, DueAt, CaseId), whatever the number of open cases (docs/decisions/0020-work-queue.md).
/// Rows are never written by hand: <see cref="WorkQueue.MaintainAsync"/> derives them in every save that changes a case
/// or a track, in the same transaction.
/// </summary>
public sealed class WorkItem
{
    /// <summary>The sort key of a step without a deadline (本环节不计时): after every dated one, as the list always showed.</summary>
    public static readonly DateTime NoDeadline = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public long CaseId { get; set; }

    public Case Case { get; set; } = null!;

    /// <summary>The role (窗口, 督查, a department's 审批员) whose 待办 list shows the case.</summary>
    public string Holder { get; set; } = "";

    /// <summary>The case's step deadline (<see cref="Case.StepDueAt"/>), or <see cref="NoDeadline"/>.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>The case's 75% mark (<see cref="Case.StepWarnAt"/>).</summary>
    public DateTime? WarnAt { get; set; }

    /// <summary>The case's clock is paused (补正): no colour.</summary>
    public bool Paused { get; set; }

    public string ServiceCode { get; set; } = "";

    public CaseState State { get; set; }

    /// <summary>首问负责人 (the 我负责的 filter).</summary>
    public string? OwnerId { get; set; }

    /// <summary>Whether the stored row already says what <paramref name="c"/> says.</summary>
    internal bool Matches(Case c) =>
        DueAt == (c.StepDueAt ?? NoDeadline) && WarnAt == c.StepWarnAt && Paused == (c.PausedAt is not null)
        && ServiceCode == c.ServiceCode && State == c.State && OwnerId == c.OwnerId;

    internal void CopyFrom(Case c)
    {
        DueAt = c.StepDueAt ?? NoDeadline;
        WarnAt = c.StepWarnAt;
        Paused = c.PausedAt is not null;
        ServiceCode = c.ServiceCode;
        State = c.State;
        OwnerId = c.OwnerId;
    }
}
