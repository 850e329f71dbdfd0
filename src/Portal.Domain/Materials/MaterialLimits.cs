namespace Portal.Domain.Materials;

/// <summary>
/// How much one file, one list item and one case may hold (门户默认, docs/decisions/0018-materials.md): a phone photo or a
/// scanned contract of a few pages fits in 10 MB; 50 MB is the whole case's materials, every version kept.
/// </summary>
public static class MaterialLimits
{
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public const long MaxCaseBytes = 50L * 1024 * 1024;

    public const int MaxFilesPerItem = 10;

    /// <summary>An image's decoded size bound (a small file can claim a huge picture: a decompression bomb).</summary>
    public const long MaxImagePixels = 50_000_000;

    /// <summary>The largest form post the upload pages read (the case's 50 MB plus the form's fields).</summary>
    public const long MaxRequestBytes = 60L * 1024 * 1024;

    /// <summary>An uploaded file's name is kept as display text only, shortened to this.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>A written explanation given instead of a file (where the item allows one).</summary>
    public const int MaxExplanationLength = 1000;

    /// <summary>A reviewer's reason for 不合格.</summary>
    public const int MaxReasonLength = 500;

    public static string Megabytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
