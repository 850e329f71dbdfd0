namespace Portal.Web.Common;

/// <summary>Not signed in (redirect to sign-in).</summary>
public sealed class NotSignedInException() : PortalException("请先登录。");
