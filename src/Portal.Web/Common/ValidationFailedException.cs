namespace Portal.Web.Common;

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
