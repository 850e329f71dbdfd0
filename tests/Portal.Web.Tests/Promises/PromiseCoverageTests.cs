using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Deregistration;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Profiles;
using Portal.Web.Features;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Promises;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Support;
using Portal.Workflow;

namespace Portal.Web.Tests.Promises;

/// <summary>
/// Issue 15: every limit the workflows enforce is on /Promises, and every limit on /Promises is enforced. For each
/// profile, every service the portal runs (ServiceRegistry) is walked through its workflow — 企业开办 with each promise an
/// application can get, each 注销 route, every 报装 classification the data can produce — with a limits function that
/// records each key the workflow asks for; the 差评 follow-up's limit is read through the code the follow-up uses. The
/// recorded keys must be exactly the profile's promise table, both ways.
/// </summary>
public sealed class PromiseCoverageTests
{
    public static TheoryData<string> Profiles => new(PolicyProfiles.All.Select(p => p.Code));

    /// <summary>The keys the case workflows ask for under a profile.</summary>
    private static HashSet<string> EnforcedByCaseWorkflows(PolicyProfile profile)
    {
        var asked = new HashSet<string>();
        TimeLimit? Limits(string key)
        {
            asked.Add(key);
            return profile.Find(key)?.Limit;
        }

        bool Whole(string key) => profile.Find(key)?.WholeProcess == true;
        foreach (var service in ServiceRegistry.Definitions)
        {
            if (service.Code == EstablishmentService.Code || EstablishmentService.IsAddon(service.Code))
            {
                // An application gets the 一般性 promise or the whole one (EstablishmentPromise.For decides at submission).
                foreach (var general in new[] { true, false })
                {
                    var key = EstablishmentPromises.KeyFor(profile.Find(PromiseKeys.EstablishmentGeneral) is not null, general);
                    CaseWorkflow.Describe(service with { ProcessLimitKey = service.Code == EstablishmentService.Code ? key : service.ProcessLimitKey }, Limits, null, Whole);
                }
            }
            else if (DeregistrationService.IsDeregistration(service.Code))
            {
                foreach (var route in Enum.GetValues<DeregistrationRoute>().Where(r => DeregistrationService.For(r) == service))
                {
                    var application = route switch
                    {
                        DeregistrationRoute.Simple => DeregistrationApplication.Simple(1, "", "", [], "", DateTime.UnixEpoch),
                        DeregistrationRoute.Ordinary => DeregistrationApplication.Ordinary(1, "", "", "", "", "", DateTime.UnixEpoch, DateTime.UnixEpoch),
                        _ => DeregistrationApplication.ByAuthority(1, "", "", route, "依法除名", DateTime.UnixEpoch),
                    };
                    CaseWorkflow.Describe(service, Limits, new DeregistrationFlow(application), Whole);
                }
            }
            else if (ConnectionService.IsParent(service.Code))
            {
                CaseWorkflow.Describe(service, Limits, new ParentConnectionFlow(() => false), Whole);
            }
            else
            {
                var utility = Utilities.All.Single(u => ConnectionService.Child(u) == service);
                foreach (var (customer, data, major) in EveryConnection(utility))
                {
                    var application = new ConnectionApplication("a", customer, null, null, "", "", DateTime.UnixEpoch);
                    var request = new UtilityRequest(application, utility, data, ConnectionClassifier.Classify(utility, customer, data, major));
                    application.Requests.Add(request);
                    CaseWorkflow.Describe(service, Limits, new UtilityConnectionFlow(request), Whole);
                }
            }
        }

        return asked;
    }

    /// <summary>Every combination of the technical data that decides a classification, where the data is valid.</summary>
    private static IEnumerable<(CustomerKind, TechnicalData, bool)> EveryConnection(Utility utility)
    {
        var bools = new[] { false, true };
        foreach (var customer in Enum.GetValues<CustomerKind>())
        {
            foreach (var major in bools)
            {
                foreach (var works in bools)
                {
                    var candidates = utility switch
                    {
                        Utility.Power =>
                            from voltage in Enum.GetValues<VoltageLevel>()
                            from kw in new[] { 100m, 2_000m }
                            from line in new[] { 150m, 300m }
                            from sanLing in bools
                            from noParty in bools
                            from dual in bools
                            from road in bools
                            select new TechnicalData
                            {
                                CapacityKw = kw, Voltage = voltage, LineLengthM = works ? line : null, ExternalWorks = works,
                                SanLing = sanLing, NoInterestedParty = noParty, DualSupply = dual, RoadOrTreeWorks = road,
                            },
                        Utility.Water => from pipe in new[] { 100m, 300m } select new TechnicalData { DiameterMm = 50, ExternalWorks = works, PipeLengthM = works ? pipe : null },
                        Utility.Gas => [new TechnicalData { GasCubicMetresPerMonth = 500 }],
                        Utility.Heat => [new TechnicalData { HeatAreaM2 = 1_000 }],
                        _ => [new TechnicalData { TelecomBandwidthMbps = 100 }],
                    };
                    foreach (var data in candidates.Where(d => d.Problems(utility).Count == 0))
                    {
                        yield return (customer, data, major);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_limit_a_case_workflow_enforces_is_in_the_promise_table(string code)
    {
        var profile = PolicyProfiles.Find(code)!;

        var missing = EnforcedByCaseWorkflows(profile).Where(key => profile.Find(key) is null).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_limit_in_the_promise_table_is_enforced(string code)
    {
        var profile = PolicyProfiles.Find(code)!;
        var enforced = EnforcedByCaseWorkflows(profile);
        enforced.Add(PromiseKeys.RatingRectification); // by the 差评 follow-up: checked through its own code below

        var unenforced = profile.Promises.Select(p => p.Key).Where(key => !enforced.Contains(key)).ToList();

        Assert.Empty(unenforced);
    }

    /// <summary>The 差评 follow-up's deadline comes from the promise table's row (whatever the administrator set).</summary>
    [Fact]
    public async Task The_bad_rating_follow_up_reads_its_limit_from_the_promise_table()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Domain.Organisation.Roles.Admin);
        var row = await factory.WithDb(db => Task.FromResult(db.PromiseLimits.Single(p => p.ProfileCode == PolicyProfiles.Default.Code && p.Key == PromiseKeys.RatingRectification)));
        await factory.SendAs(admin, new EditLimit.Command { Id = row.Id, Amount = 4, Unit = TimeUnit.WorkingDays, Version = row.Version });

        var limit = await factory.Service(services => RatingStore.RectificationLimitAsync(services.GetRequiredService<PromiseService>(), CancellationToken.None));

        Assert.Equal(TimeLimit.WorkingDays(4), limit);
    }

    /// <summary>/Promises lists exactly the active profile's rows, so what the walk checks is what people read.</summary>
    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task The_public_promise_list_shows_exactly_the_profiles_promises(string code)
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Domain.Organisation.Roles.Admin);
        await factory.SendAs(admin, new SwitchProfile.Command { Profile = code });

        var list = await factory.SendAs(null, new PromiseList.Query());

        Assert.Equal(PolicyProfiles.Find(code)!.Promises.Select(p => p.Key), list.Rows.Select(r => r.Key));
    }
}
