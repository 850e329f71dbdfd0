using Portal.Domain.Materials;

namespace Portal.Infrastructure.Materials;

/// <summary>What decoding an uploaded image found: a refusal, or the upright copy shown in the page.</summary>
public sealed record ImageCheck(string? Refusal, byte[]? Preview, FileKind PreviewKind, int Width, int Height);
