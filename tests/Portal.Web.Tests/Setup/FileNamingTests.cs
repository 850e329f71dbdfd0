using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Setup;

/// <summary>
/// Each source file holds one type and is named after it (issue 14, part 7): a reader who knows a type's name finds its
/// file. A page's code-behind X.cshtml.cs holds XModel; the parts of a partial type may be spread over X.cs and X.Part.cs.
/// Nested types (a request's Command, Handler, Validator) stay inside the type they belong to.
/// </summary>
public sealed partial class FileNamingTests
{
    [Fact]
    public void Every_source_file_declares_only_the_type_it_is_named_after()
    {
        var src = Path.Combine(Repository.Root, "src");
        var misnamed = new List<string>();
        var files = SourceFiles(src).ToList();
        Assert.True(files.Count > 200, $"only {files.Count} source files found under {src}");

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetFileName(file);
            if (name == "Program.cs")
            {
                continue; // top-level statements
            }

            // Top-level types start at the first column only under a file-scoped namespace.
            Assert.True(FileScopedNamespace().IsMatch(text), $"{Path.GetRelativePath(src, file)} has no file-scoped namespace");
            var expected = name.EndsWith(".cshtml.cs", StringComparison.Ordinal)
                ? name[..^".cshtml.cs".Length] + "Model"
                : name[..^".cs".Length].Split('.')[0];
            var declared = TopLevelType().Matches(text).Select(m => m.Groups["name"].Value).ToList();
            if (declared.Count == 0 || declared.Any(d => d != expected))
            {
                misnamed.Add($"{Path.GetRelativePath(src, file)}: {string.Join(", ", declared)}");
            }
        }

        Assert.True(misnamed.Count == 0, "files not named after the one type they hold:\n" + string.Join("\n", misnamed));
    }

    [Fact]
    public void The_rule_sees_a_second_type_and_a_misnamed_file()
    {
        const string TwoTypes = "namespace N;\n\n/// <summary>x</summary>\npublic sealed record Apply(int A);\n\ninternal static class Helpers\n{\n    public sealed class Nested { }\n}\n";
        Assert.Equal(["Apply", "Helpers"], TopLevelType().Matches(TwoTypes).Select(m => m.Groups["name"].Value));
        Assert.Equal(["Page"], TopLevelType().Matches("namespace N;\n[Authorize]\npublic sealed partial class Page : PageModel\n{\n    public enum Inner { }\n}\n").Select(m => m.Groups["name"].Value));
        Assert.Equal(["Kind", "Handler"], TopLevelType().Matches("namespace N;\npublic enum Kind { A }\npublic delegate Task Handler(int x);\n").Select(m => m.Groups["name"].Value));
    }

    private static IEnumerable<string> SourceFiles(string src)
    {
        var skip = new[] { "obj", "bin", "Migrations" }.Select(d => $"{Path.DirectorySeparatorChar}{d}{Path.DirectorySeparatorChar}").ToArray();
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !skip.Any(s => f.Contains(s, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^namespace [\w.]+;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|ref|unsafe|file)\s+)*(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?|delegate\s+[\w.<>\[\],?]+)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
