using System.Text.RegularExpressions;

namespace Portal.Faults.Support;

/// <summary>Reads a portal process's console log.</summary>
public static partial class PortalLog
{
    /// <summary>The distinct exception lines of the portal's log with how often each appeared (for the test's output).</summary>
    public static IEnumerable<string> Failures(PortalProcess portal) =>
        portal.Lines
            .Where(l => ExceptionLine().IsMatch(l) || l.Contains("---> ", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .GroupBy(l => l.Length > 240 ? l[..240] : l)
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()}× {g.Key}");

    [GeneratedRegex(@"^\s*[A-Za-z0-9_.]+(Exception|Error)\b:")]
    private static partial Regex ExceptionLine();
}
