namespace Portal.Web.Common;

/// <summary>
/// The fixed failure types of the portal. Which exception is which failure, and how each is shown (form errors, 404,
/// 403, sign-in, JSON), is decided in one place: <see cref="PortalErrors"/>.
/// </summary>
public abstract class PortalException(string message, Exception? cause = null) : Exception(message, cause);

/// <summary>Input failed validation: each error belongs to a field ("" for the whole form).</summary>
public sealed class ValidationFailedException(IReadOnlyList<(string Field, string Message)> errors)
    : PortalException(string.Join("；", errors.Select(e => e.Message)))
{
    public IReadOnlyList<(string Field, string Message)> Errors { get; } = errors;

    public ValidationFailedException(string field, string message)
        : this([(field, message)])
    {
    }
}

/// <summary>Not there, or not visible to this person (404 either way, so nobody learns what exists).</summary>
public sealed class NotFoundException(string message = "未找到该页面或办件。") : PortalException(message);

/// <summary>Signed in, but not allowed (403).</summary>
public sealed class ForbiddenException(string message = "您没有权限执行此操作。") : PortalException(message);

/// <summary>Not signed in (redirect to sign-in).</summary>
public sealed class NotSignedInException() : PortalException("请先登录。");

/// <summary>A business rule refused the action (e.g. a workflow guard); the reasons are shown as form errors.</summary>
public sealed class RuleViolationException(IReadOnlyList<string> reasons, Exception? cause = null)
    : PortalException(string.Join("；", reasons), cause)
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}

/// <summary>Someone (or the deadline sweep) changed the same record first (optimistic concurrency).</summary>
public sealed class ConflictException(string message = ConflictException.CaseChanged, Exception? cause = null)
    : PortalException(message, cause)
{
    public const string CaseChanged = "该办件已被其他工作人员处理或已有新的进展（如超时标记），页面已刷新为最新状态，请确认后重试。";
    public const string RecordChanged = "该记录已被他人修改，页面已刷新为最新内容，请确认后重试。";
}
