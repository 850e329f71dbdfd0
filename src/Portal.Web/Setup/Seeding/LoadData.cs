using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Setup.Seeding;

/// <summary>
/// Load-test data (<c>--seed-load</c>): a year of a busy hall — staff, applicants, 企业开办 cases (most closed, the open
/// ones spread over their steps), the enterprises they registered plus older ones, their names reserved, and ratings.
/// Every case is built with the domain's own operations (submit, 受理, the parallel tracks, 办结, the overdue mark) at
/// the instant each happened, so its history, deadlines and tracks are what the portal itself would have written; the
/// rows are then saved in large batches instead of one request each. Deterministic (fixed random seed). Accounts:
/// staff <c>staff00001…</c>, applicants <c>1390000001…</c>, all with the demo password.
/// </summary>
public static class LoadData
{
    public const string StaffPrefix = "staff";

    public const string ApplicantPrefix = "139";

    private const int Batch = 2_000;

    private static readonly char[] NameChars =
        [.. "华鑫瑞恒泰丰盛源达博嘉宏信德隆昌安顺祥和美康宁兴汇通聚成东方金鼎豪睿智远航启明润泽天宇合益佳卓越翔晟"];

    private static readonly string[] Trades =
        ["科技", "商贸", "餐饮", "物流", "建材", "文化传媒", "信息技术", "食品", "机械", "电子", "农业", "广告", "咨询", "医药", "纺织", "印刷", "旅游", "物业", "教育咨询", "环保"];

    private static readonly string[][] Scopes =
        [["tech", "software"], ["daily-goods", "office-supplies"], ["catering", "food-sales"], ["freight", "warehousing"], ["daily-goods"]];

    /// <summary>The enterprise name with the given index: unique for every index below 50³ × 20 = 2,500,000.</summary>
    public static string EnterpriseName(int index)
    {
        var n = NameChars.Length;
        var core = new string([NameChars[index % n], NameChars[index / n % n], NameChars[index / (n * n) % n]]);
        return $"枣庄{core}{Trades[index / (n * n * n) % Trades.Length]}有限公司";
    }

    public static string StaffUserName(int index) => $"{StaffPrefix}{index + 1:D5}";

    public static string ApplicantUserName(int index) => $"{ApplicantPrefix}{index + 1:D8}";

