using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Cases;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Workbench;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Setup;

/// <summary>
/// The load-test data (<c>--seed-load</c>, <see cref="LoadData.SeedAsync"/>) on a small size, on SQLite and PostgreSQL:
/// the counts asked for, every case's history and deadlines as the portal itself would have written them, the
/// enterprises, names and ratings that belong to the cases, accounts that sign in through the real form, a counter a
/// new submission continues from, a settled state the deadline sweep finds nothing in, and a second run that adds nothing.
/// </summary>
public sealed class LoadDataTests
{
    private const int Cases = 120;
    private const int Open = 40;
    private const int Enterprises = 150;
    private const int Ratings = 200;
    private const int Applicants = 15;

    private static readonly LoadSize Small =
        LoadSize.Parse(["cases=120", "open=40", "staff=40", "enterprises=150", "ratings=200", "applicants=15"]);

    /// <summary>Seeds <see cref="Small"/> into the portal's fresh database; returns what the seeder wrote to its log.</summary>
    private static async Task<string> SeedAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        using var log = new StringWriter(CultureInfo.InvariantCulture);
        await LoadData.SeedAsync(scope.ServiceProvider, Small, log);
        return log.ToString();
    }

    private static DateTime Now(PortalFactory factory) => factory.Time.GetUtcNow().UtcDateTime;

    [Fact]
    public void Size_is_parsed_from_key_value_arguments_and_open_never_exceeds_cases()
    {
        Assert.Equal(new LoadSize(Cases, Open, 40, Enterprises, Ratings, Applicants), Small);

        // Keys in any case; arguments without '=' (the switch itself) are skipped; keys not given keep their default.
        var partly = LoadSize.Parse(["--seed-load", "CASES=500", "Ratings=7"]);
        Assert.Equal(LoadSize.Default with { Cases = 500, Open = 500, Ratings = 7 }, partly);
        Assert.Equal(LoadSize.Default, LoadSize.Parse([]));

        Assert.Equal(10, LoadSize.Parse(["cases=10", "open=50"]).Open);
        Assert.Equal(0, LoadSize.Parse(["cases=0"]).Open);
        Assert.Equal(3, LoadSize.Parse(["cases=10", "open=3"]).Open);

        // At least one applicant and ten staff (window, every department's reviewers, a supervisor).
        Assert.Equal(1, LoadSize.Parse(["applicants=0"]).Applicants);
        Assert.Equal(10, LoadSize.Parse(["staff=2"]).Staff);

        var unknown = Assert.Throws<ArgumentException>(() => LoadSize.Parse(["cases=10", "tickets=5"]));
        Assert.Contains("'tickets'", unknown.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Seeded_cases_are_open_or_closed_as_asked_with_their_whole_history_and_stored_deadlines(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var log = await SeedAsync(factory);
        var now = Now(factory);

        Assert.Contains($"Load data: {Cases} cases ({Open} open)", log);
        var cases = await factory.WithDb(db => db.Cases.AsNoTracking().Include(c => c.History).Include(c => c.SubItems).AsSplitQuery().ToListAsync());
        Assert.Equal(Cases, cases.Count);
        Assert.Equal(Cases, cases.Select(c => c.Number).Distinct().Count());
        Assert.All(cases, c => Assert.Equal(EstablishmentService.Code, c.ServiceCode));
        var open = cases.Where(c => !c.State.IsFinal()).ToList();
        var closed = cases.Where(c => c.State.IsFinal()).ToList();
        Assert.Equal(Open, open.Count);
        Assert.Equal(Cases - Open, closed.Count);

        // The open cases are spread over the steps: waiting for the window, waiting for a 补正, in the departments.
        Assert.Contains(open, c => c.State == CaseState.Submitted);
        Assert.Contains(open, c => c.State == CaseState.AwaitingSupplement);
        Assert.Contains(open, c => c.State == CaseState.InProgress);

        Assert.All(cases, c =>
        {
            var history = c.History.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            var first = history[0];
            Assert.True(first.Action == "Submit", $"{c.Number} starts with {first.Action}");
            Assert.Null(first.FromState);
            Assert.Equal(CaseState.Submitted, first.ToState);
            Assert.Equal(c.CreatedAt, first.At);
            Assert.Equal(c.ApplicantId, first.ActorId);
            Assert.Single(history, e => e.Action == "Submit");

            // Each transition leaves from the state the one before it reached; the last one reached the stored state.
            var transitions = history.Where(e => e.FromState is not null || e.Action == "Submit").ToList();
            for (var i = 1; i < transitions.Count; i++)
            {
                Assert.True(transitions[i].FromState == transitions[i - 1].ToState, $"{c.Number}: {transitions[i].Action} leaves {transitions[i].FromState}, but {transitions[i - 1].Action} reached {transitions[i - 1].ToState}");
            }

            Assert.Equal(c.State, transitions[^1].ToState);
            Assert.Equal(c.IsOverdue, history.Any(e => e.Action == "Overdue"));
        });

        // An open step has its stored deadline (75% mark included) unless a 补正 paused its clock.
        Assert.All(open, c =>
        {
            Assert.Null(c.ClosedAt);
            Assert.NotNull(c.StepStartedAt);
            if (c.State == CaseState.AwaitingSupplement)
            {
                Assert.NotNull(c.PausedAt);
                Assert.Null(c.StepDueAt);
                Assert.Equal(Roles.Applicant, c.HolderRole);
                Assert.False(string.IsNullOrWhiteSpace(c.SupplementItems));
            }
            else
            {
                Assert.True(c.StepDueAt is not null, $"{c.Number} ({c.State}) has no stored deadline");
                Assert.NotNull(c.StepWarnAt);
                Assert.True(c.StepWarnAt <= c.StepDueAt);
                Assert.Null(c.PausedAt);

                // Late steps are marked, steps not yet due are not.
                Assert.Equal(c.StepDueAt < now, c.IsOverdue);
            }

            if (c.State == CaseState.InProgress)
            {
                Assert.NotNull(c.AcceptedAt);
                Assert.Contains(c.SubItems, s => s.Synchronous && s.IsOpen);
            }
        });

        // A closed case was 办结 with every 同步 track done; the 单独办理 ones are left for later.
        Assert.All(closed, c =>
        {
            Assert.Equal(CaseState.Completed, c.State);
            Assert.NotNull(c.AcceptedAt);
            Assert.NotNull(c.ClosedAt);
            Assert.Null(c.StepDueAt);
            Assert.False(c.IsOverdue);
            Assert.Contains(c.SubItems, s => s.Synchronous);
            Assert.All(c.SubItems.Where(s => s.Synchronous), s => Assert.True(s.State == SubItemState.Done, $"{c.Number}: {s.Code} is {s.State}"));
            Assert.All(c.SubItems.Where(s => !s.Synchronous), s => Assert.Equal(SubItemState.Later, s.State));
        });

        // Every case has its application, closed with the case.
        var applications = await factory.WithDb(db => db.EstablishmentApplications.AsNoTracking().ToListAsync());
        Assert.Equal(Cases, applications.Count);
        Assert.All(cases, c =>
        {
            var application = Assert.Single(applications, a => a.CaseId == c.Id);
            Assert.Equal(c.ApplicantId, application.ApplicantId);
            Assert.Equal(c.State.IsFinal() ? ApplicationStatus.Closed : ApplicationStatus.Submitted, application.Status);
        });
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Enterprises_names_and_ratings_belong_to_the_seeded_cases(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);
        var now = Now(factory);
        var cases = await factory.WithDb(db => db.Cases.AsNoTracking().Include(c => c.History).ToListAsync());
        var enterprises = await factory.WithDb(db => db.Enterprises.AsNoTracking().ToListAsync());
        var applications = await factory.WithDb(db => db.EstablishmentApplications.AsNoTracking().ToListAsync());
        var reservations = await factory.WithDb(db => db.NameReservations.AsNoTracking().ToListAsync());

        // One enterprise per 办结 case, registered from its application; the rest were registered before the portal.
        Assert.Equal(Enterprises, enterprises.Count);
        var completed = cases.Where(c => c.State == CaseState.Completed).ToList();
        Assert.All(completed, c =>
        {
            var enterprise = Assert.Single(enterprises, e => e.CaseId == c.Id);
            var application = applications.Single(a => a.CaseId == c.Id);
            Assert.Equal(application.ProposedName, enterprise.Name);
            Assert.Equal(c.ApplicantId, enterprise.OwnerId);
        });
        var caseIds = cases.Select(c => c.Id).ToHashSet();
        Assert.All(enterprises.Where(e => e.CaseId != 0), e => Assert.Contains(completed, c => c.Id == e.CaseId));
        Assert.Equal(Enterprises - completed.Count, enterprises.Count(e => e.CaseId == 0));
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.CreditCode).Distinct().Count());
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.NormalizedName).Distinct().Count());

        // Every name is reserved once: the applications' (linked to them) and the older enterprises'.
        Assert.Equal(reservations.Count, reservations.Select(r => r.NormalizedName).Distinct().Count());
        Assert.All(applications, a =>
        {
            var reservation = Assert.Single(reservations, r => r.ApplicationId == a.Id);
            Assert.Equal(a.NormalizedName, reservation.NormalizedName);
        });
        var reserved = reservations.Select(r => r.NormalizedName).ToHashSet();
        Assert.All(enterprises, e => Assert.Contains(e.NormalizedName, reserved));

        // Ratings of steps that happened, at most one per step, given after the step and not in the future.
        var ratings = await factory.WithDb(db => db.Ratings.AsNoTracking().ToListAsync());
        Assert.NotEmpty(ratings);
        Assert.True(ratings.Count <= Ratings, $"{ratings.Count} ratings");
        Assert.Equal(ratings.Count, ratings.Select(r => r.SubjectKey).Distinct().Count());
        var byNumber = cases.ToDictionary(c => c.Number);
        Assert.All(ratings, r =>
        {
            Assert.True(r.CaseNumber is not null && byNumber.ContainsKey(r.CaseNumber), $"rating {r.Id} of unknown case {r.CaseNumber}");
            var c = byNumber[r.CaseNumber!];
            Assert.Equal(Rating.KeyFor(c.Number, r.Subject), r.SubjectKey);
            Assert.Equal(c.ServiceCode, r.ServiceCode);
            var step = r.Subject switch
            {
                RatingSubject.Acceptance => c.History.SingleOrDefault(e => e.Action is nameof(CaseTrigger.Accept) or nameof(CaseTrigger.AutoAccept)),
                RatingSubject.Processing => c.State.IsFinal() ? c.History.Single(e => e.ToState == c.State && e.FromState != c.State) : null,
                _ => null,
            };
            Assert.True(step is not null, $"rating {r.Id} ({r.Subject}) of {c.Number} ({c.State}): the step did not happen");
            Assert.True(r.CreatedAt > step.At, $"rating {r.Id} given at {r.CreatedAt:O}, before its step at {step.At:O}");
        });

        // Every 差评 has its follow-up, opened when it was given.
        var followUps = await factory.WithDb(db => db.RatingFollowUps.AsNoTracking().ToListAsync());
        Assert.Equal(ratings.Where(r => r.IsBad).Select(r => r.Id).Order(), followUps.Select(f => f.RatingId).Order());
        Assert.All(followUps, f => Assert.Equal(ratings.Single(r => r.Id == f.RatingId).CreatedAt, f.OpenedAt));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Nothing_seeded_happens_after_the_instant_of_seeding(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);
        var now = Now(factory);

        var late = new List<string>();
        void Check(string what, DateTime? at)
        {
            if (at > now)
            {
                late.Add($"{what} at {at:O}");
            }
        }

        foreach (var c in await factory.WithDb(db => db.Cases.AsNoTracking().Include(c => c.History).Include(c => c.SubItems).AsSplitQuery().ToListAsync()))
        {
            Check($"case {c.Number} created", c.CreatedAt);
            Check($"case {c.Number} closed", c.ClosedAt);
            c.History.ForEach(e => Check($"case {c.Number} {e.Action}", e.At));
            c.SubItems.ForEach(s => Check($"case {c.Number} track {s.Code} done", s.DoneAt));
        }

        foreach (var r in await factory.WithDb(db => db.Ratings.AsNoTracking().ToListAsync()))
        {
            Check($"rating {r.Id} ({r.CaseNumber} {r.Subject}) given", r.CreatedAt);
        }

        // A 差评 given days ago has gone as far through its loop as the days allow, not further.
        foreach (var f in await factory.WithDb(db => db.RatingFollowUps.AsNoTracking().ToListAsync()))
        {
            Check($"follow-up {f.Id} (rating {f.RatingId}) opened", f.OpenedAt);
            Check($"follow-up {f.Id} (rating {f.RatingId}) visited", f.VisitedAt);
            Check($"follow-up {f.Id} (rating {f.RatingId}) verified", f.VerifiedAt);
            Check($"follow-up {f.Id} (rating {f.RatingId}) result", f.ResultAt);
            Check($"follow-up {f.Id} (rating {f.RatingId}) closed", f.ClosedAt);
        }

        foreach (var e in await factory.WithDb(db => db.Enterprises.AsNoTracking().ToListAsync()))
        {
            Check($"enterprise {e.CreditCode} licensed", e.LicenceIssuedAt);
        }

        Assert.True(late.Count == 0, $"dated after the seeding instant {now:O}:\n{string.Join("\n", late)}");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Seeded_accounts_sign_in_through_the_login_form_and_an_applicant_sees_only_their_own_cases(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);

        using (var wrong = new HttpSession(factory))
        {
            var refused = await wrong.SignInAsync(LoadData.StaffUserName(0), "portal2025");
            Assert.False(refused.IsRedirect, refused.ToString());
        }

        // staff00001 is a window clerk: the workbench shows the cases waiting for the window.
        Assert.Equal("staff00001", LoadData.StaffUserName(0));
        using var staff = new HttpSession(factory);
        var signedIn = await staff.SignInAsync("staff00001", DemoData.Password);
        Assert.True(signedIn.IsRedirect, signedIn.ToString());
        var workbench = await staff.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.OK, workbench.Status);
        var clerk = await SeededUserAsync(factory, "staff00001", Roles.Window);
        var queue = await factory.SendAs(clerk, new Queue.Query());
        Assert.True(queue.Total > 0);
        Assert.StartsWith($"共 {queue.Total} 件", workbench.TestId("workbench-count"));

        // The last staff member is a supervisor; a reviewer is somewhere in between.
        using (var supervisor = new HttpSession(factory))
        {
            Assert.True((await supervisor.SignInAsync(LoadData.StaffUserName(39), DemoData.Password)).IsRedirect);
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/Workbench")).Status);
        }

        Assert.Equal("13900000001", LoadData.ApplicantUserName(0));
        using var applicant = new HttpSession(factory);
        Assert.True((await applicant.SignInAsync("13900000001", DemoData.Password)).IsRedirect);
        var mine = await applicant.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        var user = await SeededUserAsync(factory, "13900000001", Roles.Applicant);
        var cases = await factory.WithDb(db => db.Cases.AsNoTracking().Select(c => new { c.Number, c.ApplicantId }).ToListAsync());
        var own = cases.Where(c => c.ApplicantId == user.Id).Select(c => c.Number).ToList();
        Assert.Equal(Cases / Applicants, own.Count);
        var shown = mine.Html.Document.QuerySelectorAll("[href^='/Cases/']").Select(e => e.GetAttribute("href")!["/Cases/".Length..]).Where(n => !n.Contains('#')).Distinct().ToList();
        Assert.Equal(own.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.All(cases.Where(c => c.ApplicantId != user.Id), c => Assert.DoesNotContain(c.Number, mine.Body));

        // Another applicant's case is not found for them.
        var other = cases.First(c => c.ApplicantId != user.Id).Number;
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Cases/{other}")).Status);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_new_submission_after_seeding_continues_the_number_counter(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);
        var seeded = (await factory.WithDb(db => db.Cases.AsNoTracking().Select(c => c.Number).ToListAsync())).ToHashSet();
        var counter = await factory.WithDb(db => db.NumberSequences.AsNoTracking().SingleAsync(s => s.Key == EstablishmentService.Definition.NumberPrefix));
        Assert.Equal(Cases, counter.Next);

        using var session = new HttpSession(factory);
        Assert.True((await session.SignInAsync(LoadData.ApplicantUserName(0), DemoData.Password)).IsRedirect);
        var form = await session.GetAsync("/Establishment/Apply");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var submitted = await session.PostAsync("/Establishment/Apply?handler=Submit", [(HttpSession.TokenField, form.Token()!), .. ApplyForm("枣庄青禾科技有限公司")]);

        Assert.True(submitted.IsRedirect, submitted.ToString());
        var number = submitted.RedirectPath!["/Cases/".Length..];
        Assert.DoesNotContain(number, seeded);
        Assert.EndsWith($"-{Cases + 1:D6}", number);
        Assert.StartsWith($"{EstablishmentService.Definition.NumberPrefix}-20261123-", number);
        var page = await session.GetAsync(submitted.RedirectPath!);
        Assert.Equal(number, page.TestId("case-number"));
        Assert.Equal(Cases + 1, await factory.WithDb(db => db.Cases.CountAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_deadline_sweep_right_after_seeding_finds_nothing_to_mark_or_warn(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);
        var before = await StateAsync(factory);
        Assert.Contains(before.Cases, c => c.IsOverdue);

        var marked = await factory.Services.GetRequiredService<DeadlineSweeper>().SweepOnceAsync(CancellationToken.None);

        Assert.Equal(0, marked);
        var after = await StateAsync(factory);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(before.Notifications, after.Notifications);
        Assert.Equal(before.Cases, after.Cases);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Seeding_a_second_time_adds_nothing(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await SeedAsync(factory);
        var first = await CountsAsync(factory);

        var log = await SeedAsync(factory);

        Assert.Contains("Load data is already there; nothing done.", log);
        Assert.Equal(first, await CountsAsync(factory));
        Assert.Equal((Cases, Enterprises), (first.Cases, first.Enterprises));
    }

    /// <summary>The 一表申请 as the browser posts it: a catering company (needs a permit, so it waits for the window).</summary>
    private static (string, string)[] ApplyForm(string name) =>
    [
        ("Data.ProposedName", name),
        ("Data.Type", nameof(EnterpriseType.LimitedLiability)),
        ("Data.RegisteredCapital", "100"),
        ("Data.Address", "山东省枣庄市市中区光明路1号"),
        ("Data.ScopeCodes", "catering"),
        ("Data.LegalRepresentative", "张明"),
        ("Data.LegalRepresentativeIdNumber", EstablishmentSteps.LegalRepresentativeId),
        ("Data.Investors[0].Name", "张明"),
        ("Data.Investors[0].IdentityNumber", EstablishmentSteps.LegalRepresentativeId),
        ("Data.Investors[0].SharePercent", "100"),
        .. EstablishmentSteps.UsualSynchronousItems.Select(i => ("Data.SynchronousItems", i)),
        ("Data.SealDelivery", nameof(SealDelivery.PickUp)),
        ("Data.ContactName", "张明"),
        ("Data.ContactPhone", "13800000001"),
    ];

    private static async Task<TestUser> SeededUserAsync(PortalFactory factory, string userName, string role)
    {
        var user = await factory.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));
        return new TestUser(user.Id, user.FullName, userName, [role]);
    }

    private sealed record CaseMark(string Number, long Version, bool IsOverdue, DateTime? WarnedStepAt, DateTime? StepDueAt);

    private static Task<(int Events, int Notifications, List<CaseMark> Cases)> StateAsync(PortalFactory factory) =>
        factory.WithDb(async db => (
            await db.CaseEvents.CountAsync(),
            await db.Notifications.CountAsync(),
            await db.Cases.AsNoTracking().OrderBy(c => c.Number).Select(c => new CaseMark(c.Number, c.Version, c.IsOverdue, c.WarnedStepAt, c.StepDueAt)).ToListAsync()));

    private static Task<(int Users, int Cases, int Events, int SubItems, int Applications, int Reservations, int Enterprises, int Ratings, int FollowUps)> CountsAsync(PortalFactory factory) =>
        factory.WithDb(async db => (
            await db.Users.CountAsync(),
            await db.Cases.CountAsync(),
            await db.CaseEvents.CountAsync(),
            await db.SubItems.CountAsync(),
            await db.EstablishmentApplications.CountAsync(),
            await db.NameReservations.CountAsync(),
            await db.Enterprises.CountAsync(),
            await db.Ratings.CountAsync(),
            await db.RatingFollowUps.CountAsync()));
}
