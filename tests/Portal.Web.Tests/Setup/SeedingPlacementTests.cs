namespace Portal.Web.Tests.Setup;

/// <summary>
/// Demo and load-test data stay outside the request path (docs/decisions/0011-house.md): only the start-up in
/// Program.cs runs them; no page, handler, endpoint or service of the portal names them.
/// </summary>
public sealed class SeedingPlacementTests
{
    private static readonly string[] SeedingNames = ["Seeding", "DemoData", "LoadData", "LoadSize"];

    [Fact]
    public void Nothing_outside_the_seeding_folder_but_the_start_up_uses_the_seed_data()
    {
        var web = Path.Combine(Repository.Root, "src", "Portal.Web");
        var seeding = Path.Combine(web, "Setup", "Seeding") + Path.DirectorySeparatorChar;
        var sources = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, f => f.StartsWith(seeding, StringComparison.Ordinal));

        var users = sources
            .Where(f => !f.StartsWith(seeding, StringComparison.Ordinal))
            .Where(f => SeedingNames.Any(name => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), $@"\b{name}\b")))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        Assert.Equal(["Program.cs"], users);
    }
}
