using Portal.Domain.Cases;

namespace Portal.Domain.Materials;

/// <summary>
/// One uploaded file: the metadata row that references a stored blob by its SHA-256. It is written only after the blob
/// is stored whole, so a row never points at half a file. Until the form it came with is submitted it is "staged"
/// (no case yet, a staging key of the form); submitting moves it to the case's list item. The uploaded name is display
/// text only — never a path.
/// </summary>
public class MaterialFile
{
    private MaterialFile()
    {
    }

    public MaterialFile(
        string itemCode,
        StoredContent content,
        string? uploadedName,
        CaseActor uploader,
        DateTime nowUtc,
        StoredContent? preview = null)
    {
        ItemCode = itemCode;
        Hash = content.Hash;
        Size = content.Size;
        Kind = content.Kind;
        PreviewHash = preview?.Hash;
        PreviewKind = preview?.Kind;
        DisplayName = DisplayNameOf(uploadedName, content.Kind);
        UploadedById = uploader.UserId;
        UploadedByName = uploader.Name;
        UploadedAt = nowUtc;
        Current = true;
    }

    public long Id { get; private set; }

    /// <summary>The case, once the file belongs to one (null while staged on a form).</summary>
    public long? CaseId { get; private set; }

    public long? MaterialId { get; private set; }

    public CaseMaterial? Material { get; private set; }

    /// <summary>The form it waits on while staged (e.g. one applicant's 企业开办 draft), null once on a case.</summary>
    public string? StagingKey { get; private set; }

    /// <summary>The list item's code (kept while staged, when there is no item row yet).</summary>
    public string ItemCode { get; private set; } = "";

    /// <summary>SHA-256 of the content, lower-case hex: the blob's address in the store.</summary>
    public string Hash { get; private set; } = "";

    public long Size { get; private set; }

    public FileKind Kind { get; private set; }

    /// <summary>For images: an upright, smaller copy without metadata, shown in the page.</summary>
    public string? PreviewHash { get; private set; }

    public FileKind? PreviewKind { get; private set; }

    /// <summary>The uploaded name as display text (cleaned, shortened, with the extension of the real kind).</summary>
    public string DisplayName { get; private set; } = "";

    public string UploadedById { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }

    /// <summary>False once replaced by an answer to a 不合格 judgement or removed; kept (nothing is lost).</summary>
    public bool Current { get; private set; }

    public bool Staged => CaseId is null;

    public static MaterialFile Stage(string stagingKey, string itemCode, StoredContent content, string? uploadedName, CaseActor uploader, DateTime nowUtc, StoredContent? preview = null) =>
        new(itemCode, content, uploadedName, uploader, nowUtc, preview) { StagingKey = stagingKey };

    internal void AttachTo(CaseMaterial material)
    {
        Material = material;
        MaterialId = material.Id == 0 ? null : material.Id;
        CaseId = material.CaseId;
        StagingKey = null;
        ItemCode = material.Code;
    }

    internal void Supersede() => Current = false;

    /// <summary>
    /// A second row for the same stored content, not yet on any case (报装: one file the applicant chose on the form goes
    /// to every utility whose list has its item, each judging its own copy).
    /// </summary>
    public MaterialFile Copy() => new()
    {
        ItemCode = ItemCode,
        Hash = Hash,
        Size = Size,
        Kind = Kind,
        PreviewHash = PreviewHash,
        PreviewKind = PreviewKind,
        DisplayName = DisplayName,
        UploadedById = UploadedById,
        UploadedByName = UploadedByName,
        UploadedAt = UploadedAt,
        Current = true,
    };

    /// <summary>Drops a staged file from its form (the row goes; its blob is swept when nothing else uses it).</summary>
    public bool BelongsTo(string stagingKey) => Staged && StagingKey == stagingKey;

    /// <summary>
    /// The uploaded name made safe to show: only the last path segment, no control or bidi characters, at most
    /// <see cref="MaterialLimits.MaxDisplayNameLength"/> characters, ending in the real kind's extension.
    /// </summary>
    public static string DisplayNameOf(string? uploadedName, FileKind kind)
    {
        var name = (uploadedName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F')).ToArray()).Trim().Trim('.');
        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        if (stem.Length == 0)
        {
            stem = "材料";
        }

        var extension = kind.Extension();
        var max = MaterialLimits.MaxDisplayNameLength - extension.Length;
        return (stem.Length > max ? stem[..max] : stem) + extension;
    }
}
