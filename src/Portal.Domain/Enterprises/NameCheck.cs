namespace Portal.Domain.Enterprises;

/// <summary>The outcome of 名称自主申报 checks: null message means the name may be used.</summary>
public sealed record NameCheck(string? Message, string? ConflictingName = null)
{
    public bool Ok => Message is null;

    public static NameCheck Accepted { get; } = new((string?)null);
}
