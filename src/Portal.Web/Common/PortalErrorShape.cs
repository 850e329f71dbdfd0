namespace Portal.Web.Common;

/// <summary>How a failure is shown: a page re-displays its form with the messages, or answers with the status.</summary>
public enum PortalErrorShape
{
    /// <summary>The form again, with each message under its field ("" for the whole form).</summary>
    FormErrors,

    /// <summary>404, so nobody learns what exists.</summary>
    NotFound,

    /// <summary>403.</summary>
    Forbidden,

    /// <summary>The sign-in page (401 for JSON).</summary>
    SignIn,
}
