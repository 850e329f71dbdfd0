namespace Portal.Domain.Materials;

/// <summary>How a material reaches the case.</summary>
public enum MaterialSupply
{
    /// <summary>The applicant (or staff filing for them) uploads it.</summary>
    Upload,

    /// <summary>免提交: the government already holds it (电子证照 / 电子两证) and looks it up.</summary>
    LookedUp,

    /// <summary>Filled in or signed in the portal's own form: nothing to upload.</summary>
    Online,
}

/// <summary>
/// One line of a material list (材料清单): what it is, whether it is required, whether it may be supplied later under a
/// 容缺 commitment, the accepted formats, a template where one helps, and the source line it comes from
/// ("门户默认" where the sources are silent: docs/decisions/0018-materials.md).
/// </summary>
public sealed record MaterialRequirement(string Code, string Name, MaterialSupply Supply, string Source)
{
    /// <summary>Needed for the case (an optional one helps but its absence blocks nothing).</summary>
    public bool Required { get; init; }

    /// <summary>容缺: may be missing at 受理 against the applicant's commitment to supply it by a date (002:19, 002:25).</summary>
    public bool Tolerable { get; init; }

    /// <summary>When answering a 一次性告知 the applicant may write an explanation instead of a file.</summary>
    public bool AllowsExplanation { get; init; } = true;

    /// <summary>What is wanted, in a sentence the applicant reads.</summary>
    public string? Note { get; init; }

    /// <summary>When the line applies (e.g. "租用场所的"); null when always.</summary>
    public string? Condition { get; init; }

    /// <summary>For 免提交: where the government looks it up.</summary>
    public string? LookedUpFrom { get; init; }

    /// <summary>The code of a template or example (<see cref="MaterialCatalog.Templates"/>), or null.</summary>
    public string? Template { get; init; }

    public IReadOnlyList<FileKind> Formats { get; init; } = FileKinds.All;

    public bool IsUpload => Supply == MaterialSupply.Upload;
}

/// <summary>A titled part of a service's list on its guide page (基本材料, 按经营范围, 按并联事项 …).</summary>
public sealed record MaterialSection(string Title, string? Note, IReadOnlyList<MaterialRequirement> Items);

/// <summary>
/// A template or worked example of a material: a printable page and a file generated from the same text
/// (<see cref="Format"/>). <see cref="Fields"/> are blanks to fill in (label, then a blank); <see cref="Columns"/> the
/// columns of a table (a roster) with <see cref="BlankRows"/> empty rows in a document.
/// </summary>
public sealed record MaterialTemplate(string Code, string Title, string Source, IReadOnlyList<string> Paragraphs)
{
    public TemplateFormat Format { get; init; } = TemplateFormat.Docx;

    public IReadOnlyList<string> Fields { get; init; } = [];

    public IReadOnlyList<string> Columns { get; init; } = [];

    public int BlankRows { get; init; }

    /// <summary>The download's extension: docx, xlsx or png.</summary>
    public string Extension => Format.ToString().ToLowerInvariant();

    /// <summary>The download's name as a person sees it (Chinese, the title and the extension).</summary>
    public string FileName => $"{Title}.{Extension}";
}
