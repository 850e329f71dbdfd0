namespace Portal.Web.Common;

/// <summary>Not there, or not visible to this person (404 either way, so nobody learns what exists).</summary>
public sealed class NotFoundException(string message = "未找到该页面或办件。") : PortalException(message);
