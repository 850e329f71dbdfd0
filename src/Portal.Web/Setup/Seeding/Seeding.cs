namespace Portal.Web.Setup.Seeding;

/// <summary>
/// Demo and load-test data, outside the request path: nothing that handles a request uses this folder (a test checks
/// it). Program.cs runs it once the database is migrated and its reference data is there, before the portal serves:
/// <list type="bullet">
/// <item><c>--seed-load cases=… open=…</c> writes the load test's data (scripts/load.sh) and ends the process;</item>
/// <item>the demo accounts and cases are written when <c>Portal:SeedDemoData</c> is true, which only
/// appsettings.Development.json sets (the fault and end-to-end tests switch it on explicitly).</item>
/// </list>
/// See docs/decisions/0011-house.md.
/// </summary>
public static class Seeding
{
    public const string LoadCommand = "--seed-load";

    /// <summary>Seeds what the command line or the configuration asks for; true when the process should end (a load-data run).</summary>
    public static async Task<bool> RunAsync(WebApplication app, string[] args)
    {
        if (args.Contains(LoadCommand))
        {
            // Load-test data (scripts/load.sh): e.g. --seed-load cases=100000 open=20000 staff=2000 enterprises=100000 ratings=200000
            using var scope = app.Services.CreateScope();
            await LoadData.SeedAsync(scope.ServiceProvider, LoadSize.Parse(args.SkipWhile(a => a != LoadCommand).Skip(1)), Console.Out);
            return true;
        }

        if (app.Configuration.GetValue<bool>("Portal:SeedDemoData"))
        {
            using var scope = app.Services.CreateScope();
            var accounts = await DemoData.SeedAsync(scope.ServiceProvider);
            DemoData.Print(accounts, app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000", app.Environment.IsDevelopment());
        }

        return false;
    }
}
