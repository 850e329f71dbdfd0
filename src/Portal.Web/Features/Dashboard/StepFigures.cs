namespace Portal.Web.Features.Dashboard;

/// <summary>On-time figures of a group of steps. Minutes are office minutes; averages in office hours, one decimal.</summary>
public sealed record StepFigures(string Key, string Label, int Steps, int OnTime, int UsedMinutes, int PromisedMinutes)
{
    /// <summary>按时办结率 in percent, one decimal (null without steps).</summary>
    public double? OnTimeRate => DashboardFigures.Percent(OnTime, Steps);

    /// <summary>平均用时 in office hours, one decimal.</summary>
    public double? AverageUsedHours => Steps == 0 ? null : DashboardFigures.Round1(UsedMinutes / 60.0 / Steps);

    /// <summary>平均承诺时限 in office hours, one decimal.</summary>
    public double? AveragePromisedHours => Steps == 0 ? null : DashboardFigures.Round1(PromisedMinutes / 60.0 / Steps);

    /// <summary>用时/承诺: office time used as a percentage of the office time promised (totals), one decimal.</summary>
    public double? UsedOfPromised => DashboardFigures.Percent(UsedMinutes, PromisedMinutes);

    public static StepFigures Of(string key, string label, IReadOnlyCollection<Step> steps) =>
        new(key, label, steps.Count, steps.Count(s => s.OnTime), steps.Sum(s => s.UsedMinutes), steps.Sum(s => s.PromisedMinutes));
}
