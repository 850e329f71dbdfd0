using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Testing;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Materials;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Identity;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// Files belong to their case: every route that serves one (download, inline viewer, the case's materials page) is
/// tried by every kind of person at each stage of the case — the applicant side, the staff holding it, supervisors may
/// open; everyone else gets 404 (anonymous: the sign-in page), and nobody learns the file exists. On an enterprise's
/// 注销 the applicant side is the legal representative and the agents (经办人) authorised for the service; a revoked
/// agent, or one authorised for another service, is nobody. On SQLite and PostgreSQL.
/// </summary>
public sealed class MaterialAccessTests
{
    private const int Ok = 200;
    private const int NotFound = 404;
    private const int SignIn = 302;

    private sealed class People(PortalFactory factory) : IDisposable
    {
        private readonly Dictionary<string, HttpSession> sessions = [];

        public Dictionary<string, TestUser> Users { get; } = [];

        public async Task AddAsync(string key, string role, string name) => Users[key] = await factory.CreateUserAsync(role, name);

        public async Task<HttpSession> SessionAsync(string key)
        {
            if (!sessions.TryGetValue(key, out var session))
            {
                session = key == "anonymous" ? new HttpSession(factory) : await new HttpSession(factory).SignedInAsync(Users[key]);
                sessions[key] = session;
            }

            return session;
        }

