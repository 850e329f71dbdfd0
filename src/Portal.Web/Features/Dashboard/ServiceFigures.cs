namespace Portal.Web.Features.Dashboard;

/// <summary>One service (事项): its steps, and its cases closed in the period of which how many were never marked overdue.</summary>
public sealed record ServiceFigures(string Code, string Name, StepFigures Steps, int Closed, int ClosedNeverOverdue)
{
    /// <summary>办结按时率: closed cases never marked overdue, in percent of the cases closed (null when none closed).</summary>
    public double? ClosedOnTimeRate => DashboardFigures.Percent(ClosedNeverOverdue, Closed);
}
