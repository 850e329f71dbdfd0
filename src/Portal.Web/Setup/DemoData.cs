using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Setup;

/// <summary>
/// Demo accounts for every role and a few demo cases. Seeded only when <c>Portal:SeedDemoData</c> is true, which
/// appsettings.Development.json sets: nothing demo-only reaches a production database.
/// </summary>
public static class DemoData
{
    public const string Password = "portal2026";

    public sealed record Account(string UserName, string Name, string Role);

    public static IReadOnlyList<Account> Accounts { get; } =
    [
        new("13800000001", "张明", Roles.Applicant),
        new("13800000002", "李华", Roles.Applicant),
        new("window01", "王芳", Roles.Window),
        .. Departments.All.Select(d => new Account($"review-{d.ToString().ToLowerInvariant()}", $"{d.Label()}审批员", d.ReviewerRole())),
        new("supervisor", "赵督查", Roles.Supervisor),
        new("admin", "系统管理员", Roles.Admin),
    ];

    public static async Task<IReadOnlyList<Account>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var db = services.GetRequiredService<PortalDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var seq = 0;
        foreach (var account in Accounts)
        {
            seq++;
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var isApplicant = account.Role == Roles.Applicant;
            var user = new PortalUser
            {
                UserName = account.UserName,
                FullName = account.Name,
                PhoneNumber = isApplicant ? account.UserName : null,
                IdNumber = isApplicant ? ResidentIdNumber.Create($"37040219900101{seq:D3}") : null,
                Kind = !isApplicant ? UserKind.Staff : account.UserName.EndsWith('1') ? UserKind.Enterprise : UserKind.Citizen,
                EnterpriseName = account.UserName == "13800000001" ? "枣庄示例科技有限公司" : null,
                WindowNumber = account.Role == Roles.Window ? "A01" : null,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, account.Role);
        }

        if (!await db.Cases.AnyAsync(cancellationToken))
        {
            await SeedCasesAsync(services, db, users, time, cancellationToken);
        }

        return Accounts;
    }

    private static async Task SeedCasesAsync(IServiceProvider services, PortalDbContext db, UserManager<PortalUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var applicant = (await users.FindByNameAsync("13800000001"))!;
        var window = (await users.FindByNameAsync("window01"))!;
        var market = (await users.FindByNameAsync("review-market"))!;
        var contexts = services.GetRequiredService<CaseContexts>();
        var now = time.GetUtcNow().UtcDateTime;
        var applicantActor = new CaseActor(applicant.Id, applicant.FullName, new HashSet<string> { Roles.Applicant });
        var windowActor = new CaseActor(window.Id, window.FullName, new HashSet<string> { Roles.Window });
        var marketActor = new CaseActor(market.Id, market.FullName, new HashSet<string> { Department.Market.ReviewerRole() });

        async Task<Case> Submit(string title, DateTime at)
        {
            var context = await contexts.ForAsync(EstablishmentService.Code, cancellationToken, applicantActor) with { NowUtc = at };
            var number = await CaseNumbers.NextAsync(db, EstablishmentService.Definition.NumberPrefix, DateOnly.FromDateTime(context.Clock.ToLocal(at)), cancellationToken);
            var c = Case.Submit(number, title, (applicant.Id, applicant.FullName), Channel.Online, context);
            db.Cases.Add(c);
            return c;
        }

        async Task Act(Case c, CaseActor actor, CaseTrigger trigger, DateTime at, string? reason = null)
        {
            var context = await contexts.ForAsync(EstablishmentService.Code, cancellationToken, actor) with { NowUtc = at };
            c.Fire(trigger, context, new CaseActionArgs { Reason = reason });
        }

        await Submit("枣庄示例科技有限公司 设立登记", now.AddMinutes(-20));

        var accepted = await Submit("枣庄惠民餐饮有限公司 设立登记", now.AddHours(-3));
        await Act(accepted, windowActor, CaseTrigger.Accept, now.AddHours(-2));

        var supplement = await Submit("枣庄明远商贸有限公司 设立登记", now.AddDays(-1));
        await Act(supplement, windowActor, CaseTrigger.RequestSupplement, now.AddHours(-20), "1. 全体股东签署的公司章程\n2. 住所使用证明（租赁合同）");

        var done = await Submit("枣庄青禾农业专业合作社 设立登记", now.AddDays(-6));
        await Act(done, windowActor, CaseTrigger.Accept, now.AddDays(-6).AddMinutes(30));
        await Act(done, marketActor, CaseTrigger.Complete, now.AddDays(-6).AddHours(2));

        var late = await Submit("枣庄远航物流有限公司 设立登记", now.AddDays(-9));
        late.MarkOverdue(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static void Print(IReadOnlyList<Account> accounts, string url)
    {
        var first = url.Split(';')[0];
        Console.WriteLine();
        Console.WriteLine("================ 演示账号（仅开发环境） ================");
        Console.WriteLine($"  门户地址: {first}");
        Console.WriteLine($"  所有演示账号的密码: {Password}");
        foreach (var a in accounts)
        {
            Console.WriteLine($"  {Roles.Label(a.Role),-16} {a.UserName,-22} {a.Name}");
        }

        Console.WriteLine("=========================================================");
        Console.WriteLine();
    }
}
