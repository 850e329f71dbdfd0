namespace Portal.Web.Common;

/// <summary>
/// A failure as a person is told it: the HTTP status (for JSON and status pages), a Chinese title, the messages (each
/// with its field, "" for the whole form) and how a page shows it.
/// </summary>
public sealed record PortalError(int Status, string Title, IReadOnlyList<(string Field, string Message)> Errors, PortalErrorShape Shape)
{
    /// <summary>All messages in one line.</summary>
    public string Message => string.Join("；", Errors.Select(e => e.Message));
}
