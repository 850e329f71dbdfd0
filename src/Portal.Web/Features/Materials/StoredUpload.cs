using Portal.Domain.Materials;

namespace Portal.Web.Features.Materials;

/// <summary>A file stored whole, with the upright copy an image gets.</summary>
public sealed record StoredUpload(StoredContent Content, StoredContent? Preview, string? FileName);
