using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Notifications;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Web.Common.Pipeline;
using Portal.Web.Features;
using Portal.Web.Features.Appointments;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Identity;
using Portal.Web.Features.Materials;
using Portal.Web.Features.Security;

namespace Portal.Web.Setup;

/// <summary>The composition root: every service the portal uses, and the request pipeline.</summary>
public static class PortalSetup
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // Headers, hosts, proxies, HSTS and cookie security (WebSecurity.cs).
        builder.AddPortalWebSecurity();
        services.Configure<PortalTimeOptions>(config.GetSection("Portal"));
        services.Configure<DeadlineSweepOptions>(config.GetSection("DeadlineSweep"));
        services.Configure<NotificationOptions>(config.GetSection("Notifications"));
        services.AddSingleton<NotificationInterceptor>();
        services.AddSingleton<Features.Ratings.StatisticsCache>();
        services.AddSingleton<Features.Ratings.RatingChangeInterceptor>();
        services.AddSingleton<Features.Ratings.RatingCommitInterceptor>();
        services.AddSingleton<INotificationSender, LogNotificationSender>();
        services.AddSingleton(TestClock.Enabled(config) ? new ShiftedTimeProvider() : TimeProvider.System);

        // Read lazily so that hosts (tests, tools) can change the provider and connection string late.
        services.AddPortalDatabase(
            sp =>
            {
                var configuration = sp.GetRequiredService<IConfiguration>();
                var provider = configuration["Database:Provider"];
                var connectionString = configuration.GetConnectionString("Portal") ?? "Data Source=data/portal.db";
                if (DatabaseSetup.Normalize(provider) == DatabaseSetup.Sqlite)
                {
                    // A relative SQLite file lives under the content root (src/Portal.Web/data/ when run from source).
                    connectionString = DatabaseSetup.AnchorSqlitePath(connectionString, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
                }

                return new DatabaseSettings(provider, connectionString);
            },
            (sp, o) => o.AddInterceptors(
                sp.GetRequiredService<NotificationInterceptor>(),
                sp.GetRequiredService<Features.Ratings.RatingChangeInterceptor>(),
                sp.GetRequiredService<Features.Ratings.RatingCommitInterceptor>()));

        // Sign-in cookies and anti-forgery tokens are encrypted with the data-protection key ring. It is kept in the
        // database, so every portal host on the same database reads and writes one ring: a page served by one host is
        // accepted by the next (tests/Portal.Faults TwoHosts). The application name is fixed because the default one is
        // the content root's path, which differs between hosts. Portal:DataProtection:KeysDirectory keeps the ring in a
        // folder instead — for a single host only (ADR 0010).
        var dataProtection = services.AddDataProtection().SetApplicationName("Portal");
        if (config["Portal:DataProtection:KeysDirectory"] is { Length: > 0 } keysDirectory)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        }
        else
        {
            dataProtection.PersistKeysToDbContext<PortalDbContext>();
        }

        services.AddPortalSecurity(config);

        // 统一身份认证 over OpenID Connect, when Portal:IdentityProvider:Enabled (docs/decisions/0016-identity-levels.md).
        services.AddPortalIdentityProvider(config);

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        // Failures: shown on their page by PortalExceptionFilter, answered as JSON by PortalExceptionHandler; both ask PortalErrors.
        services.AddExceptionHandler<PortalExceptionHandler>();

        // A query parameter a JSON endpoint cannot read (workingDays=99999999999) is thrown in every environment, so
        // that PortalExceptionHandler answers it as problem details with a Chinese title instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddPortalHealthChecks(config);
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AddPageRoute("/Home/Index", "");
            })
            .AddMvcOptions(o => o.Filters.Add<PortalExceptionFilter>())
            .AddPortalFormValidation();
        // After AddRazorPages: its page conventions are only applied when registered after Razor Pages' own setup.
        services.AddPortalThrottle(config);

        // Write Chinese as Chinese in pages (the default encoder turns every Han character into an entity).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CaseContexts>();
        services.AddScoped<CaseReads>();
        services.AddScoped<CaseActions>();
        services.AddScoped<Features.Enterprises.EnterpriseAccess>();
        services.AddScoped<Features.Identity.IdentityJournal>();
        services.AddScoped<ICaseActorPolicy, Features.Enterprises.EnterpriseCaseActors>();
        services.AddScoped<Features.Ratings.RatingStore>();
        services.AddAppointments();
        services.AddMaterials(config);
        services.AddScoped<ICaseLifecycle, Features.Establishment.EstablishmentLifecycle>();
        services.AddScoped<ICaseLifecycle, Features.Deregistration.DeregistrationLifecycle>();
        services.AddScoped<ICaseFlowSource, Features.Deregistration.DeregistrationFlows>();
        services.AddScoped<ICaseLifecycle, Features.Connections.ConnectionLifecycle>();
        services.AddScoped<ICaseFlowSource, Features.Connections.ConnectionFlows>();
        services.AddScoped<IStepExpiry, Features.Connections.ConnectionOverdue>();
        services.AddScoped<Features.Deregistration.DeregistrationExpiry>();
        services.AddScoped<IStepExpiry>(p => p.GetRequiredService<Features.Deregistration.DeregistrationExpiry>());
        services.AddSingleton<Features.Notices.NoticeFloodGuard>();
        services.AddOpenApi(Features.Connections.UtilityFeed.DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/utilities", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "政务服务中心 · 报装需求推送接口";
                document.Info.Description = "水电气热信专营单位拉取本单位的新增和变更报装办件（000:109）。请求头 X-Api-Key 提供本单位密钥。";
                document.Info.Version = "1";
                return Task.CompletedTask;
            });
        });
        services.AddSingleton<CalendarService>();
        services.AddSingleton<PromiseService>();
        services.AddSingleton(new ServiceCatalog(ServiceRegistry.Definitions));
        services.AddSingleton<DeadlineSweeper>();
        services.AddHostedService(p => p.GetRequiredService<DeadlineSweeper>());
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(p => p.GetRequiredService<NotificationDispatcher>());
        services.AddPortalMediator(typeof(PortalSetup).Assembly);
        return builder;
    }

    public static async Task InitializePortalAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        await ReferenceData.SeedAsync(
            db,
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
            ServiceRegistry.Definitions.Select(d => d.NumberPrefix));
        var calendar = app.Services.GetRequiredService<CalendarService>();
        var clock = await calendar.GetClockAsync();
        foreach (var year in clock.YearsMissingAround(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime))
        {
            app.Logger.LogWarning("节假日数据缺失：{Year}年尚未录入国务院节假日安排，暂按《全国年节及纪念日放假办法》的法定节假日（含补假）计算，日期均为暂算。请管理员在“节假日日历”中补录。", year);
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // The singleton caches (calendar, promise table) read their revision stamp through the request's own context.
        app.Use(async (context, next) =>
        {
            Infrastructure.Data.RequestContext.Current = context.RequestServices;
            try
            {
                await next(context);
            }
            finally
            {
                Infrastructure.Data.RequestContext.Current = null;
            }
        });
        app.UsePortalWebSecurity();
        var culture = new CultureInfo("zh-CN");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(culture),
            SupportedCultures = [culture],
            SupportedUICultures = [culture],
        });
        app.UseExceptionHandler("/Errors/Error");
        app.UseStatusCodePagesWithReExecute("/Errors/Status", "?code={0}");
        app.UseMaterialUploadLimit();
        app.UseStaticFiles();
        app.UseMiddleware<Common.Forms.NulCharacterForms>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(Features.Security.SessionStore.ThrowSessionFailure);
        app.UseSecondFactorGate();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapPortalHealthChecks();
        app.MapPortalEndpoints();
        app.MapUtilityFeed();
        app.MapMaterials();
        Features.Hall.BoardModel.MapBoardApi(app);
        // Only the documents that exist match: any other name is the Chinese 404 page, not the framework's English text.
        app.MapOpenApi("/openapi/{documentName:regex(^" + Features.Connections.UtilityFeed.DocumentName + "$)}.json").AllowAnonymous();
        if (TestClock.Enabled(app.Configuration))
        {
            app.Logger.LogWarning("测试时钟已启用（Portal:TestClock）：/__test/clock/advance 可以拨快门户时间，仅供端到端测试使用。");
            app.MapTestClock();
        }

        return app;
    }
}
