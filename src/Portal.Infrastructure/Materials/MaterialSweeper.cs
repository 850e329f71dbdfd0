using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Materials;

/// <summary>
/// Removes what no case will ever reference: files staged on a form that was never submitted (after
/// <see cref="MaterialStoreOptions.StagedAge"/>), then stored blobs that no file row references (after
/// <see cref="MaterialStoreOptions.OrphanAge"/>: an upload killed between storing its blob and writing its row) and
/// temporary files of interrupted disk writes. Safe with several hosts: each deletion re-checks age and references.
/// </summary>
public sealed class MaterialSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<MaterialStoreOptions> options, ILogger<MaterialSweeper> logger)
    : BackgroundService
{
    public async Task<(int Staged, int Blobs)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var stagedBefore = now - options.Value.StagedAge;
        var staged = await db.MaterialFiles.Where(f => f.CaseId == null && f.UploadedAt < stagedBefore).ExecuteDeleteAsync(cancellationToken);
        var blobs = await store.SweepAsync(now - options.Value.OrphanAge, async hashes =>
        {
            var list = hashes.ToList();
            var used = await db.MaterialFiles.AsNoTracking()
                .Where(f => list.Contains(f.Hash) || (f.PreviewHash != null && list.Contains(f.PreviewHash)))
                .Select(f => new { f.Hash, f.PreviewHash })
                .ToListAsync(cancellationToken);
            return used.SelectMany(u => new[] { u.Hash, u.PreviewHash }).OfType<string>().ToHashSet();
        }, cancellationToken);
        if (staged + blobs > 0)
        {
            logger.LogInformation("材料清理：删除未提交表单的暂存文件 {Staged} 个，无引用的文件 {Blobs} 个", staged, blobs);
        }

        return (staged, blobs);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "材料清理失败，将在下一周期重试");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
