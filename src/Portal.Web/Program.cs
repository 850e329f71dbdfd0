using Portal.Web.Setup;
using Portal.Web.Setup.Seeding;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = AssetPaths.Find(),
});
builder.AddPortal();

var app = builder.Build();
await app.InitializePortalAsync();

// --migrate: the migrations and reference data above only, then end (an upgrade before the hosts start; docs/operations.md).
if (args.Contains("--migrate") || await AdminCommand.RunAsync(app, args) || await Seeding.RunAsync(app, args))
{
    return;
}

app.UsePortal();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
