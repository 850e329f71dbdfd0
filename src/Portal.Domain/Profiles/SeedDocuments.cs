using System.Text.RegularExpressions;

namespace Portal.Domain.Profiles;

/// <summary>
/// The documents behind every cited number (seeds/000 … 004). A profile is bound by its own place's documents; a
/// promise taken from another place's document is borrowed and is marked so wherever it is shown, with its source.
/// </summary>
public static partial class SeedDocuments
{
    public static IReadOnlyList<SeedDocument> All { get; } =
    [
        new("000", "枣庄市", "枣庄市优化营商环境创新突破行动落实方案（枣政发〔2021〕6号）"),
        new("001", "枣庄市市中区", "市中区关于服务“六稳”“六保”进一步深化“放管服”改革的实施意见（市中政办发〔2021〕14号）"),
        new("002", "枣庄市峄城区", "峄城区进一步优化营商环境实施方案"),
        new("003", "泰安市", "泰安市优化营商环境创新突破行动配套措施"),
        new("004", "聊城市", "聊城市营商环境创新2022年行动计划（聊政办字〔2022〕13号）"),
    ];

    public static SeedDocument? Find(string file) => All.FirstOrDefault(d => d.File == file);

    /// <summary>The seed files a source cites, e.g. "000:177；004:123" → 000, 004 (a law or 门户默认值 cites none).</summary>
    public static IReadOnlyList<string> FilesIn(string? source) =>
        source is null ? [] : Citation().Matches(source).Select(m => m.Groups[1].Value).Where(f => Find(f) is not null).Distinct().ToList();

    /// <summary>
    /// "借用聊城市文件（004:123）" when <paramref name="source"/> cites a document that does not bind the profile's place
    /// (several: "借用聊城市文件（004）、峄城区文件（002）"), otherwise null.
    /// </summary>
    public static string? Borrowed(PolicyProfile profile, string? source)
    {
        var foreign = FilesIn(source).Where(f => !profile.Documents.Contains(f)).ToList();
        if (foreign.Count == 0)
        {
            return null;
        }

        var lines = Citation().Matches(source!).Select(m => m.Value).ToList();
        return "借用" + string.Join("、", foreign.Select(f =>
            $"{Find(f)!.Place}文件（{string.Join("、", lines.Where(l => l.StartsWith(f + ":", StringComparison.Ordinal)))}）"))
            + $"，{Find(profile.Documents[^1])?.Place ?? profile.Name}文件未作规定";
    }

    [GeneratedRegex(@"\b(\d{3}):\d+(?:-\d+)?")]
    private static partial Regex Citation();
}
