namespace Portal.Domain.Materials;

/// <summary>The only kinds of file the portal accepts, decided from the content (never the name or the declared type).</summary>
public enum FileKind
{
    Pdf,
    Jpeg,
    Png,

    /// <summary>OFD (GB/T 33190 版式文档): a ZIP container with OFD.xml at its root.</summary>
    Ofd,
}
