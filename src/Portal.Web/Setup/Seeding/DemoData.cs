using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Hall;
using Portal.Domain.Identity;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Materials;

namespace Portal.Web.Setup.Seeding;

/// <summary>
/// Demo accounts for every role and a few demo cases. Seeded only when <c>Portal:SeedDemoData</c> is true, which
/// appsettings.Development.json sets: nothing demo-only reaches a production database.
/// </summary>
public static class DemoData
{
    /// <summary>Follows the password rule (three kinds, not guessable: PasswordPolicy). "portal2026" did not.</summary>
    public const string Password = "Zhengwu@2026";

    /// <summary>
    /// The authenticator key of every demo staff and administrator account, published in the README so that anyone can
    /// compute its codes (<c>oathtool --totp -b PORTALDEMOTOTPSECRETFORSTAFFONLY</c>, or an authenticator app). Set only
    /// in the Development environment: anywhere else demo staff bind their own authenticator at first sign-in.
    /// </summary>
    public const string AuthenticatorKey = "PORTALDEMOTOTPSECRETFORSTAFFONLY";

    /// <param name="Verified">An applicant whose name and ID number window01 verified against the ID card (实名核验).</param>
    public sealed record Account(string UserName, string Name, string Role, string? Window = null, bool Verified = false);

    /// <summary>The clerk who verified the demo's verified applicant at the window.</summary>
    public const string VerifyingClerk = "window01";

    public static IReadOnlyList<Account> Accounts { get; } =
    [
        // 张明 is verified and the legal representative of the demo enterprises; 李华 is not yet verified: she sees
        // her own enterprise but cannot deregister it until a window verifies her (docs/decisions/0016-identity-levels.md).
        new("13800000001", "张明", Roles.Applicant, Verified: true),
        new("13800000002", "李华", Roles.Applicant),
        new("window01", "王芳", Roles.Window, "A01"),
        new("window02", "刘洋", Roles.Window, "A02"),
        .. Departments.All.Select(d => new Account($"review-{d.ToString().ToLowerInvariant()}", $"{d.Label()}审批员", d.ReviewerRole())),
        new("supervisor", "赵督查", Roles.Supervisor),
        // A second supervisor: an appeal is decided by a supervisor who neither filed it nor was rated (申诉复核).
        new("supervisor2", "钱督查", Roles.Supervisor),
        new("admin", "系统管理员", Roles.Admin),
    ];

    public static async Task<IReadOnlyList<Account>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var development = services.GetRequiredService<IHostEnvironment>().IsDevelopment();
        var db = services.GetRequiredService<PortalDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var seq = 0;
        var added = new List<Account>();
        foreach (var account in Accounts)
        {
            seq++;
            if (await users.FindByNameAsync(account.UserName) is { } existing)
            {
                if (development && account.Role != Roles.Applicant)
                {
                    await EnrolDemoAuthenticatorAsync(services, users, existing, cancellationToken);
                }

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
                WindowNumber = account.Window,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, account.Role);
            if (development && account.Role != Roles.Applicant)
            {
                await EnrolDemoAuthenticatorAsync(services, users, user, cancellationToken);
            }

            added.Add(account);
        }

        // 实名核验 at window01 for the verified demo applicants, recorded like the window's own action.
        var clerk = await users.FindByNameAsync(VerifyingClerk);
        foreach (var account in added.Where(a => a.Verified))
        {
            var user = (await users.FindByNameAsync(account.UserName))!;
            var by = $"{clerk!.FullName}（{clerk.WindowNumber}号窗口）";
            var now = time.GetUtcNow().UtcDateTime;
            user.MarkVerified(VerificationMethod.Window, now, clerk.Id, by);
            await users.UpdateAsync(user);
            db.IdentityEvents.Add(new IdentityEvent(user.Id, IdentityEventKind.Verified, now, clerk.Id, by, "窗口核验（演示数据）：核对居民身份证原件"));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Cases.AnyAsync(cancellationToken))
        {
            await SeedCasesAsync(services, db, users, time, cancellationToken);
        }

