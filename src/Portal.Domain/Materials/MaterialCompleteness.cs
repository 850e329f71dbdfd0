namespace Portal.Domain.Materials;

/// <summary>
/// Whether a case's required uploads are there, the one rule 受理 (the window's, 容缺受理 and 即报即得) asks: a required
/// upload line of the case's list is missing while nothing was handed in for it — no current file and no written
/// explanation — or it has no row at all. A 容缺 item deferred under the commitment is not missing (it is promised).
/// Lines looked up (免提交) or filled in online never are. docs/decisions/0018-materials.md.
/// </summary>
public static class MaterialCompleteness
{
    /// <summary>The required upload lines of <paramref name="list"/> that <paramref name="items"/> supply nothing for, in list order.</summary>
    public static IReadOnlyList<MaterialRequirement> Missing(IEnumerable<MaterialRequirement> list, IReadOnlyCollection<CaseMaterial> items) =>
        list.Where(r => r.IsUpload && r.Required)
            .Where(r => items.FirstOrDefault(i => i.Code == r.Code) is not { } item
                || (!item.HasContent && item.Status != MaterialStatus.Deferred))
            .ToList();

    /// <summary>The missing lines that may not be 容缺: they block 容缺受理 and 即报即得 as well as 受理.</summary>
    public static IReadOnlyList<MaterialRequirement> MissingIntolerable(IEnumerable<MaterialRequirement> list, IReadOnlyCollection<CaseMaterial> items) =>
        Missing(list, items).Where(r => !r.Tolerable).ToList();

    /// <summary>“住所（经营场所）使用证明”、“…”: the names as a guard text lists them.</summary>
    public static string Names(IEnumerable<MaterialRequirement> missing) => string.Join("、", missing.Select(r => $"“{r.Name}”"));
}
