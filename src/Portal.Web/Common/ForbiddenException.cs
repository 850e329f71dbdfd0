namespace Portal.Web.Common;

/// <summary>Signed in, but not allowed (403).</summary>
public sealed class ForbiddenException(string message = "您没有权限执行此操作。") : PortalException(message);
