using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Materials;
using Portal.Testing;
using Portal.Domain.Materials;

namespace Portal.Web.Tests.Support;

/// <summary>A person the tests act as: a real Identity user with real roles.</summary>
public sealed record TestUser(string Id, string Name, string UserName, string[] Roles)
{
    public CaseActor Actor => new(Id, Name, Roles.ToHashSet());
}

/// <summary>
/// The real portal in a test host, on a real database (a fresh SQLite file or a fresh PostgreSQL database),
/// with a clock the tests move. Requests go through MediatR as a given user, or over HTTP.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private int users;

    public PortalFactory()
        : this(Provider.Sqlite)
    {
    }

    public PortalFactory(Provider provider, string? connectionString = null)
    {
        Provider = provider;
        ConnectionString = connectionString ?? Databases.Create(provider);
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Starts on Monday 23 November 2026, 09:00 in China.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)));

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Portal:SeedDemoData"] = "false",
        ["DeadlineSweep:Enabled"] = "false",
        ["Notifications:Enabled"] = "false",
        ["Portal:Audit:CleanupEnabled"] = "false",

        // The orphan sweep of uploaded files runs when a test asks (MaterialSweeper.SweepOnceAsync), never on a timer.
        ["Materials:SweepEnabled"] = "false",

        // The feed serves only changes a few seconds old (commit lag); the tests' clock stands still.
        ["Portal:UtilityFeedSettleSeconds"] = "0",

        // Every test session comes from the same (absent) address: the per-client throttles are tested on their own
        // (Hostile/ThrottleTests, with an address per client) and would otherwise refuse the suite's many sign-ins.
        ["Portal:Throttle:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Databases.ProviderName(Provider));
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>The authenticator key of each test account that has one (by user name), to compute its codes (<see cref="Authenticator"/>).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A real Identity user with one role. Staff and administrators get an authenticator, as they would have bound one
    /// at their first sign-in (<paramref name="secondFactor"/> false: a staff account that has not bound one yet).
    /// </summary>
    public async Task<TestUser> CreateUserAsync(string role, string? name = null, string password = Portal.Web.Setup.Seeding.DemoData.Password, bool secondFactor = true)
    {
        var n = Interlocked.Increment(ref users);
        using var scope = Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var userName = $"u{n:D4}{Guid.NewGuid().ToString("N")[..6]}";
        var user = new PortalUser
        {
            UserName = userName,
            FullName = name ?? $"测试用户{n}",
            IdNumber = ResidentIdNumber.Create($"37040219900101{n % 1000:D3}"),
            Kind = role == Domain.Organisation.Roles.Applicant ? UserKind.Citizen : UserKind.Staff,
        };
        var result = await manager.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await manager.AddToRoleAsync(user, role);
        if (secondFactor && role != Domain.Organisation.Roles.Applicant)
        {
            await manager.ResetAuthenticatorKeyAsync(user);
            AuthenticatorKeys[userName] = (await manager.GetAuthenticatorKeyAsync(user))!;
            await manager.SetTwoFactorEnabledAsync(user, true);
        }

        return new TestUser(user.Id, user.FullName, userName, [role]);
    }

    /// <summary>Sends a request through the whole MediatR pipeline as the given person (or anonymously).</summary>
    public async Task<T> SendAs<T>(TestUser? user, IRequest<T> request)
    {
        using var scope = Services.CreateScope();
        if (user is not null)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(user.Id, user.Name, user.Roles);
        }

        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> WithDb<T>(Func<PortalDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Submits a 企业开办 case for the applicant the way a service's submit handler does.</summary>
    public async Task<string> SubmitCaseAsync(TestUser applicant, string title = "测试企业设立登记", TestUser? filedBy = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var contexts = scope.ServiceProvider.GetRequiredService<CaseContexts>();
        var context = await contexts.ForAsync(EstablishmentService.Code, CancellationToken.None, (filedBy ?? applicant).Actor);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var number = await CaseNumbers.NextAsync(db, EstablishmentService.Definition.NumberPrefix, DateOnly.FromDateTime(context.Clock.ToLocal(context.NowUtc)), CancellationToken.None);
        var c = Case.Submit(number, title, (applicant.Id, applicant.Name), Channel.Online, context);
        db.Cases.Add(c);
        await db.SaveChangesAsync();

        // Every 企业开办 case has its application (the licence is issued from it when the case is 办结).
        db.EstablishmentApplications.Add(new EstablishmentApplication
        {
            ApplicantId = applicant.Id,
            FiledById = (filedBy ?? applicant).Id,
            Status = ApplicationStatus.Submitted,
            CaseId = c.Id,
            ProposedName = title,
            NormalizedName = EnterpriseNames.Normalize(title),
            RegisteredCapital = 10,
            LegalRepresentative = applicant.Name,
        });

        // ... and its material list, with the 住所使用证明 the window's 受理 asks for (uploaded with the form).
        var uploads = scope.ServiceProvider.GetRequiredService<MaterialUploads>();
        var (lease, _) = await uploads.StoreAsync(IncomingFile.FromBytes(MaterialCatalog.Premises.Code, "租赁合同.pdf", SampleFiles.Pdf("Lease")), CancellationToken.None);
        foreach (var requirement in MaterialCatalog.ForEstablishment([], []).Where(r => r.IsUpload))
        {
            var item = new CaseMaterial(c.Id, requirement);
            if (requirement == MaterialCatalog.Premises)
            {
                item.Attach(new MaterialFile(requirement.Code, lease!.Content, lease.FileName, (filedBy ?? applicant).Actor, context.NowUtc, lease.Preview));
            }

            db.CaseMaterials.Add(item);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return number;
    }

    public Task<Case> LoadCaseAsync(string number) =>
        WithDb(db => db.Cases.AsNoTracking().Include(c => c.History).SingleAsync(c => c.Number == number));

    public async Task<T> Service<T>(Func<IServiceProvider, Task<T>> work)
        where T : notnull
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }
}
