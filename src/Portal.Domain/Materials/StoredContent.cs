namespace Portal.Domain.Materials;

/// <summary>A blob stored whole: its SHA-256, its size and the kind its content was found to be.</summary>
public sealed record StoredContent(string Hash, long Size, FileKind Kind);
