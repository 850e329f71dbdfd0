namespace Portal.Domain.Materials;

public static class FileKinds
{
    public static IReadOnlyList<FileKind> All { get; } = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png, FileKind.Ofd];

    public static string Label(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Jpeg => "JPEG",
        FileKind.Png => "PNG",
        _ => "OFD",
    };

    /// <summary>The media type the file is served with (the stored kind, never what the browser declared).</summary>
    public static string MediaType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        _ => "application/ofd",
    };

    /// <summary>The extension a download gets, whatever the uploaded name said.</summary>
    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        _ => ".ofd",
    };

    public static bool IsImage(this FileKind kind) => kind is FileKind.Jpeg or FileKind.Png;

    /// <summary>The formats as a person reads them, e.g. "PDF、JPEG、PNG、OFD".</summary>
    public static string Labels(IEnumerable<FileKind> kinds) => string.Join("、", kinds.Select(Label));
}
