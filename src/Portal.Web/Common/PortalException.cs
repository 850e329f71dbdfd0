namespace Portal.Web.Common;

/// <summary>
/// The fixed failure types of the portal. Which exception is which failure, and how each is shown (form errors, 404,
/// 403, sign-in, JSON), is decided in one place: <see cref="PortalErrors"/>.
/// </summary>
public abstract class PortalException(string message, Exception? cause = null) : Exception(message, cause);
