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
