using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Materials;

/// <summary>
/// Files in the database (PostgreSQL bytea, SQL Server varbinary(max)), so every host of a multi-host portal reads the
/// same files. A file is written in the same transaction as the row that references it: both are there, or neither.
/// bytea rather than large objects: one row per file, no lo_unlink to forget, deleted with the row, and 10 MB per file
/// is well within what a bytea parameter carries (docs/decisions/0018-materials.md).
/// </summary>
public sealed class DatabaseFileStore(PortalDbContext db, TimeProvider time, ILogger<DatabaseFileStore> logger) : IFileStore
{
    public string Name => "Database";

    public async Task<string> PutAsync(byte[] content, CancellationToken cancellationToken)
    {
        var hash = ContentHash.Of(content);
        var sql = ProviderSql.PutBlob(ProviderSql.Of(db.Database));
        await db.Database.ExecuteSqlRawAsync(sql, [hash, (long)content.Length, content, time.GetUtcNow().UtcDateTime], cancellationToken);
        return hash;
    }

    public async Task<byte[]> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        var content = ContentHash.IsValid(hash)
            ? await db.Set<FileBlob>().AsNoTracking().Where(b => b.Hash == hash).Select(b => b.Content).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (content is null)
        {
            logger.LogError("文件缺失：{Hash} 不在数据库中", hash);
            throw new StoredFileException(hash, damaged: false);
        }

        if (ContentHash.Of(content) != hash)
        {
            logger.LogError("文件校验失败：数据库中 {Hash} 的内容与其 SHA-256 不一致，已拒绝读取", hash);
            throw new StoredFileException(hash, damaged: true);
        }

        return content;
    }

    public Task<int> SweepAsync(DateTime cutoffUtc, Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>> isReferenced, CancellationToken cancellationToken) =>
        // One statement: a blob stored again meanwhile is young (its row was rewritten) and does not match.
        db.Set<FileBlob>()
            .Where(b => b.CreatedAt < cutoffUtc && !db.MaterialFiles.Any(f => f.Hash == b.Hash || f.PreviewHash == b.Hash))
            .ExecuteDeleteAsync(cancellationToken);
}
