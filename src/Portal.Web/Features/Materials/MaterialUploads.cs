using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Materials;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// Stores uploaded files and keeps each case's list: a file is checked (size, kind from its content, an image decoded),
/// stored whole in the file store, and only then gets its row — so no row ever references half a file. The limits are
/// <see cref="MaterialLimits"/>: 10 MB a file, 50 MB a case, 10 files an item.
/// </summary>
public sealed class MaterialUploads(PortalDbContext db, IFileStore store)
{
    /// <summary>Checks and stores one file; returns the refusal (Chinese, naming the file) instead when it is not accepted.</summary>
    public async Task<(StoredUpload? Stored, string? Refusal)> StoreAsync(IncomingFile file, CancellationToken cancellationToken)
    {
        var shown = Shown(file.FileName);
        if (file.Length > MaterialLimits.MaxFileBytes)
        {
            return (null, $"{shown}有{MaterialLimits.Megabytes(file.Length)}，超过单个文件{MaterialLimits.Megabytes(MaterialLimits.MaxFileBytes)}的上限。请压缩或分页后上传。");
        }

        var content = await file.Read(cancellationToken);
        var check = FileSniffer.Inspect(content);
        if (check.Kind is not { } kind)
        {
            return (null, $"{shown}：{check.Refusal}");
        }

        StoredContent? preview = null;
        if (kind.IsImage())
        {
            var image = ImageRendition.Prepare(content, kind);
            if (image.Refusal is { } refused)
            {
                return (null, $"{shown}：{refused}");
            }

            var previewHash = await store.PutAsync(image.Preview!, cancellationToken);
            preview = new StoredContent(previewHash, image.Preview!.LongLength, image.PreviewKind);
        }

        var hash = await store.PutAsync(content, cancellationToken);
        return (new StoredUpload(new StoredContent(hash, content.LongLength, kind), preview, file.FileName), null);
    }

    /// <summary>The bytes the case's files take (every version kept counts).</summary>
    public async Task<long> CaseBytesAsync(long caseId, CancellationToken cancellationToken) =>
        await db.MaterialFiles.Where(f => f.CaseId == caseId).SumAsync(f => (long?)f.Size, cancellationToken) ?? 0;

    /// <summary>The bytes of the files staged on one form.</summary>
    public async Task<long> StagedBytesAsync(string stagingKey, CancellationToken cancellationToken) =>
        await db.MaterialFiles.Where(f => f.CaseId == null && f.StagingKey == stagingKey).SumAsync(f => (long?)f.Size, cancellationToken) ?? 0;

    /// <summary>An uploaded name as a refusal quotes it: the last path segment, no control characters, shortened.</summary>
    public static string Shown(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = new string(name[(name.LastIndexOf('/') + 1)..].Where(ch => !char.IsControl(ch) && ch is < '\u2066' or > '\u2069' && ch is < '\u202A' or > '\u202E').ToArray()).Trim();
        return name.Length == 0 ? "所选文件" : $"“{(name.Length > 60 ? name[..60] + "…" : name)}”";
    }

    /// <summary>The refusal when <paramref name="adding"/> more bytes would take a case past 50 MB, else null.</summary>
    public static string? OverCaseLimit(long already, long adding) =>
        already + adding > MaterialLimits.MaxCaseBytes
            ? $"每个办件的材料合计不超过{MaterialLimits.Megabytes(MaterialLimits.MaxCaseBytes)}（已有{MaterialLimits.Megabytes(already)}，本次{MaterialLimits.Megabytes(adding)}）。请压缩后上传。"
            : null;

