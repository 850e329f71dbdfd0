namespace Portal.Infrastructure.Materials;

/// <summary>
/// A stored file's content in the database (PostgreSQL bytea, SQL Server varbinary(max)), addressed by its SHA-256. Used
/// when the portal runs on a server database, so every host of a multi-host portal reads the same files.
/// </summary>
public sealed class FileBlob
{
    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Hash { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];

    /// <summary>When it was stored, or last stored again (the orphan sweep keeps young blobs).</summary>
    public DateTime CreatedAt { get; set; }
}
