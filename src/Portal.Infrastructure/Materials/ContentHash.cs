using System.Security.Cryptography;

namespace Portal.Infrastructure.Materials;

public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Whether a text is a SHA-256 in lower-case hex (nothing else ever becomes part of a path).</summary>
    public static bool IsValid(string? hash) =>
        hash is { Length: 64 } && hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
