using System.Reflection;
using System.Text.RegularExpressions;
using Portal.Domain.Materials;
using Portal.Domain.Profiles;
using Portal.Testing;

namespace Portal.Domain.Tests.Materials;

/// <summary>
/// Every "000:79"-style citation in the material lists points at a line of its seed document that exists, is not empty
/// and says what the list uses it for. The seed documents are kept in the repository (docs/seeds).
/// </summary>
public sealed partial class MaterialCitationTests
{
    /// <summary>
    /// What each cited line must say for the list to cite it (a phrase of the line itself). A new citation in the
    /// catalogue fails <see cref="Every_citation_of_the_material_lists_was_read_and_says_what_it_is_cited_for"/> until
    /// someone reads the line and adds it here.
    /// </summary>
    private static readonly Dictionary<string, string> Says = new()
    {
        ["000:79"] = "全面应用“电子两证”（居民身份证电子信息、电子营业执照）",
        ["000:83"] = "预约银行开户",
        ["000:85"] = "相关信息及时共享应用",
        ["000:89"] = "住所信息的录入效率和真实性",
        ["000:93"] = "实施简易注销“全程网办”",
        ["000:97"] = "实现涉企注销业务办理进度和结果实时共享",
        ["000:181"] = "施工企业或供电企业提交《施工方",
        ["000:183"] = "《交通疏解方案》《涉路工程建设协议》",
        ["000:185"] = "对农村地区无法提供产权证明的低压居民、非居民新装（增容）业务，推行告知承诺制",
        ["000:487"] = "支持证照、证明材料“免提交”",
        ["002:19"] = "将用水报装申请材料减少至1份",
        ["002:23"] = "凡能出示合法有效电子证照的，不再要求其另行提供",
        ["002:25"] = "容缺受理",
        ["003:11"] = "全面应用“电子两证”",
        ["003:13"] = "取代纸质证照证明材料",
        ["003:23"] = "探索建立营业执照与许可证同步注销机制",
        ["003:101"] = "《施工方案》《交通疏解方案》",
        ["004:35"] = "代位注销",
    };

    [Fact]
    public void Every_cited_line_of_the_material_lists_exists_in_its_seed_document_and_is_not_empty()
    {
        var citations = Citations().ToList();
        Assert.NotEmpty(citations);

        foreach (var (text, file, line) in citations)
        {
            Assert.True(SeedDocuments.Find(file) is not null, $"“{text}” cites {file}, which is no seed document.");
            var lines = SeedLines(file);
            Assert.True(line >= 1 && line <= lines.Length, $"“{text}” cites {file}:{line}; the document has {lines.Length} lines.");
            Assert.False(string.IsNullOrWhiteSpace(lines[line - 1]), $"“{text}” cites {file}:{line}, an empty line.");
        }
    }

    [Fact]
    public void Every_citation_of_the_material_lists_was_read_and_says_what_it_is_cited_for()
    {
        foreach (var (text, file, line) in Citations())
        {
            var key = $"{file}:{line}";
            Assert.True(Says.TryGetValue(key, out var phrase), $"“{text}” cites {key}: read the line and add what it says to {nameof(Says)}.");
            Assert.Contains(phrase, SeedLines(file)[line - 1]);
        }
    }

    /// <summary>Each cited line (both ends of a range) with the text it was cited in.</summary>
    private static IEnumerable<(string Text, string File, int Line)> Citations()
    {
        foreach (var text in Texts().Where(t => !string.IsNullOrEmpty(t)).Distinct())
        {
            foreach (Match m in Citation().Matches(text!))
            {
                yield return (text!, m.Groups[1].Value, int.Parse(m.Groups[2].Value));
                if (m.Groups[3].Success)
                {
                    yield return (text!, m.Groups[1].Value, int.Parse(m.Groups[3].Value));
                }
            }
        }
    }

    /// <summary>Every text of the catalogue a person reads: each line's source, note, condition and lookup, the guide sections' notes, the templates.</summary>
    private static IEnumerable<string?> Texts()
    {
        var requirements = typeof(MaterialCatalog).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(MaterialRequirement))
            .Select(p => (MaterialRequirement)p.GetValue(null)!)
            .Concat(MaterialCatalog.ByScope.Values.SelectMany(v => v))
            .ToList();
        Assert.True(requirements.Count > 10);
        foreach (var r in requirements)
        {
            yield return r.Source;
            yield return r.Note;
            yield return r.Condition;
            yield return r.LookedUpFrom;
        }

        foreach (var section in new[] { "establishment", "deregistration-simple", "deregistration-ordinary", "connection" }.SelectMany(MaterialCatalog.Guide))
        {
            yield return section.Note;
        }

        foreach (var t in MaterialCatalog.Templates)
        {
            yield return t.Source;
            foreach (var p in t.Paragraphs)
            {
                yield return p;
            }
        }
    }

    private static readonly Dictionary<string, string[]> Loaded = [];

    private static string[] SeedLines(string file)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out var lines))
            {
                var folder = Path.Combine(Repository.Root, "docs", "seeds");
                Assert.True(Directory.Exists(folder), $"The seed documents are not at {folder}.");
                var path = Assert.Single(Directory.GetFiles(folder, file + "_*.txt"));
                Loaded[file] = lines = File.ReadAllLines(path);
            }

            return lines;
        }
    }

    [GeneratedRegex(@"\b(\d{3}):(\d+)(?:-(\d+))?")]
    private static partial Regex Citation();
}
