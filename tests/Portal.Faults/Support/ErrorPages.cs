namespace Portal.Faults.Support;

/// <summary>What the portal's error page (Features/Errors/Error.cshtml) says, and what no page may ever show.</summary>
public static class ErrorPages
{
    /// <summary>The heading of the page for unexpected failures.</summary>
    public const string Heading = "抱歉，系统暂时无法完成您的请求";

    /// <summary>The conflict message of two staff acting on one case (ConflictException.CaseChanged).</summary>
    public const string Conflict = "该办件已被其他工作人员处理";

    /// <summary>Words of a stack trace, an exception or the database driver: never shown to a visitor.</summary>
    private static readonly string[] Leaks =
    [
        "Exception", "exception", "Npgsql", "npgsql", "SQLite Error", "Sqlite", "StackTrace", "stack trace", "   at ", "System.",
        "Microsoft.", "Portal.Web", "Portal.Infrastructure", "PostgreSQL", "postgres", "connection refused", "Connection refused",
    ];

    /// <summary>The technical words the text shows, if any.</summary>
    public static IReadOnlyList<string> LeaksIn(string text) => Leaks.Where(l => text.Contains(l, StringComparison.Ordinal)).ToList();

    /// <summary>The portal's Chinese error page, without anything technical.</summary>
    public static bool IsPortalErrorPage(string text) => text.Contains(Heading, StringComparison.Ordinal) && LeaksIn(text).Count == 0;
}