    /// <summary>The case's list items (tracked, with their files).</summary>
    public Task<List<CaseMaterial>> ItemsAsync(long caseId, CancellationToken cancellationToken) =>
        db.CaseMaterials.Include(m => m.Files).Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// The list item <paramref name="code"/> of the case, made from its requirement the first time something is handed
    /// in for it. "supplement" and "tolerance" are the items a free-text 一次性告知 or 容缺 commitment is answered under.
    /// </summary>
    public async Task<CaseMaterial> ItemAsync(Case c, string code, CancellationToken cancellationToken)
    {
        var existing = await db.CaseMaterials.Include(m => m.Files).FirstOrDefaultAsync(m => m.CaseId == c.Id && m.Code == code, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var requirement = await RequirementAsync(c, code, cancellationToken)
            ?? throw new ValidationFailedException("", "材料清单中没有这一项。");
        var item = new CaseMaterial(c.Id, requirement);
        db.CaseMaterials.Add(item);
        return item;
    }

    /// <summary>The upload lines of the case's list (the 企业开办 list depends on its application), and the free-text items.</summary>
    public async Task<IReadOnlyList<MaterialRequirement>> RequirementsAsync(Case c, CancellationToken cancellationToken)
    {
        if (Connections.ConnectionService.IsParent(c.ServiceCode))
        {
            // 报装's materials are judged by each utility on its own child case (the parent is open to none of them).
            return MaterialCatalog.ForService(c.ServiceCode).Where(r => !r.IsUpload).ToList();
        }

        var list = c.ServiceCode == Establishment.EstablishmentService.Code
            ? await db.EstablishmentApplications.AsNoTracking().Where(a => a.CaseId == c.Id)
                .Select(a => new { a.ScopeCodes, a.SynchronousItems })
                .FirstOrDefaultAsync(cancellationToken) is { } application
                ? MaterialCatalog.ForEstablishment(Split(application.ScopeCodes), Split(application.SynchronousItems))
                : MaterialCatalog.ForService(c.ServiceCode)
            : MaterialCatalog.ForService(c.ServiceCode);
        return list;
    }

    /// <summary>
    /// The required upload lines of the case's list with nothing handed in (no row, or no file and no explanation):
    /// the one reading of <see cref="MaterialCompleteness"/> that 受理, 容缺受理 and 即报即得 all use. Tracked items, so
    /// within a command the items it changed count as changed.
    /// </summary>
    public Task<IReadOnlyList<MaterialRequirement>> MissingAsync(Case c, CancellationToken cancellationToken) =>
        MissingAsync(c, null, cancellationToken);

    /// <summary>As <see cref="MissingAsync(Case, CancellationToken)"/>, with the case's items (and their files) when the caller has read them.</summary>
    public async Task<IReadOnlyList<MaterialRequirement>> MissingAsync(Case c, IReadOnlyCollection<CaseMaterial>? items, CancellationToken cancellationToken)
    {
        var list = await RequirementsAsync(c, cancellationToken);
        if (!list.Any(r => r.IsUpload && r.Required))
        {
            return [];
        }

        items ??= await db.CaseMaterials.Include(m => m.Files).Where(m => m.CaseId == c.Id).ToListAsync(cancellationToken);
        return MaterialCompleteness.Missing(list, items);
    }

    private async Task<MaterialRequirement?> RequirementAsync(Case c, string code, CancellationToken cancellationToken)
    {
        if (code == MaterialCatalog.SupplementCode)
        {
            return new MaterialRequirement(code, "补正材料（按一次性告知）", MaterialSupply.Upload, "000:503") { Required = true };
        }

        if (code == MaterialCatalog.ToleranceCode && c.ToleranceItem is { } promised)
        {
            var name = $"容缺材料：{promised}";
            return new MaterialRequirement(code, name.Length > 100 ? name[..99] + "…" : name, MaterialSupply.Upload, "002:19；002:25") { Required = true, Tolerable = true };
        }

        return (await RequirementsAsync(c, cancellationToken)).FirstOrDefault(r => r.Code == code && r.IsUpload);
    }

    /// <summary>
    /// At submission: the case's list items are made from <paramref name="list"/> — every upload item gets its row, "未提交"
    /// when nothing was attached, so the window can mark a missing one 不合格 — and the files staged on the form under
    /// <paramref name="stagingKey"/> move to them (in the submission's transaction: all or nothing). Staged files of lines
    /// the application no longer has (a scope entry unticked) stay staged and are swept later.
    /// </summary>
    public Task<int> AttachStagedAsync(Case c, IReadOnlyList<MaterialRequirement> list, string stagingKey, CancellationToken cancellationToken) =>
        AttachStagedAsync([(c, list)], stagingKey, cancellationToken);

    /// <summary>
    /// The same for one form that opens several cases (报装: one child case per utility): each case gets the rows of its
    /// own list, and a staged file goes to every case whose list has its item — the first takes the staged row, the others
    /// a copy of it that references the same stored content. Returns the files the applicant chose that went with it.
    /// </summary>
    public async Task<int> AttachStagedAsync(IReadOnlyList<(Case Case, IReadOnlyList<MaterialRequirement> List)> cases, string stagingKey, CancellationToken cancellationToken)
    {
        var staged = await db.MaterialFiles.Where(f => f.CaseId == null && f.StagingKey == stagingKey).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var moved = new HashSet<MaterialFile>();
        foreach (var (c, list) in cases)
        {
            foreach (var requirement in list.Where(r => r.IsUpload).DistinctBy(r => r.Code))
            {
                var item = new CaseMaterial(c.Id, requirement);
                db.CaseMaterials.Add(item);
                foreach (var file in staged.Where(f => f.ItemCode == requirement.Code).Take(MaterialLimits.MaxFilesPerItem))
                {
                    if (moved.Add(file))
                    {
                        item.Attach(file);
                    }
                    else
                    {
                        var copy = file.Copy();
                        db.MaterialFiles.Add(copy);
                        item.Attach(copy);
                    }
                }
            }
        }

        return moved.Count;
    }

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
