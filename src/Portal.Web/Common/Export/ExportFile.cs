namespace Portal.Web.Common.Export;

/// <summary>A file to send: its bytes, content type and (Chinese) download name with extension.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName)
{
    /// <summary>"csv" or "xlsx" (any case), or null for anything else.</summary>
    public static ExportFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>Writes the table in the format; <paramref name="baseName"/> gets the format's extension.</summary>
    public static ExportFile Create(ExportTable table, ExportFormat format, string baseName) => format switch
    {
        ExportFormat.Csv => new(CsvWriter.Write(table), CsvWriter.ContentType, SafeFileName(baseName) + ".csv"),
        ExportFormat.Xlsx => new(XlsxWriter.Write(table), XlsxWriter.ContentType, SafeFileName(baseName) + ".xlsx"),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Removes characters no file system accepts (and path separators); Chinese stays.</summary>
    public static string SafeFileName(string name)
    {
        var invalid = new HashSet<char>(Path.GetInvalidFileNameChars()) { '/', '\\', ':', '*', '?', '"', '<', '>', '|' };
        var cleaned = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return cleaned.Length == 0 ? "export" : cleaned;
    }
}
