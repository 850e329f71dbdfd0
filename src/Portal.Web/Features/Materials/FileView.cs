using Portal.Domain.Materials;

namespace Portal.Web.Features.Materials;

/// <summary>One file as a list shows it.</summary>
public sealed record FileView(long Id, string Name, FileKind Kind, string Size, string UploadedBy, string UploadedAt, bool Current, bool HasPreview)
{
    public string DownloadHref => $"/Materials/Files/{Id}";

    public string ViewHref => $"/Materials/Files/{Id}/inline";
}
