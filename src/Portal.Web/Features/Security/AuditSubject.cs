namespace Portal.Web.Features.Security;

/// <summary>The account an audit entry is about: an existing account (id and user name), or a user name without one.</summary>
public sealed record AuditSubject(string? UserId, string UserName)
{
    /// <summary>A user name that matches no account: kept masked, as it may be a mistyped password.</summary>
    public static AuditSubject Unknown(string typed) => new(null, MaskUnknown(typed));

    public static AuditSubject Of(Infrastructure.Identity.PortalUser user) => new(user.Id, user.UserName ?? "");

    /// <summary>"nobody-here" → "no*******e": the first two and the last character, the rest starred (short names: all stars).</summary>
    public static string MaskUnknown(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length > 50)
        {
            text = text[..50];
        }

        return text.Length <= 4 ? new string('*', text.Length) : text[..2] + new string('*', text.Length - 3) + text[^1];
    }
}
