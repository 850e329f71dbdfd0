using System.Runtime.CompilerServices;
using System.Text;

namespace Portal.Domain.Tests.Workflow;

/// <summary>
/// A checked-in text file that a test's output must equal exactly (tests/Portal.Domain.Tests/Workflow/golden/*.txt).
/// Regenerate on purpose with <c>PORTAL_UPDATE_GOLDEN=1 dotnet test tests/Portal.Domain.Tests --filter GoldenWorkflow</c>,
/// then read the diff before committing it; CI never sets the variable, so there a difference fails the test.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "PORTAL_UPDATE_GOLDEN";

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "golden", name + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"The golden file {path} is missing; generate it with {UpdateVariable}=1 and review it.");
        var expected = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n");
        if (expected == actual)
        {
            return;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        // The enclosing headings say which flow, state and actor the first difference belongs to.
        var context = string.Join("\n", e.Take(line).Where(l => l.StartsWith('#')).TakeLast(2));
        Assert.Fail(
            $"{name}.txt differs from line {line + 1} ({e.Length} expected lines, {a.Length} actual):\n{context}\n" +
            $"expected: {(line < e.Length ? e[line] : "(end of file)")}\n" +
            $"actual:   {(line < a.Length ? a[line] : "(end of file)")}\n" +
            $"If the change is intended, regenerate with {UpdateVariable}=1 and review the diff.");
    }
}
