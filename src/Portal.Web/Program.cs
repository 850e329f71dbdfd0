using Portal.Infrastructure.Data;
using Portal.Web.Setup;
using Portal.Web.Setup.Seeding;

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
if (await Seeding.RunAsync(app, args))
{
    return;
}

app.UsePortal();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
