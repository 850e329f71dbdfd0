using Microsoft.Extensions.Logging;

namespace Portal.Infrastructure.Materials;

/// <summary>
/// Files on the local disk (the SQLite portal: one host), at <c>root/ab/cd/&lt;sha-256&gt;</c> — the path is made from
/// the hash only, never from a name anyone typed. A file is written to <c>root/tmp/</c>, flushed to the disk (fsync) and
/// then renamed into place in one step, so its path holds either nothing or the whole file: a process killed while
/// writing leaves only a temporary file, which the sweep removes.
/// </summary>
public sealed class DiskFileStore(string root, TimeProvider time, ILogger<DiskFileStore> logger) : IFileStore
{
    private const string TemporaryFolder = "tmp";

    public string Name => "Disk";

    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string hash) =>
        ContentHash.IsValid(hash)
            ? Path.Combine(Root, hash[..2], hash[2..4], hash)
            : throw new ArgumentException("不是有效的文件校验值。", nameof(hash));

    public async Task<string> PutAsync(byte[] content, CancellationToken cancellationToken)
    {
        var hash = ContentHash.Of(content);
        var target = PathOf(hash);
        var now = time.GetUtcNow().UtcDateTime;
        if (File.Exists(target) && ContentHash.Of(await File.ReadAllBytesAsync(target, cancellationToken)) == hash)
        {
            // The same content is there already: mark it young so that the orphan sweep leaves it to this upload.
            File.SetLastWriteTimeUtc(target, now);
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Root, TemporaryFolder);
        Directory.CreateDirectory(temporary);
        var part = Path.Combine(temporary, $"{hash}.{Guid.NewGuid():N}.part");
        try
        {
            await using (var stream = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.SetLastWriteTimeUtc(part, now);
            File.Move(part, target, overwrite: true);
        }
        catch
        {
            TryDelete(part);
            throw;
        }

        return hash;
    }

    public async Task<byte[]> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        var path = PathOf(hash);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogError("文件缺失：{Hash} 不在 {Root}", hash, Root);
            throw new StoredFileException(hash, damaged: false);
        }

        if (ContentHash.Of(content) != hash)
        {
            logger.LogError("文件校验失败：{Path} 的内容与其 SHA-256 不一致，已拒绝读取", path);
            throw new StoredFileException(hash, damaged: true);
        }

        return content;
    }

    public async Task<int> SweepAsync(DateTime cutoffUtc, Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>> isReferenced, CancellationToken cancellationToken)
    {
        var removed = 0;
        var temporary = Path.Combine(Root, TemporaryFolder);
        if (Directory.Exists(temporary))
        {
            foreach (var part in Directory.EnumerateFiles(temporary))
            {
                if (File.GetLastWriteTimeUtc(part) < cutoffUtc && TryDelete(part))
                {
                    removed++;
                }
            }
        }

        if (!Directory.Exists(Root))
        {
            return removed;
        }

        var old = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => ContentHash.IsValid(Path.GetFileName(f)) && File.GetLastWriteTimeUtc(f) < cutoffUtc)
            .Select(Path.GetFileName)
            .OfType<string>();
        foreach (var batch in old.Chunk(500))
        {
            var referenced = await isReferenced(batch);
            foreach (var hash in batch.Where(h => !referenced.Contains(h)))
            {
                // Checked again just before: a file stored again since the listing is young and stays.
                var path = PathOf(hash);
                if (File.Exists(path) && File.GetLastWriteTimeUtc(path) < cutoffUtc && TryDelete(path))
                {
                    removed++;
                }
            }
        }

        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
