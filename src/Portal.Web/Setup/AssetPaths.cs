namespace Portal.Web.Setup;

/// <summary>Finds wwwroot-assets/, the one source of the portal's static files (copied next to the binaries at build).</summary>
public static class AssetPaths
{
    public const string FolderName = "wwwroot-assets";

    public static string Find()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return beside;
    }
}
