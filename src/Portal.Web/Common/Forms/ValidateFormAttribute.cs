namespace Portal.Web.Common.Forms;

/// <summary>
/// The page handler's form is checked by the validators of these bound properties before the handler runs, so the
/// person sees every problem of the form at once, beside its field, with what they typed kept. Only the handler that
/// submits the form says so: a draft is saved unchecked, and a page that binds several commands (one per form) checks
/// only the one that was sent.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ValidateFormAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties { get; } = properties;
}
