namespace Portal.Domain.Cases;

/// <summary>One line of a case's append-only history: who did what, when, from which state to which.</summary>
public class CaseEvent
{
    private CaseEvent()
    {
    }

    internal CaseEvent(Case @case, string action, string actionLabel, CaseState? from, CaseState to, CaseActor actor, DateTime atUtc, string? reason)
    {
        Case = @case;
        Action = action;
        ActionLabel = actionLabel;
        FromState = from;
        ToState = to;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.RoleLabel;
        At = atUtc;
        Reason = reason;
        HolderRole = @case.HolderRole;
        DueAt = @case.StepDueAt;
        LimitText = @case.StepLimitText;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public Case Case { get; private set; } = null!;

    public DateTime At { get; private set; }

    /// <summary>The trigger's code (e.g. <c>Accept</c>), or <c>Submit</c> / <c>Overdue</c> for the events that are not triggers.</summary>
    public string Action { get; private set; } = "";

    public string ActionLabel { get; private set; } = "";

    public CaseState? FromState { get; private set; }

    public CaseState ToState { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string ActorRole { get; private set; } = "";

    public string? Reason { get; private set; }

    /// <summary>The role holding the case after this event.</summary>
    public string HolderRole { get; private set; } = "";

    /// <summary>The deadline of the step that starts with this event, as stored when it started.</summary>
    public DateTime? DueAt { get; private set; }

    public string? LimitText { get; private set; }
}
