namespace Portal.Web.Common;

/// <summary>Someone (or the deadline sweep) changed the same record first (optimistic concurrency).</summary>
public sealed class ConflictException(string message = ConflictException.CaseChanged, Exception? cause = null)
    : PortalException(message, cause)
{
    public const string CaseChanged = "该办件已被其他工作人员处理或已有新的进展（如超时标记），页面已刷新为最新状态，请确认后重试。";
    public const string RecordChanged = "该记录已被他人修改，页面已刷新为最新内容，请确认后重试。";
}
