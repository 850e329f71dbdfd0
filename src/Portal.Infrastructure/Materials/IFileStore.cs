using System.Security.Cryptography;

namespace Portal.Infrastructure.Materials;

/// <summary>
/// Content-addressed file storage: a file is stored whole under its SHA-256 before anything references it, and every
/// read recomputes the hash and refuses content that does not match. Two implementations, chosen by the database
/// provider (docs/decisions/0018-materials.md): <see cref="DiskFileStore"/> (SQLite, one host) and
/// <see cref="DatabaseFileStore"/> (PostgreSQL / SQL Server, any number of hosts).
/// </summary>
public interface IFileStore
{
    /// <summary>"Disk" or "Database".</summary>
    string Name { get; }

    /// <summary>Stores the content whole (idempotent for the same content) and returns its hash.</summary>
    Task<string> PutAsync(byte[] content, CancellationToken cancellationToken);

    /// <summary>The content, its hash checked; <see cref="StoredFileException"/> when it is missing or damaged.</summary>
    Task<byte[]> ReadAsync(string hash, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes blobs stored before <paramref name="cutoffUtc"/> that <paramref name="isReferenced"/> does not know, and
    /// temporary files of interrupted writes; returns how many went.
    /// </summary>
    Task<int> SweepAsync(DateTime cutoffUtc, Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>> isReferenced, CancellationToken cancellationToken);
}

/// <summary>A stored file that cannot be served: missing, or its content no longer matches its hash.</summary>
public sealed class StoredFileException(string hash, bool damaged)
    : Exception(damaged ? "文件校验失败：存储的内容与登记的校验值不一致，已拒绝读取。请联系窗口重新上传。" : "文件不存在或已被清理。")
{
    public string Hash { get; } = hash;

    public bool Damaged { get; } = damaged;
}

public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Whether a text is a SHA-256 in lower-case hex (nothing else ever becomes part of a path).</summary>
    public static bool IsValid(string? hash) =>
        hash is { Length: 64 } && hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
