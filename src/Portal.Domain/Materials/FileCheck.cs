namespace Portal.Domain.Materials;

/// <summary>What the content of an uploaded file turned out to be: an accepted kind, or a Chinese refusal.</summary>
public sealed record FileCheck(FileKind? Kind, string? Refusal)
{
    public bool Accepted => Kind is not null;

    public static FileCheck Is(FileKind kind) => new(kind, null);

    public static FileCheck Refuse(string reason) => new(null, reason);
}
