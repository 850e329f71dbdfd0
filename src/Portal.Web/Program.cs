using Portal.Web.Setup;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = AssetPaths.Find(),
});
builder.AddPortal();

var app = builder.Build();
await app.InitializePortalAsync();
if (args.Contains("--seed-load"))
{
    // Load-test data (scripts/load.sh): e.g. --seed-load cases=100000 open=20000 staff=2000 enterprises=100000 ratings=200000
    using var scope = app.Services.CreateScope();
    await LoadData.SeedAsync(scope.ServiceProvider, LoadSize.Parse(args.SkipWhile(a => a != "--seed-load").Skip(1)), Console.Out);
    return;
}

app.UsePortal();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
