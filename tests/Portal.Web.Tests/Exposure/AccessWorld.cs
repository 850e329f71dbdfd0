using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Tests.Appointments;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Ratings;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Exposure;

/// <summary>
/// One portal with a little of everything, owned by one applicant, for the endpoint × role test: an accepted 企业开办
/// case rated 差评 (so a rating code and a 差评 follow-up exist), a registered enterprise, a second enterprise whose
/// 简易注销 notice runs, an appointment, a served hall ticket — and a person for every role: the owner, another
/// applicant, a window clerk (A01), a supervisor, an administrator and one back-office reviewer of every department.
/// Made through the real commands (the same steps the feature tests use).
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public const string Anonymous = "anonymous";
    public const string Owner = "owner";
    public const string Other = "other";
    public const string Window = "window";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    /// <summary>Every role the table has a column for, in its order: the six above, then each department's reviewer.</summary>
    public static IReadOnlyList<string> Roles { get; } =
        [Anonymous, Owner, Other, Window, Supervisor, Admin, .. Departments.All.Select(d => d.ToString())];

    public PortalFactory Factory { get; } = AppointmentWorld.NewFactory(Provider.Sqlite);

    /// <summary>Who signs in for a role (null: nobody).</summary>
    public Dictionary<string, TestUser?> People { get; } = [];

    /// <summary>The values the table's sample addresses use: {case}, {enterprise}, {notice}, {appointment}, {ticket}, {rating}, {followup}, {account}.</summary>
    public Dictionary<string, string> Values { get; } = [];

    public async Task InitializeAsync()
    {
        var ratings = await RatingWorld.CreateAsync(Factory);

        // The owner registered an enterprise the real way (企业开办 to 办结), so its page has its licence and case.
        var (owner, enterprise) = await Factory.RegisterThroughEstablishmentAsync();
        People[Anonymous] = null;
        People[Owner] = owner;
        People[Other] = ratings.OtherApplicant;
        People[Window] = ratings.Clerk;
        People[Supervisor] = ratings.Supervisor;
        People[Admin] = ratings.Admin;
        People[nameof(Department.Market)] = ratings.Market;
        foreach (var department in Departments.All.Where(d => d != Department.Market))
        {
            People[department.ToString()] = await Factory.CreateUserAsync(department.ReviewerRole(), $"{department.Label()}审批员");
        }

        Values["enterprise"] = enterprise.CreditCode;
        var number = await ratings.AcceptedCaseAsync(owner);
        Values["case"] = number;
        var rating = await ratings.RateCaseAsync(number, RatingSubject.Acceptance, RatingLevel.VeryDissatisfied, "窗口让我等了很久。", rater: owner);
        Values["rating"] = rating;
        Values["followup"] = (await ratings.FollowUpOfAsync(rating)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var closing = await Factory.RegisterEnterpriseAsync(owner, owner, "枣庄远山商贸有限公司");
        var notice = await Factory.SendAs(owner, DeregistrationSteps.SimpleCommand(closing));
        await Factory.ActNowAsync(ratings.Clerk, notice, Portal.Domain.Cases.CaseTrigger.Accept);
        Values["notice"] = notice;

        Values["appointment"] = await Factory.BookAsync(owner, AppointmentWorld.Tuesday, AppointmentWorld.NineOClock);
        Values["ticket"] = await ratings.DoneTicketAsync();

        // An account nobody else uses, for the administrator's account page: locking or resetting it changes no one in the table.
        Values["account"] = (await Factory.CreateUserAsync(Portal.Domain.Organisation.Roles.Applicant, "备用账号")).Id;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
