using Portal.Infrastructure.Data;
using Portal.Web.Setup;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = AssetPaths.Find(),
});
builder.AddPortal();

var app = builder.Build();
if (args.Contains("--print-schema-migration"))
{
    // Stands in for "dotnet ef migrations add" (not restorable here): prints MigrationBuilder code for the model.
    using var scope = app.Services.CreateScope();
    Console.WriteLine(MigrationScaffolder.Write(scope.ServiceProvider.GetRequiredService<PortalDbContext>()));
    return;
}

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
