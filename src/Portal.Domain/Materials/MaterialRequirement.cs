namespace Portal.Domain.Materials;

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