        return Accounts;
    }

    /// <summary>
    /// Demo cases made through the real commands, as the real demo accounts: one waiting for the window, one
    /// accepted at once (即报即得) and in progress, one finished with its licence, one waiting for a supplement
    /// (一次性告知), one accepted with a missing item (容缺) whose commitment has passed, one enterprise cancelled by
    /// authority, and one submitted days ago and marked overdue by the real deadline sweep. Cases "in the past" are
    /// made by the same handlers with the clock set back to a working day in office hours (<see cref="AsAt{TRequest,T}"/>),
    /// so their numbers, deadlines and overdue marks follow the same rules as real cases — nothing is backdated by hand.
    /// </summary>
    private static async Task SeedCasesAsync(IServiceProvider services, PortalDbContext db, UserManager<PortalUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();

        async Task<T> As<T>(string userName, Func<IMediator, Task<T>> send)
        {
            var user = (await users.FindByNameAsync(userName))!;
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(user.Id, user.FullName, [.. await users.GetRolesAsync(user)]);
            return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
        }

        // A request handled at an earlier instant: the handler the portal registers, built with a clock that reads
        // that instant (it and its case contexts take the TimeProvider), run as the given account.
        async Task<T> AsAt<TRequest, T>(string userName, DateTime atUtc, TRequest request)
            where TRequest : IRequest<T>
        {
            var user = (await users.FindByNameAsync(userName))!;
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(user.Id, user.FullName, [.. await users.GetRolesAsync(user)]);
            var then = new FixedTime(atUtc);
            var contexts = ActivatorUtilities.CreateInstance<CaseContexts>(scope.ServiceProvider, then);
            var handlerType = scope.ServiceProvider.GetRequiredService<IRequestHandler<TRequest, T>>().GetType();
            var needs = handlerType.GetConstructors().Single().GetParameters();
            var given = new object[] { then, contexts }.Where(a => needs.Any(p => p.ParameterType.IsInstanceOfType(a))).ToArray();
            var handler = (IRequestHandler<TRequest, T>)ActivatorUtilities.CreateInstance(scope.ServiceProvider, handlerType, given);
            return await handler.Handle(request, cancellationToken);
        }

        // The deadline sweep as it ran at an earlier instant (every 30 seconds in a running portal).
        async Task SweepAtAsync(DateTime atUtc) =>
            await ActivatorUtilities.CreateInstance<DeadlineSweeper>(services, new FixedTime(atUtc)).SweepOnceAsync(cancellationToken);

        Submit.Command Form(string name, string idSeed, params string[] scope) => Submit.Command.From(new EstablishmentForm
        {
            ProposedName = name,
            Type = EnterpriseType.LimitedLiability,
            RegisteredCapital = 100,
            Address = "山东省枣庄市市中区光明路" + idSeed + "号",
            ScopeCodes = [.. scope],
            LegalRepresentative = "张明",
            LegalRepresentativeIdNumber = ResidentIdNumber.Create("37040219900101001"),
            Investors = [new InvestorRow { Name = "张明", IdentityNumber = ResidentIdNumber.Create("37040219900101001"), SharePercent = 100 }],
            ContactName = "张明",
            ContactPhone = "13800000001",
            SynchronousItems = ["seal", "tax", "social-insurance", "medical-insurance", "housing-fund", "bank-account"],
        });

        // An application as an applicant sends it: its 住所使用证明 (required, not 容缺) staged on the form first, so the
        // case has what 受理 and 即报即得 ask for — now, or at an earlier instant; `more` are further
        // files chosen on the form.
        async Task<Submit.Result> ApplyAsync(string userName, Submit.Command form, DateTime? atUtc = null, params IncomingFile[] more)
        {
            var lease = new StageFiles.Command
            {
                Form = Staging.Establishment,
                Files = [IncomingFile.FromBytes(MaterialCatalog.Premises.Code, "房屋租赁合同.pdf", DemoFiles.Pdf("Lease contract")), .. more],
            };
            var refused = atUtc is { } then
                ? await AsAt<StageFiles.Command, IReadOnlyList<(string Field, string Message)>>(userName, then, lease)
                : await As(userName, m => m.Send(lease));
            if (refused.Count > 0)
            {
                throw new InvalidOperationException("演示数据的材料文件未通过检查：" + refused[0].Message);
            }

            return atUtc is { } at ? await AsAt<Submit.Command, Submit.Result>(userName, at, form) : await As(userName, m => m.Send(form));
        }

        // Carry a case through every department, as each department's reviewer — now, or from an earlier instant on
        // (a minute per action).
        async Task FinishAsync(string number, DateTime? fromUtc = null)
        {
            var at = fromUtc;
            Task<Unit> Send<TRequest>(string userName, TRequest request)
                where TRequest : IRequest<Unit>
            {
                if (at is not { } then)
                {
                    return As(userName, m => m.Send(request));
                }

                at = then.AddMinutes(1);
                return AsAt<TRequest, Unit>(userName, then, request);
            }

            if (await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => c.State).SingleAsync(cancellationToken) == CaseState.Submitted)
            {
                var v = await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => c.Version).SingleAsync(cancellationToken);
                await Send("window01", new Act.Command { Number = number, Trigger = CaseTrigger.Accept, ExpectedVersion = v });
            }

            var items = await db.SubItems.AsNoTracking().Where(i => i.Case.Number == number).ToListAsync(cancellationToken);
            foreach (var item in items.Where(i => i.Synchronous))
            {
                var reviewer = $"review-{item.Department.ToString().ToLowerInvariant()}";
                foreach (var trigger in new[] { SubItemTrigger.Start, SubItemTrigger.Complete })
                {
                    var version = await db.SubItems.AsNoTracking().Where(i => i.Id == item.Id).Select(i => i.Version).SingleAsync(cancellationToken);
                    await Send(reviewer, new SubItemAct.Command { Number = number, ItemId = item.Id, Trigger = trigger, ExpectedVersion = version });
                }
            }
        }

        var applicant = "13800000001";
        var clock = await services.GetRequiredService<CalendarService>().GetClockAsync(cancellationToken);
        var today = clock.LocalDate(time.GetUtcNow().UtcDateTime);

        // In the past first, so the numbers follow the order of submission. Three working days ago the window accepted
        // 和顺建筑劳务 with a missing item promised for the next working day (容缺受理); every department finished its part
        // that morning, so the case is 办结 — and the commitment, never supplied, is red in 容缺承诺. Two working days ago
        // 远航物流 was submitted and no window accepted it: the sweep marked it overdue when its limit passed.
        var threeDaysAgo = clock.ToUtc(WorkingDaysBefore(clock, today, 3).ToDateTime(new TimeOnly(9, 20)));
        var tolerated = await ApplyAsync(applicant, Form("枣庄和顺建筑劳务有限公司", "7", "construction-labour"), threeDaysAgo);
        var toleratedVersion = await db.Cases.AsNoTracking().Where(c => c.Number == tolerated.Number).Select(c => c.Version).SingleAsync(cancellationToken);
        await AsAt<Act.Command, Unit>("window01", threeDaysAgo.AddMinutes(25), new Act.Command
        {
            Number = tolerated.Number,
            Trigger = CaseTrigger.AcceptWithMissing,
            Reason = "专业技术人员证书和安全生产考核合格证",
            CommitmentDate = DateOnly.FromDateTime(clock.Calendar.AddWorkingDays(clock.ToLocal(threeDaysAgo), 1)),
            ExpectedVersion = toleratedVersion,
        });
        await FinishAsync(tolerated.Number, threeDaysAgo.AddMinutes(40));
        var twoDaysAgo = clock.ToUtc(WorkingDaysBefore(clock, today, 2).ToDateTime(new TimeOnly(9, 30)));
        var late = await ApplyAsync(applicant, Form("枣庄远航物流有限公司", "4", "freight", "warehousing"), twoDaysAgo);
        var lateDue = await db.Cases.AsNoTracking().Where(c => c.Number == late.Number).Select(c => c.StepDueAt!.Value).SingleAsync(cancellationToken);
        await SweepAtAsync(lateDue.AddSeconds(30));

        // 惠民餐饮 waits at the window with everything its list asks for (the catering lines too), so a window can 受理 it.
        await ApplyAsync(applicant, Form("枣庄惠民餐饮有限公司", "1", "catering", "food-sales"), null,
            IncomingFile.FromBytes(MaterialCatalog.FloorPlan.Code, "经营场所平面布局图.pdf", DemoFiles.Pdf("Floor plan")),
            IncomingFile.FromBytes(MaterialCatalog.FoodSafetyRules.Code, "食品安全管理制度.pdf", DemoFiles.Pdf("Food safety rules")));
        await ApplyAsync(applicant, Form("枣庄明远商贸有限公司", "2", "daily-goods", "office-supplies"));
        var done = await ApplyAsync(applicant, Form("枣庄青禾科技有限公司", "3", "tech", "software"));
        var incomplete = await ApplyAsync(applicant, Form("枣庄鲜味食品有限公司", "5", "food-sales"));
        var incompleteVersion = await db.Cases.AsNoTracking().Where(c => c.Number == incomplete.Number).Select(c => c.Version).SingleAsync(cancellationToken);
        await As("window01", m => m.Send(new Act.Command
        {
            Number = incomplete.Number,
            Trigger = CaseTrigger.RequestSupplement,
            Reason = "1. 食品经营场所平面布局图\n2. 食品安全管理制度文本",
            ExpectedVersion = incompleteVersion,
        }));


        await FinishAsync(done.Number);

        // Permits come from the licensing departments' own systems; the demo enterprise holds one, so that 注销 shows
        // it cancelled in the same step (证照同步注销).
        var finished = await db.Enterprises.SingleAsync(e => e.Name == "枣庄青禾科技有限公司", cancellationToken);
        db.Permits.Add(new EnterprisePermit(finished.Id, "增值电信业务经营许可证", "鲁B2-20260118", Department.Telecom, finished.EstablishedOn));
        await db.SaveChangesAsync(cancellationToken);

        // A second finished enterprise in its 简易注销 公示期, so the public notice board has an entry to object to.
        var closing = await ApplyAsync(applicant, Form("枣庄启明文化传媒有限公司", "6", "daily-goods"));
        await FinishAsync(closing.Number);
        var closingCode = await db.Enterprises.AsNoTracking().Where(e => e.Name == "枣庄启明文化传媒有限公司").Select(e => e.CreditCode).SingleAsync(cancellationToken);
        var exit = await As(applicant, m => m.Send(new Features.Deregistration.Start.Command
        {
            CreditCode = closingCode,
            Route = DeregistrationRoute.Simple,
            Conditions = [.. SimpleDeregistrationRules.Conditions.Select(c => c.Code)],
            CommitmentAccepted = true,
            SignedName = "张明",
        }));
        var exitVersion = await db.Cases.AsNoTracking().Where(c => c.Number == exit).Select(c => c.Version).SingleAsync(cancellationToken);
        await As("window01", m => m.Send(new Act.Command { Number = exit, Trigger = CaseTrigger.Accept, ExpectedVersion = exitVersion }));

        // A joint power + water application (联合报装) for the finished enterprise, with the joint survey arranged.
        var joint = await As(applicant, m => m.Send(new Features.Connections.Submit.Command
        {
            Customer = CustomerKind.Enterprise,
            EnterpriseName = finished.Name,
            CreditCode = finished.CreditCode,
            Address = finished.Address,
            Purpose = "生产、办公",
            Utilities = [Utility.Power, Utility.Water],
            Power = new TechnicalData { CapacityKw = 120, ExternalWorks = true, LineLengthM = 150, SanLing = true, NoInterestedParty = true },
            Water = new TechnicalData { ExternalWorks = true, PipeLengthM = 80, DiameterMm = 50 },
        }));
        var surveyDay = clock.Calendar.NextWorkingDay(clock.LocalDate(time.GetUtcNow().UtcDateTime));
        var applicationVersion = await db.ConnectionApplications.AsNoTracking().Where(a => a.CaseNumber == joint).Select(a => a.Version).SingleAsync(cancellationToken);
        await As("window01", m => m.Send(new Features.Connections.ScheduleSurvey.Command { Number = joint, Date = surveyDay, Time = new TimeOnly(10, 0), ExpectedVersion = applicationVersion }));

        // A third finished enterprise, cancelled by authority (代位注销, 004:35): its licence page shows a void licence
        // and /verify says 已注销.
        var gone = await ApplyAsync(applicant, Form("枣庄旧城商贸有限公司", "8", "daily-goods"));
        await FinishAsync(gone.Number);
        var goneCode = await db.Enterprises.AsNoTracking().Where(e => e.Name == "枣庄旧城商贸有限公司").Select(e => e.CreditCode).SingleAsync(cancellationToken);
        await As("supervisor", m => m.Send(new Features.Deregistration.ByAuthority.Command
        {
            CreditCode = goneCode,
            Route = DeregistrationRoute.Subrogated,
            Reason = "股东失联，经人民法院裁定确认企业无财产可供清偿（府院联动）",
            Files = [IncomingFile.FromBytes(MaterialCatalog.AuthorityBasis.Code, "民事裁定书.pdf", DemoFiles.Pdf("Civil ruling"))],
        }));

        // Whatever else is due now (e.g. 和顺建筑劳务's 办理 step) is marked as a running portal would at start-up.
        await services.GetRequiredService<DeadlineSweeper>().SweepOnceAsync(cancellationToken);

        // 好差评: the finished case's applicant rated 受理 满意 and 办理 非常不满意 (real-name); the supervisor called back.
        var online = new Dictionary<string, RatingLevel>
        {
            ["overall"] = RatingLevel.Satisfied, ["efficiency"] = RatingLevel.Satisfied, ["guide"] = RatingLevel.VerySatisfied,
            ["convenience"] = RatingLevel.Satisfied, ["platform"] = RatingLevel.Satisfied,
        };
        await As(applicant, m => m.Send(new Features.Ratings.GiveCaseRating.Command { Number = done.Number, Subject = RatingSubject.Acceptance, Scores = online, Comment = "窗口受理很快。" }));
        await As(applicant, m => m.Send(new Features.Ratings.GiveCaseRating.Command
        {
            Number = done.Number,
            Subject = RatingSubject.Processing,
            Scores = online.ToDictionary(p => p.Key, p => p.Key is "overall" or "efficiency" ? RatingLevel.VeryDissatisfied : p.Value),
            Comment = "印章刻制环节让我跑了两趟，营业执照领取没有提前告知需要带原件。",
        }));
        var followUp = await db.RatingFollowUps.AsNoTracking().Where(f => f.Rating.CaseNumber == done.Number).Select(f => f.Id).SingleAsync(cancellationToken);
        await As("supervisor", m => m.Send(new Features.Ratings.ActOnFollowUp.Command { Id = followUp, Trigger = FollowUpTrigger.RecordVisit, Text = "已电话回访申请人，了解到印章领取需二次到场，情况正在核实。" }));

        // 李华 (not yet verified) registered her own enterprise: she sees its licence, but its 注销 and 单独办理 wait until
        // a window verifies her name and ID number (the README's demo table says so).
        var lihua = await ApplyAsync("13800000002", Submit.Command.From(new EstablishmentForm
        {
            ProposedName = "枣庄华美日用品有限公司",
            Type = EnterpriseType.LimitedLiability,
            RegisteredCapital = 50,
            Address = "山东省枣庄市市中区建华路8号",
            ScopeCodes = ["daily-goods", "office-supplies"],
            LegalRepresentative = "李华",
            LegalRepresentativeIdNumber = ResidentIdNumber.Create("37040219900101002"),
            Investors = [new InvestorRow { Name = "李华", IdentityNumber = ResidentIdNumber.Create("37040219900101002"), SharePercent = 100 }],
            ContactName = "李华",
            ContactPhone = "13800000002",
            SynchronousItems = [],
        }));
        await FinishAsync(lihua.Number);

        // The hall: on a working day, three visitors wait (one with a priority number) and one appointment is booked.
        if (clock.Calendar.IsWorkingDay(today))
        {
            foreach (var (category, reason) in new[] { ("establishment", PriorityReason.None), ("connection", PriorityReason.None), ("establishment", PriorityReason.Elderly) })
            {
                await As(applicant, m => m.Send(new Features.Hall.TakeTicket.Command { Category = category, Reason = reason }));
            }
        }

        var plan = services.GetRequiredService<Features.Appointments.AppointmentPlans>().For("establishment");
        var bookingDay = clock.Calendar.NextWorkingDay(today);
        if (plan?.Schedule.SlotsOn(bookingDay, clock.Calendar).FirstOrDefault(slot => slot.Start.Hour == 10) is { } tenOClock)
        {
            await As("13800000002", m => m.Send(new Features.Appointments.BookAppointment.Command { Category = "establishment", Date = bookingDay, SlotKey = tenOClock.Key }));
        }
    }

    /// <summary>Binds <see cref="AuthenticatorKey"/> to a demo staff account that has no authenticator yet (Development only).</summary>
    private static async Task EnrolDemoAuthenticatorAsync(IServiceProvider services, UserManager<PortalUser> users, PortalUser user, CancellationToken cancellationToken)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return;
        }

        var store = services.GetRequiredService<IUserStore<PortalUser>>() as IUserAuthenticatorKeyStore<PortalUser>
            ?? throw new InvalidOperationException("The user store keeps no authenticator keys.");
        await store.SetAuthenticatorKeyAsync(user, AuthenticatorKey, cancellationToken);
        var updated = await users.UpdateAsync(user);
        var enabled = updated.Succeeded ? await users.SetTwoFactorEnabledAsync(user, true) : updated;
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException("Demo authenticator could not be bound: " + string.Join("; ", enabled.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="today"/> (holidays and make-up days counted).</summary>
    private static DateOnly WorkingDaysBefore(Domain.Calendar.DeadlineClock clock, DateOnly today, int count)
    {
        var day = today;
        for (var left = count; left > 0;)
        {
            day = day.AddDays(-1);
            if (clock.Calendar.IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>A clock that reads one instant: the demo's cases "in the past" are handled at it.</summary>
    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }

    public static void Print(IReadOnlyList<Account> accounts, string url, bool development)
    {
        var first = url.Split(';')[0];
        Console.WriteLine();
        Console.WriteLine("================ 演示账号（仅开发环境） ================");
        Console.WriteLine($"  门户地址: {first}");
        Console.WriteLine($"  所有演示账号的密码: {Password}");
        foreach (var a in accounts)
        {
            var level = a.Role != Roles.Applicant ? "" : a.Verified ? "（已实名核验）" : "（未实名核验）";
            Console.WriteLine($"  {Roles.Label(a.Role),-16} {a.UserName,-22} {a.Name}{level}");
        }

        Console.WriteLine(development
            ? $"  工作人员和管理员还需动态验证码：验证器密钥 {AuthenticatorKey}（oathtool --totp -b {AuthenticatorKey}，或添加到手机身份验证器）"
            : "  工作人员和管理员首次登录时按页面提示绑定身份验证器");

        Console.WriteLine("=========================================================");
        Console.WriteLine();
    }
}