    public static async Task SeedAsync(IServiceProvider services, LoadSize size, TextWriter log, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        if (await db.Users.AnyAsync(u => u.UserName == StaffUserName(0), cancellationToken))
        {
            // A data set copied from a smaller one grows by its archive only (scripts/load.sh reuses the 100,000-case set).
            var missing = size.Cases + size.Archive - await db.Cases.CountAsync(c => c.Number.StartsWith(EstablishmentService.Definition.NumberPrefix), cancellationToken);
            if (size.Archive > 0 && missing > 0)
            {
                await CopyClosedCasesAsync(db, missing, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(ProviderSql.UpdateStatistics(ProviderSql.Of(db.Database)), cancellationToken);
                log.WriteLine($"Load data: {missing:N0} archived cases copied.");
                return;
            }

            log.WriteLine("Load data is already there; nothing done.");
            return;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var watch = Stopwatch.StartNew();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var clock = await services.GetRequiredService<CalendarService>().GetClockAsync(cancellationToken);
        var promises = await services.GetRequiredService<PromiseService>().GetAsync(cancellationToken);
        var service = services.GetRequiredService<ServiceCatalog>().Get(EstablishmentService.Code);
        var random = new Random(20261130);
        var rectification = await Features.Ratings.RatingStore.RectificationLimitAsync(services.GetRequiredService<PromiseService>(), cancellationToken);

        var (staff, applicants) = await SeedUsersAsync(db, size, now, cancellationToken);
        log.WriteLine($"  {staff.Count:N0} staff and {applicants.Count:N0} applicants ({watch.Elapsed.TotalSeconds:F0} s)");

        var builder = new CaseBuilder(clock, promises, service, staff, random, now);
        var ratings = 0;
        var enterprises = 0;
        var sequence = await db.NumberSequences.Where(s => s.Key == service.NumberPrefix).Select(s => s.Next).SingleAsync(cancellationToken);
        var creditSequence = await db.NumberSequences.Where(s => s.Key == ReferenceData.CreditCodeSequence).Select(s => s.Next).SingleAsync(cancellationToken);
        var region = PolicyProfiles.Find(promises.ProfileCode)?.RegionCode ?? PolicyProfiles.Default.RegionCode;
        var saveTime = TimeSpan.Zero;
        var ratingsPerCase = size.Cases == 0 ? 0 : (double)size.Ratings / size.Cases;
        for (var start = 0; start < size.Cases; start += Batch)
        {
            var made = new List<(Case Case, EstablishmentApplication Application)>();
            for (var i = start; i < Math.Min(size.Cases, start + Batch); i++)
            {
                var open = i >= size.Cases - size.Open;
                var applicant = applicants[i % applicants.Count];
                var application = NewApplication(EnterpriseName(i), applicant, i);
                var c = builder.Build(service.NumberPrefix, ++sequence, application, applicant, open);
                application.Status = c.State.IsFinal() ? ApplicationStatus.Closed : ApplicationStatus.Submitted;
                db.Cases.Add(c);
                db.EstablishmentApplications.Add(application);
                made.Add((c, application));
            }

            var saveWatch = Stopwatch.StartNew();
            await db.SaveChangesAsync(cancellationToken);
            saveTime += saveWatch.Elapsed;
            foreach (var (index, (c, application)) in made.Index())
            {
                application.CaseId = c.Id;
                db.Entry(application).Property(a => a.CaseId).IsModified = true;
                db.NameReservations.Add(new NameReservation { NormalizedName = application.NormalizedName, Name = application.ProposedName, ApplicationId = application.Id, ReservedAt = c.CreatedAt });
                if (c.State == CaseState.Completed && enterprises < size.Enterprises)
                {
                    var code = CreditCodes.Issue(application.Type, region, ++creditSequence);
                    db.Enterprises.Add(Enterprise.Register(code, application.ToDetails(), c.ApplicantId, c.Id, clock.LocalDate(c.ClosedAt!.Value), c.ClosedAt.Value));
                    enterprises++;
                }

                // Ratings: 受理 once accepted, 办理 once closed, as far as the wanted number per case goes.
                var wanted = (int)Math.Round(ratingsPerCase * (start + index + 1)) - ratings;
                foreach (var subject in RatableSubjects(c).Take(Math.Max(0, wanted)))
                {
                    AddRating(db, builder, c, subject, random, clock, rectification);
                    ratings++;
                }
            }

            saveWatch.Restart();
            await db.SaveChangesAsync(cancellationToken);
            saveTime += saveWatch.Elapsed;
            db.ChangeTracker.Clear();
            if ((start / Batch) % 10 == 9 || start + Batch >= size.Cases)
            {
                log.WriteLine($"  {Math.Min(size.Cases, start + Batch):N0} cases, {ratings:N0} ratings ({watch.Elapsed.TotalSeconds:F0} s, saving {saveTime.TotalSeconds:F0} s)");
            }
        }

        // Enterprises registered before the portal kept its records: their names are taken all the same.
        for (var start = size.Cases; enterprises < size.Enterprises; start += Batch)
        {
            for (var i = start; i < start + Batch && enterprises < size.Enterprises; i++)
            {
                var owner = applicants[i % applicants.Count];
                var application = NewApplication(EnterpriseName(i), owner, i);
                var established = now.AddDays(-400 - random.Next(3_000));
                db.Enterprises.Add(Enterprise.Register(CreditCodes.Issue(application.Type, region, ++creditSequence), application.ToDetails(), owner.Id, 0, clock.LocalDate(established), established));
                db.NameReservations.Add(new NameReservation { NormalizedName = application.NormalizedName, Name = application.ProposedName, ReservedAt = established });
                enterprises++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await db.NumberSequences.Where(s => s.Key == service.NumberPrefix).ExecuteUpdateAsync(u => u.SetProperty(s => s.Next, sequence), cancellationToken);
        await db.NumberSequences.Where(s => s.Key == ReferenceData.CreditCodeSequence).ExecuteUpdateAsync(u => u.SetProperty(s => s.Next, creditSequence), cancellationToken);

        // The yellow warnings of steps that passed 75% before now were sent then: the sweep starts from a settled state.
        await db.Cases.Where(c => !c.IsOverdue && c.StepWarnAt != null && c.StepWarnAt <= now && c.ClosedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.WarnedStepAt, c => c.StepStartedAt), cancellationToken);
        if (size.Archive > 0)
        {
            await CopyClosedCasesAsync(db, size.Archive, cancellationToken);
            log.WriteLine($"  {size.Archive:N0} archived cases copied ({watch.Elapsed.TotalSeconds:F0} s)");
        }

        // Fresh statistics for the query planners.
        await db.Database.ExecuteSqlRawAsync(ProviderSql.UpdateStatistics(ProviderSql.Of(db.Database)), cancellationToken);

        log.WriteLine($"Load data: {size.Cases:N0} cases ({size.Open:N0} open), {enterprises:N0} enterprises, {ratings:N0} ratings, {staff.Count:N0} staff, {applicants.Count:N0} applicants in {watch.Elapsed.TotalSeconds:F0} s.");
    }

    /// <summary>
    /// Grows the case table to millions quickly (archive=N): copies of the closed cases just built — the case rows with
    /// a new number (the original's plus "-A01", "-A02" …) and new keys, without their history and tracks — made by
    /// INSERT … SELECT in the database instead of one object at a time. Closed cases are what a hall accumulates; the
    /// open work is built case by case (open=N), so it grows with the hall too. Closed cases hold no work-queue rows.
    /// </summary>
    private static async Task CopyClosedCasesAsync(PortalDbContext db, int count, CancellationToken cancellationToken)
    {
        var closedIds = await db.Cases.Where(c => c.ClosedAt != null && !c.Number.Contains("-A")).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        if (closedIds.Count == 0)
        {
            return;
        }

        var maxId = await db.Cases.MaxAsync(c => c.Id, cancellationToken);
        for (var copy = 1; count > 0; copy++)
        {
            var take = Math.Min(count, closedIds.Count);
            foreach (var statement in ArchiveCopyStatements(db, closedIds[take - 1], maxId * copy, copy))
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }

            count -= take;
        }

        // Keys were given explicitly: the identity sequence continues after them (by itself on SQLite and SQL Server).
        if (ProviderSql.ContinueKeys(ProviderSql.Of(db.Database), "Cases", "Id") is { } continueKeys)
        {
            await db.Database.ExecuteSqlRawAsync(continueKeys, cancellationToken);
        }
    }

    /// <summary>
    /// One copy of the closed cases up to <paramref name="lastId"/> (the case rows), in the
    /// context's SQL dialect. Every name and number in these statements comes from the EF model or from integers
    /// computed here.
    /// </summary>
    internal static IReadOnlyList<string> ArchiveCopyStatements(PortalDbContext db, long lastId, long offset, int copy)
    {
        var provider = ProviderSql.Of(db.Database);
        var sql = db.GetService<ISqlGenerationHelper>();
        string Q(string name) => sql.DelimitIdentifier(name);
        List<string> Columns(Type entity, bool withId) =>
            db.Model.FindEntityType(entity)!.GetProperties().Select(p => p.GetColumnName()).Where(c => withId || c != "Id").ToList();
        var source = $"{Q("Id")} <= {lastId} AND {Q("ClosedAt")} IS NOT NULL AND {Q("Number")} NOT LIKE '%-A%'";
        var cases = Columns(typeof(Case), withId: true);
        var copied = cases.Select(c => c switch
        {
            "Id" => $"{Q("Id")} + {offset}",
            "Number" => ProviderSql.Concat(provider, Q("Number"), $"'-A{copy:D2}'"),
            _ => Q(c),
        });
        var statements = new List<string>
        {
            ProviderSql.WithExplicitKeys(
                provider,
                Q("Cases"),
                $"INSERT INTO {Q("Cases")} ({string.Join(", ", cases.Select(Q))}) SELECT {string.Join(", ", copied)} FROM {Q("Cases")} WHERE {source}"),
        };
        // The history and tracks of the copies are left out: with them a million cases took 5 GB per database, more
        // than the shared test machine's disk holds twice, and no measured page reads an archived case's history.
        return statements;
    }

    private static IEnumerable<RatingSubject> RatableSubjects(Case c)
    {
        if (c.AcceptedAt is not null)
        {
            yield return RatingSubject.Acceptance;
        }

        if (c.State.IsFinal())
        {
            yield return RatingSubject.Processing;
        }
    }

    private static void AddRating(PortalDbContext db, CaseBuilder builder, Case c, RatingSubject subject, Random random, DeadlineClock clock, Portal.Workflow.TimeLimit rectification)
    {
        var step = subject == RatingSubject.Acceptance
            ? c.History.First(e => e.Action is nameof(CaseTrigger.Accept) or nameof(CaseTrigger.AutoAccept))
            : c.History.Last(e => e.ToState.IsFinal());
        var staff = builder.StaffById(step.ActorId) ?? builder.StaffById(c.OwnerId);
        // About 2% 差评, 8% 基本满意, the rest 满意 or better (the level of the demo city's reports).
        var roll = random.Next(100);
        var level = roll < 1 ? RatingLevel.VeryDissatisfied : roll < 2 ? RatingLevel.Dissatisfied : roll < 10 ? RatingLevel.Basic : roll < 45 ? RatingLevel.Satisfied : RatingLevel.VerySatisfied;
        // Rated within two days of the step, and never after the seeding instant.
        var at = step.At.AddHours(1 + random.Next(48));
        at = at < builder.Now ? at : builder.Now;
        var anonymous = random.Next(4) == 0;
        var rating = Rating.Give(
            new Rating.Target(subject, c.Number, null, c.ServiceCode, builder.Service.Department.ToString(), staff?.WindowNumber, staff?.Id, staff?.FullName),
            RatingScale.Online.ToDictionary(i => i.Code, _ => level),
            level.IsBad() ? "等待时间过长，材料要求没有一次说清。" : null,
            new Rating.Rater(c.ApplicantId, c.ApplicantName, null, anonymous),
            AccessCodes.New(),
            at);
        db.Ratings.Add(rating);
        if (rating.IsBad)
        {
            var followUp = RatingFollowUp.Open(rating, clock, rectification, at);
            var supervisor = builder.Supervisor;
            var args = new RatingFollowUp.Args(Text: "已核实并整改：窗口增加一次性告知清单。", Finding: Finding.True, Satisfaction: RectificationSatisfaction.Satisfied);
            foreach (var (trigger, days) in new[] { (FollowUpTrigger.RecordVisit, 1), (FollowUpTrigger.Verify, 2), (FollowUpTrigger.Rectify, 5), (FollowUpTrigger.RaterResponds, 6) })
            {
                var isRater = trigger == FollowUpTrigger.RaterResponds;
                var actor = isRater ? new CaseActor(c.ApplicantId, c.ApplicantName, new HashSet<string> { Roles.Applicant }) : supervisor;
                if (at.AddDays(days) > builder.Now)
                {
                    break; // the follow-up is still under way
                }

                var machine = followUp.Machine(actor, isRater, at.AddDays(days), args);
                if (machine.CanFire(trigger))
                {
                    machine.Fire(trigger);
                }
            }

            db.RatingFollowUps.Add(followUp);
        }
    }

    private static EstablishmentApplication NewApplication(string name, PortalUser applicant, int index) => new()
    {
        ApplicantId = applicant.Id,
        FiledById = applicant.Id,
        ProposedName = name,
        NormalizedName = EnterpriseNames.Normalize(name),
        Type = EnterpriseType.LimitedLiability,
        RegisteredCapital = 10 + index % 500,
        Address = $"山东省枣庄市市中区光明路{index % 900 + 1}号",
        ScopeCodes = string.Join(',', Scopes[index % Scopes.Length]),
        LegalRepresentative = applicant.FullName,
        LegalRepresentativeIdNumber = applicant.IdNumber!,
        ContactName = applicant.FullName,
        ContactPhone = applicant.PhoneNumber!,
        SealDelivery = SealDelivery.PickUp,
        SynchronousItems = string.Join(',', EstablishmentCatalog.Items.Where(i => i.Code != "employment").Select(i => i.Code)),
        Investors = [new Investor { Name = applicant.FullName, IdentityNumber = applicant.IdNumber!, SharePercent = 100 }],
        CreatedAt = DateTime.UnixEpoch,
        UpdatedAt = DateTime.UnixEpoch,
    };

    private static async Task<(List<StaffMember> Staff, List<PortalUser> Applicants)> SeedUsersAsync(PortalDbContext db, LoadSize size, DateTime now, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        // One hash for every load account: hashing 22,000 passwords one by one would take minutes and prove nothing.
        var hash = new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), DemoData.Password);
        var reviewerRoles = Departments.All.Select(d => d.ReviewerRole()).ToList();
        PortalUser NewUser(string userName, string name, UserKind kind) => new()
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            FullName = name,
            Kind = kind,
            PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = now,
        };

