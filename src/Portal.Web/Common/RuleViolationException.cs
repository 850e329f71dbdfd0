namespace Portal.Web.Common;

/// <summary>A business rule refused the action (e.g. a workflow guard); the reasons are shown as form errors.</summary>
public sealed class RuleViolationException(IReadOnlyList<string> reasons, Exception? cause = null)
    : PortalException(string.Join("；", reasons), cause)
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
