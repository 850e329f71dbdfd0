namespace Portal.Domain.Calendar;

/// <summary>A step's stored deadline: when it is due, when it turns yellow (75% used), and its size in office minutes.</summary>
public sealed record StepDeadline(DateTime DueUtc, DateTime WarnUtc, int LimitMinutes);