        var staff = new List<StaffMember>();
        for (var i = 0; i < size.Staff; i++)
        {
            // 40% window staff, 55% departments' reviewers, 5% supervisors.
            var share = i * 100 / size.Staff;
            var role = share < 40 ? Roles.Window : share < 95 ? reviewerRoles[i % reviewerRoles.Count] : Roles.Supervisor;
            var user = NewUser(StaffUserName(i), $"工作人员{i + 1:D4}", UserKind.Staff);
            // A hall of 120 windows staffed in shifts: window staff share window numbers.
            user.WindowNumber = role == Roles.Window ? $"W{i % 120 + 1:D3}" : null;
            staff.Add(new StaffMember(user, role));
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var applicants = new List<PortalUser>();
        for (var i = 0; i < size.Applicants; i++)
        {
            var userName = ApplicantUserName(i);
            var user = NewUser(userName, $"申请人{i + 1:D5}", i % 2 == 0 ? UserKind.Enterprise : UserKind.Citizen);
            user.PhoneNumber = userName;
            user.IdNumber = ResidentIdNumber.Create($"370402{1960 + i % 40}{i % 12 + 1:D2}{i % 28 + 1:D2}{i % 1000:D3}");
            applicants.Add(user);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Applicant] });
            if (i % Batch == Batch - 1)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (staff, applicants);
    }

    private sealed record StaffMember(PortalUser User, string Role);

    /// <summary>Builds one case through its life with the domain's operations, each at the instant it happened.</summary>
    private sealed class CaseBuilder(DeadlineClock clock, PromiseTable promises, ServiceDefinition service, List<StaffMember> staff, Random random, DateTime now)
    {
        private readonly Dictionary<string, PortalUser> byId = staff.ToDictionary(s => s.User.Id, s => s.User);
        private readonly List<PortalUser> windows = staff.Where(s => s.Role == Roles.Window).Select(s => s.User).ToList();
        private readonly Dictionary<Department, List<PortalUser>> reviewers =
            Departments.All.ToDictionary(d => d, d => staff.Where(s => s.Role == d.ReviewerRole()).Select(s => s.User).ToList());
        private readonly CaseActions actions = new([]);

        public ServiceDefinition Service => service;

        /// <summary>The seeding instant: nothing is dated after it.</summary>
        public DateTime Now => now;

        public CaseActor Supervisor { get; } = Actor(staff.First(s => s.Role == Roles.Supervisor).User, Roles.Supervisor);

        public PortalUser? StaffById(string? id) => id is not null && byId.TryGetValue(id, out var user) ? user : null;

        public Case Build(string numberPrefix, long sequence, EstablishmentApplication application, PortalUser applicant, bool open)
        {
            // Closed cases were filed over the past year; open ones recently: those waiting for the window within a day,
            // those in the departments within four days, those waiting for a supplement within ten.
            var stage = open ? random.Next(10) : 10;
            var age = !open ? TimeSpan.FromDays(30 + random.Next(335)) : TimeSpan.FromMinutes(stage < 4 ? random.Next(1_440) : stage == 4 ? random.Next(14_400) : 1_440 + random.Next(4_320));
            var filed = OfficeInstant(now - age);
            var applicantActor = new CaseActor(applicant.Id, applicant.FullName, new HashSet<string> { Roles.Applicant });
            var number = CaseNumbers.Format(numberPrefix, clock.LocalDate(filed), sequence);
            var c = Case.Submit(number, $"{application.ProposedName} 设立登记", (applicant.Id, applicant.FullName), Channel.Online, Context(applicantActor, filed));
            foreach (var item in EstablishmentCatalog.Items)
            {
                c.AddSubItem(new SubItem(item.Code, item.Label, item.Department, application.SynchronousItemList.Contains(item.Code)));
            }

            application.CreatedAt = application.UpdatedAt = filed;
            var window = windows[random.Next(windows.Count)];
            var at = clock.AddOfficeMinutes(filed, 30 + random.Next(600));
            if (stage < 4 || at > now)
            {
                return Finish(c); // waiting for the window (受理)
            }

            if (stage == 4)
            {
                Fire(c, CaseTrigger.RequestSupplement, window, Roles.Window, at, new CaseActionArgs { Reason = "1. 住所使用证明\n2. 股东会决议" });
                return Finish(c);
            }

            Fire(c, CaseTrigger.Accept, window, Roles.Window, at, null);
            var tracks = c.SubItems.Where(s => s.Synchronous).ToList();
            foreach (var item in tracks)
            {
                var reviewer = Pick(reviewers[item.Department]);
                var done = clock.AddOfficeMinutes(at, 60 + random.Next(open ? 3_000 : 1_200));
                // An open case keeps its first track (and some others) with the department.
                if (done > now || (open && (item == tracks[0] || random.Next(3) == 0)))
                {
                    continue; // still with the department
                }

                var context = Context(Actor(reviewer, item.Department.ReviewerRole()), done);
                actions.FireSubItemAsync(c, item, SubItemTrigger.Start, context, null, CancellationToken.None).GetAwaiter().GetResult();
                actions.FireSubItemAsync(c, item, SubItemTrigger.Complete, context, null, CancellationToken.None).GetAwaiter().GetResult();
                at = done > at ? done : at;
            }

            return Finish(c);
        }

        private Case Finish(Case c)
        {
            c.MarkOverdue(now);
            return c;
        }

        private void Fire(Case c, CaseTrigger trigger, PortalUser who, string role, DateTime at, CaseActionArgs? args)
        {
            actions.FireAsync(c, trigger, Context(Actor(who, role), at), args, CancellationToken.None).GetAwaiter().GetResult();
        }

        private PortalUser Pick(List<PortalUser> people) => people.Count > 0 ? people[random.Next(people.Count)] : windows[0];

        private static CaseActor Actor(PortalUser user, string role) => new(user.Id, user.FullName, new HashSet<string> { role });

        private CaseActionContext Context(CaseActor actor, DateTime at) => new(actor, at, clock, promises.Limit, service) { WholeProcess = promises.WholeProcess };

        /// <summary>An instant within office hours on the working day on or after the given one.</summary>
        private DateTime OfficeInstant(DateTime utc)
        {
            var day = clock.LocalDate(utc);
            day = clock.Calendar.IsWorkingDay(day) ? day : clock.Calendar.NextWorkingDay(day);
            var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(random.Next(420));
            var instant = clock.ToUtc(local);
            return instant > now ? now.AddMinutes(-random.Next(1, 60)) : instant;
        }
    }
}