        public void Dispose()
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        }
    }

    private static IEnumerable<string> Routes(long fileId, string number) =>
        [$"/Materials/Files/{fileId}", $"/Materials/Files/{fileId}/inline", $"/Cases/{number}/Materials"];

    private static async Task<List<string>> MismatchesAsync(People people, string stage, long fileId, string number, IReadOnlyDictionary<string, int> expected)
    {
        var wrong = new List<string>();
        foreach (var (who, status) in expected)
        {
            var session = await people.SessionAsync(who);
            foreach (var route in Routes(fileId, number))
            {
                var answer = await session.GetAsync(route);
                if ((int)answer.Status != status)
                {
                    wrong.Add($"{stage}: {who} GET {route} → {(int)answer.Status}, expected {status}");
                }
                else if (status == NotFound && answer.Text.Contains(".pdf", StringComparison.Ordinal))
                {
                    wrong.Add($"{stage}: {who} GET {route} → 404 that names the file");
                }
            }
        }

        return wrong;
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Every_file_route_opens_for_the_applicant_the_staff_holding_the_case_and_supervisors_only(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        using var people = new People(factory);
        await people.AddAsync("applicant", Roles.Applicant, "张明");
        await people.AddAsync("other applicant", Roles.Applicant, "李华");
        await people.AddAsync("accepting window", Roles.Window, "窗口甲");
        await people.AddAsync("other window", Roles.Window, "窗口乙");
        await people.AddAsync("market", Department.Market.ReviewerRole(), "市场监管审批员");
        await people.AddAsync("tax", Department.Tax.ReviewerRole(), "税务审批员");
        await people.AddAsync("power", Department.Power.ReviewerRole(), "供电审批员");
        await people.AddAsync("supervisor", Roles.Supervisor, "督查");
        await people.AddAsync("admin", Roles.Admin, "管理员");
        var u = people.Users;
        var number = await factory.ApplyWithFilesAsync(u["applicant"], "枣庄味道餐饮有限公司",
            [MaterialSteps.File("floor-plan", SampleFiles.Pdf(), "平面图.pdf"), .. MaterialSteps.RestOfFoodList]);
        var fileId = Assert.Single((await factory.ItemAsync(number, "floor-plan")).Files).Id;

        var wrong = new List<string>();

        // 待受理: at the window (any window serves any case); no department holds it yet.
        wrong.AddRange(await MismatchesAsync(people, "待受理", fileId, number, new Dictionary<string, int>
        {
            ["anonymous"] = SignIn,
            ["applicant"] = Ok,
            ["other applicant"] = NotFound,
            ["accepting window"] = Ok,
            ["other window"] = Ok,
            ["market"] = NotFound,
            ["tax"] = NotFound,
            ["power"] = NotFound,
            ["supervisor"] = Ok,
            ["admin"] = NotFound,
        }));

        // 办理中: 市场监管 holds the step, 税务 an open parallel track; the accepting window owns it (首问负责), others do not hold it.
        await factory.ActNowAsync(u["accepting window"], number, CaseTrigger.Accept);
        wrong.AddRange(await MismatchesAsync(people, "办理中", fileId, number, new Dictionary<string, int>
        {
            ["anonymous"] = SignIn,
            ["applicant"] = Ok,
            ["other applicant"] = NotFound,
            ["accepting window"] = Ok,
            ["other window"] = NotFound,
            ["market"] = Ok,
            ["tax"] = Ok,
            ["power"] = NotFound,
            ["supervisor"] = Ok,
            ["admin"] = NotFound,
        }));

        // 办结: nobody holds it any more; the applicant, the 首问负责人 and supervisors keep access.
        var reviewers = new Reviewers(factory);
        await reviewers.CompleteAllAsync(number);
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
        wrong.AddRange(await MismatchesAsync(people, "办结", fileId, number, new Dictionary<string, int>
        {
            ["anonymous"] = SignIn,
            ["applicant"] = Ok,
            ["other applicant"] = NotFound,
            ["accepting window"] = Ok,
            ["other window"] = NotFound,
            ["market"] = NotFound,
            ["tax"] = NotFound,
            ["supervisor"] = Ok,
            ["admin"] = NotFound,
        }));

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Every_file_route_of_a_deregistration_opens_for_the_legal_representative_and_the_authorised_agent_not_a_revoked_one(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await IdentityWorld.CreateAsync(factory);
        using var people = new People(factory);
        people.Users["legal representative"] = world.Representative;
        people.Users["agent"] = await world.AgentForAsync("李四", DeregistrationService.SimpleCode);
        people.Users["revoked agent"] = await world.AgentForAsync("王五", DeregistrationService.SimpleCode);
        people.Users["agent for another service"] = await world.AgentForAsync("赵六", DeregistrationService.OrdinaryCode);
        people.Users["window"] = world.Window;
        people.Users["market"] = world.Market;
        people.Users["supervisor"] = world.Supervisor;
        await people.AddAsync("other applicant", Roles.Applicant, "李华");
        await people.AddAsync("admin", Roles.Admin, "管理员");
        var u = people.Users;

        // The legal representative files the 简易注销 and hands in the 许可证件 on the case.
        var number = await factory.SendAs(world.Representative, DeregistrationSteps.SimpleCommand(world.Enterprise));
        Assert.Equal(1, await factory.UploadAsync(world.Representative, number, MaterialCatalog.PermitsHeld.Code,
            MaterialSteps.File(MaterialCatalog.PermitsHeld.Code, SampleFiles.Pdf("Permit"), "食品经营许可证.pdf")));
        var fileId = Assert.Single((await factory.ItemAsync(number, MaterialCatalog.PermitsHeld.Code)).Files).Id;

        // Before the revocation both agents open the files: the revocation is what shuts one out.
        var wrong = new List<string>();
        wrong.AddRange(await MismatchesAsync(people, "待受理，撤销授权前", fileId, number, new Dictionary<string, int>
        {
            ["agent"] = Ok,
            ["revoked agent"] = Ok,
        }));

        await world.RevokeAsync(u["revoked agent"]);
        var waiting = new Dictionary<string, int>
        {
            ["anonymous"] = SignIn,
            ["legal representative"] = Ok,
            ["agent"] = Ok,
            ["revoked agent"] = NotFound,
            ["agent for another service"] = NotFound,
            ["other applicant"] = NotFound,
            ["window"] = Ok,
            ["market"] = NotFound,
            ["supervisor"] = Ok,
            ["admin"] = NotFound,
        };
        wrong.AddRange(await MismatchesAsync(people, "待受理", fileId, number, waiting));

        // After 受理 the applicant side is unchanged.
        await factory.ActNowAsync(world.Window, number, CaseTrigger.Accept);
        wrong.AddRange(await MismatchesAsync(people, "已受理", fileId, number, new Dictionary<string, int>
        {
            ["anonymous"] = SignIn,
            ["legal representative"] = Ok,
            ["agent"] = Ok,
            ["revoked agent"] = NotFound,
            ["agent for another service"] = NotFound,
            ["other applicant"] = NotFound,
            ["supervisor"] = Ok,
            ["admin"] = NotFound,
        }));

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_window_clerk_filing_for_a_visitor_opens_the_scans_and_so_does_the_visitor()
    {
        await using var factory = new PortalFactory();
        var visitor = await factory.CreateUserAsync(Roles.Applicant, "赵敏");
        var clerk = await factory.CreateUserAsync(Roles.Window, "窗口丙");
        var other = await factory.CreateUserAsync(Roles.Applicant, "李华");
        var batch = Staging.NewBatch();
        var refused = await factory.SendAs(clerk, new StageFiles.Command
        {
            Form = Staging.Establishment,
            Batch = batch,
            Files = [MaterialSteps.File("premises", SampleFiles.Jpeg(), "扫描件.jpg")],
        });
        Assert.Empty(refused);

        var result = await factory.SendAs(clerk, Submit.Command.From(EstablishmentSteps.ValidForm("枣庄帮办科技有限公司", "catering")) with
        {
            ApplicantMobile = visitor.UserName,
            UploadBatch = batch,
        });

        var file = Assert.Single((await factory.ItemAsync(result.Number, "premises")).Files);
        Assert.Equal("窗口丙", file.UploadedByName);
        Assert.Contains("材料文件1个", result.Notice);
        foreach (var (user, status) in new[] { (visitor, HttpStatusCode.OK), (clerk, HttpStatusCode.OK), (other, HttpStatusCode.NotFound) })
        {
            using var session = await new HttpSession(factory).SignedInAsync(user);
            Assert.Equal(status, (await session.GetAsync($"/Materials/Files/{file.Id}")).Status);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_file_staged_on_a_form_opens_only_for_whoever_uploaded_it_and_never_joins_another_filing(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var clerk = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor, "督查");
        await factory.SendAs(applicant, new StageFiles.Command { Form = Staging.Establishment, Files = [MaterialSteps.File("premises", SampleFiles.Pdf(), "合同.pdf")] });
        var staged = await factory.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.MaterialFiles));

        var other = await factory.CreateUserAsync(Roles.Applicant, "李华");
        var wrong = new List<string>();
        foreach (var (user, status) in new[] { (applicant, HttpStatusCode.OK), (other, HttpStatusCode.NotFound), (clerk, HttpStatusCode.NotFound), (supervisor, HttpStatusCode.NotFound), (null, HttpStatusCode.Redirect) })
        {
            using var session = user is null ? new HttpSession(factory) : await new HttpSession(factory).SignedInAsync(user);
            // The plain download and the inline viewer alike.
            foreach (var route in new[] { $"/Materials/Files/{staged.Id}", $"/Materials/Files/{staged.Id}/inline" })
            {
                var answer = await session.GetAsync(route);
                if (answer.Status != status)
                {
                    wrong.Add($"{user?.Name ?? "anonymous"} GET {route} → {(int)answer.Status}, expected {(int)status}");
                }
                else if (status == HttpStatusCode.NotFound && answer.Text.Contains("合同", StringComparison.Ordinal))
                {
                    wrong.Add($"{user?.Name} GET {route} → 404 that names the file");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        // A clerk's filing takes only the files of its own batch.
        var visitor = await factory.CreateUserAsync(Roles.Applicant, "赵敏");
        await factory.SendAs(clerk, new StageFiles.Command { Form = Staging.Establishment, Batch = Staging.NewBatch(), Files = [MaterialSteps.File("premises", SampleFiles.Png(), "上一位.png")] });
        var result = await factory.SendAs(clerk, Submit.Command.From(EstablishmentSteps.ValidForm("枣庄批次科技有限公司", "tech")) with
        {
            ApplicantMobile = visitor.UserName,
            UploadBatch = Staging.NewBatch(),
        });
        Assert.Empty((await factory.ItemAsync(result.Number, "premises")).Files);
    }

    [Fact]
    public async Task Staff_who_may_see_the_case_but_not_its_files_see_the_list_without_links()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var accepting = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var otherWindow = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司", [MaterialSteps.File("floor-plan", SampleFiles.Pdf(), "平面图.pdf"), .. MaterialSteps.RestOfFoodList]);
        await factory.ActNowAsync(accepting, number, CaseTrigger.Accept);
        using var session = await new HttpSession(factory).SignedInAsync(otherWindow);

        var page = await session.GetAsync($"/Cases/{number}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.TestId("materials-closed"));
        Assert.Contains("经营场所平面布局图", page.TestId("materials"));
        Assert.Empty(page.Html.Document.QuerySelectorAll("[data-testid=materials] a[href^='/Materials/Files/']"));
        Assert.Empty(page.Html.Document.QuerySelectorAll("[data-testid=materials] iframe"));
    }
}
