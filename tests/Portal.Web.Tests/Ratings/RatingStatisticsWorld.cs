using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Support;
using Portal.Workflow;
using static Portal.Web.Tests.Support.Scenario;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// The hand-computed 好差评 data set of the statistics tests, written straight into the database through the domain's
/// own factories (Rating.Give, RatingFollowUp.Open + Machine(...).Fire(...), RatingAppeal.File / Decide) at chosen
/// instants. The period under test is Thursday 8 to Friday 16 October 2026 (local time); by the 2026 holiday data
/// (ChinaHolidays.Y2026) 10/1-10/7 are 国庆节 holidays, 10/8 (Thu) and 10/9 (Fri) are working days, 10/10 (Sat) is a
/// make-up working day, 10/11 (Sun) is off, 10/12-10/16 (Mon-Fri) are working days, 10/17-10/18 the weekend, 10/19
/// (Mon) a working day. Office hours 09:00-12:00 and 13:00-17:00: 420 office minutes per working day.
///
/// Services: A = 企业开办 (市场监管), B = 现场服务·企业开办 (政务服务中心窗口, visits), C = 获得电力（用电报装） (供电),
/// D = 简易注销 (市场监管). Staff: 王窗口 (window A01), 李窗口 (window A02), 赵审批 and 钱供电 (no window).
///
/// | #   | service | unit  | window | staff  | level      | rater     | created (local) | follow-up                                                              |
/// |-----|---------|-------|--------|--------|------------|-----------|-----------------|------------------------------------------------------------------------|
/// | R1  | D       | 市场监管 | —    | 赵审批 | 非常满意 5 | 实名      | 10/8 10:00      |                                                                        |
/// | R2  | A       | 市场监管 | A01  | 王窗口 | 满意 4     | 匿名      | 10/8 11:00      |                                                                        |
/// | R3  | A       | 市场监管 | —    | 赵审批 | 不满意 2   | 实名      | 10/9 09:30      | 回访 10/9 14:00, 属实 10/9 15:00, result 10/12 10:30 (900 office min)   |
/// | R4  | A       | 市场监管 | A01  | 王窗口 | 非常不满意 1 | 匿名    | 10/12 16:00     | 部分属实 10/12 16:30, result 10/13 10:00 (120 min); appeal refused       |
/// | R5  | B       | 窗口  | A01    | 王窗口 | 基本满意 3 | 实名      | 10/13 10:00     |                                                                        |
/// | R6  | B       | 窗口  | A02    | 李窗口 | 不满意 2   | 实名      | 10/13 14:00     | 回访 10/14 09:30, nothing else                                         |
/// | R7  | B       | 窗口  | A02    | 李窗口 | 非常不满意 1 | 实名    | 10/14 11:00     | nothing (待回访)                                                       |
/// | R8  | B       | 窗口  | A02    | 李窗口 | 满意 4     | 匿名      | 10/16 23:59     | (last minute of the period)                                           |
/// | R9  | C       | 供电  | —      | 钱供电 | 不满意 2   | 匿名      | 10/15 09:00     | 属实 10/15 10:00, result 10/19 11:00 — after the period (960 min)        |
/// | R10 | C       | 供电  | —      | 钱供电 | 满意 4     | 实名      | 10/8 00:00      | (first instant of the period)                                         |
/// | R11 | A       | 市场监管 | —    | 赵审批 | 非常不满意 1 | 实名    | 10/12 09:00     | 回访, 不属实 result 10/13 09:00; appeal UPHELD → excluded everywhere     |
/// | R12 | A       | 市场监管 | A01  | 王窗口 | 非常不满意 1 | 匿名    | 10/7 23:59      | 不属实 result 10/8 09:30 — rating before the period, result inside it   |
/// | R13 | B       | 窗口  | A01    | 王窗口 | 非常满意 5 | 匿名      | 10/17 00:00     | (first instant after the period)                                      |
/// | R14 | C       | 供电  | —      | 钱供电 | 非常满意 5 | 匿名      | 10/14 15:00     |                                                                        |
///
/// Office minutes: R3 10/9 09:30→12:00 150 + 13:00→17:00 240 + 10/10 (make-up day) 420 + 10/11 (Sunday) 0 + 10/12
/// 09:00→10:30 90 = 900. R4 10/12 16:00→17:00 60 + 10/13 09:00→10:00 60 = 120. R9 10/15 420 + 10/16 420 + weekend 0 +
/// 10/19 09:00→11:00 120 = 960. R12 10/7 (holiday) 0 + 10/8 09:00→09:30 30 = 30.
/// </summary>
public static class RatingStatisticsData
{
    public static readonly DateOnly From = new(2026, 10, 8);
    public static readonly DateOnly To = new(2026, 10, 16);

    public const string A = EstablishmentService.Code;
    public const string B = RatingTargets.VisitPrefix + "establishment";
    public const string D = DeregistrationService.SimpleCode;

    public static string C => ConnectionService.ChildCode(Portal.Domain.Connections.Utility.Power);

    /// <summary>Rater names, phones and accounts, comments, case numbers: none of them may appear on /Ratings or in its downloads.</summary>
    public static readonly string[] RaterNames = ["甄士隐", "贾雨村", "林黛玉", "薛宝钗", "王熙凤", "史湘云", "妙玉"];

    public static readonly string[] RaterPhones = ["13900000001", "13900000002", "13900000003", "13900000004", "13900000005", "13900000006", "13900000007"];

    public static readonly string[] RaterIds = ["rater-acct-e1", "rater-acct-e2", "rater-acct-e3", "rater-acct-e4", "rater-acct-e9", "rater-acct-e10", "rater-acct-e11", "rater-acct-e12", "rater-acct-e14"];

    public static readonly string[] CaseNumbers = ["JYZX-X-0001", "QYKB-X-0001", "QYKB-X-0002", "QYKB-X-0003", "QYKB-X-0004", "QYKB-X-0005", "GDBZ-X-0001", "GDBZ-X-0002"];

    public const string CommentMark = "评价内容保密";

    public static readonly string[] StaffNames = ["王窗口", "李窗口", "赵审批", "钱供电"];

    /// <summary>R3's result as the supervisor wrote it (the rater's name and phone and the case number in it).</summary>
    public const string R3Result = "已向贾雨村（13900000002）当面致歉；办件QYKB-X-0002已重新审核并办结，窗口增设材料清单。";

    /// <summary>R3's result as published.</summary>
    public const string R3Published = "已向贾**（139****0002）当面致歉；办件（办件编号不公开）已重新审核并办结，窗口增设材料清单。";

    /// <summary>R4's result: starts like a spreadsheet formula.</summary>
    public const string R4Result = "=经核实部分属实，已对窗口人员开展业务培训";

    /// <summary>R12's explanation: a comma and quotes.</summary>
    public const string R12Result = "经调阅录像，窗口已按规定\"一次性告知\"所需材料，评价不属实,已向评价人说明。";

    public const string R9Result = "已优化供电方案审批流程，限时办结。";

    /// <summary>R11's explanation (its rating is excluded by an upheld appeal; never published).</summary>
    public const string R11Result = "经核实评价所述情况不存在，不属实。";

    private static readonly CaseActor Supervisor = new("sup-stat-1", "督查甲", new HashSet<string> { Roles.Supervisor });
    private static readonly CaseActor OtherSupervisor = new("sup-stat-2", "督查乙", new HashSet<string> { Roles.Supervisor });

    private sealed record Staff(string Id, string Name, string? Window, string Role)
    {
        public CaseActor Actor => new(Id, Name, new HashSet<string> { Role });
    }

    private static readonly Staff Wang = new("staff-wang", "王窗口", "A01", Roles.Window);
    private static readonly Staff Li = new("staff-li", "李窗口", "A02", Roles.Window);
    private static readonly Staff Zhao = new("staff-zhao", "赵审批", null, Department.Market.ReviewerRole());
    private static readonly Staff Qian = new("staff-qian", "钱供电", null, Department.Power.ReviewerRole());

    /// <summary>Writes R1-R14 with their follow-ups and appeals; returns the ids of the ratings by name (R1 …).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> SeedAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clock = await scope.ServiceProvider.GetRequiredService<CalendarService>().GetClockAsync();
        var limit = new TimeLimit(15, TimeUnit.WorkingDays);
        var ratings = new Dictionary<string, Rating>();
        var followUps = new Dictionary<string, RatingFollowUp>();

        void Add(string name, string service, string unit, RatingSubject subject, string? caseNumber, long? ticket, Staff staff, RatingLevel level, Rating.Rater rater, DateTime at)
        {
            var target = new Rating.Target(subject, caseNumber, ticket, service, unit, staff.Window, staff.Id, staff.Name);
            var scores = RatingScale.IndicatorsFor(subject).ToDictionary(i => i.Code, _ => level);
            var rating = Rating.Give(target, scores, $"{CommentMark}{name}：服务{level.Label()}", rater, Portal.Web.Common.AccessCodes.New(), at);
            ratings[name] = rating;
            db.Ratings.Add(rating);
            if (rating.IsBad)
            {
                var followUp = RatingFollowUp.Open(rating, clock, limit, at);
                followUps[name] = followUp;
                db.RatingFollowUps.Add(followUp);
            }
        }

        static Rating.Rater Real(int i, string? account = null) => new(account, RaterNames[i - 1], RaterPhones[i - 1], false);
        static Rating.Rater Anonymous(string? account = null) => new(account, null, null, true);

        var market = Department.Market.ToString();
        var power = Department.Power.ToString();
        var hall = RatingScale.HallUnit;
        Add("R1", D, market, RatingSubject.Processing, "JYZX-X-0001", null, Zhao, RatingLevel.VerySatisfied, Real(1, "rater-acct-e1"), ChinaUtc(2026, 10, 8, 10));
        Add("R2", A, market, RatingSubject.Acceptance, "QYKB-X-0001", null, Wang, RatingLevel.Satisfied, Anonymous("rater-acct-e2"), ChinaUtc(2026, 10, 8, 11));
        Add("R3", A, market, RatingSubject.Processing, "QYKB-X-0002", null, Zhao, RatingLevel.Dissatisfied, Real(2, "rater-acct-e3"), ChinaUtc(2026, 10, 9, 9, 30));
        Add("R4", A, market, RatingSubject.Acceptance, "QYKB-X-0003", null, Wang, RatingLevel.VeryDissatisfied, Anonymous("rater-acct-e4"), ChinaUtc(2026, 10, 12, 16));
        Add("R5", B, hall, RatingSubject.Visit, null, 9001, Wang, RatingLevel.Basic, Real(3), ChinaUtc(2026, 10, 13, 10));
        Add("R6", B, hall, RatingSubject.Visit, null, 9002, Li, RatingLevel.Dissatisfied, Real(4), ChinaUtc(2026, 10, 13, 14));
        Add("R7", B, hall, RatingSubject.Visit, null, 9003, Li, RatingLevel.VeryDissatisfied, Real(5), ChinaUtc(2026, 10, 14, 11));
        Add("R8", B, hall, RatingSubject.Visit, null, 9004, Li, RatingLevel.Satisfied, Anonymous(), ChinaUtc(2026, 10, 16, 23, 59));
        Add("R9", C, power, RatingSubject.Processing, "GDBZ-X-0001", null, Qian, RatingLevel.Dissatisfied, Anonymous("rater-acct-e9"), ChinaUtc(2026, 10, 15, 9));
        Add("R10", C, power, RatingSubject.Acceptance, "GDBZ-X-0001", null, Qian, RatingLevel.Satisfied, Real(6, "rater-acct-e10"), ChinaUtc(2026, 10, 8, 0));
        Add("R11", A, market, RatingSubject.Processing, "QYKB-X-0004", null, Zhao, RatingLevel.VeryDissatisfied, Real(7, "rater-acct-e11"), ChinaUtc(2026, 10, 12, 9));
        Add("R12", A, market, RatingSubject.Acceptance, "QYKB-X-0005", null, Wang, RatingLevel.VeryDissatisfied, Anonymous("rater-acct-e12"), ChinaUtc(2026, 10, 7, 23, 59));
        Add("R13", B, hall, RatingSubject.Visit, null, 9005, Wang, RatingLevel.VerySatisfied, Anonymous(), ChinaUtc(2026, 10, 17, 0));
        Add("R14", C, power, RatingSubject.Processing, "GDBZ-X-0002", null, Qian, RatingLevel.VerySatisfied, Anonymous("rater-acct-e14"), ChinaUtc(2026, 10, 14, 15));

        void Fire(string name, FollowUpTrigger trigger, DateTime at, string? text = null, Finding? finding = null) =>
            followUps[name].Machine(Supervisor, isRater: false, at, new RatingFollowUp.Args(text, finding)).Fire(trigger);

        Fire("R3", FollowUpTrigger.RecordVisit, ChinaUtc(2026, 10, 9, 14), "已电话回访，评价人反映材料被多次退回。");
        Fire("R3", FollowUpTrigger.Verify, ChinaUtc(2026, 10, 9, 15), "核实属实。", Finding.True);
        Fire("R3", FollowUpTrigger.Rectify, ChinaUtc(2026, 10, 12, 10, 30), R3Result);
        Fire("R4", FollowUpTrigger.Verify, ChinaUtc(2026, 10, 12, 16, 30), "核实部分属实。", Finding.PartlyTrue);
        Fire("R4", FollowUpTrigger.Rectify, ChinaUtc(2026, 10, 13, 10), R4Result);
        Fire("R6", FollowUpTrigger.RecordVisit, ChinaUtc(2026, 10, 14, 9, 30), "已电话回访。");
        Fire("R9", FollowUpTrigger.Verify, ChinaUtc(2026, 10, 15, 10), "核实属实。", Finding.True);
        Fire("R9", FollowUpTrigger.Rectify, ChinaUtc(2026, 10, 19, 11), R9Result);
        Fire("R11", FollowUpTrigger.RecordVisit, ChinaUtc(2026, 10, 12, 10), "已电话回访。");
        Fire("R11", FollowUpTrigger.Rectify, ChinaUtc(2026, 10, 13, 9), R11Result, Finding.NotTrue);
        Fire("R12", FollowUpTrigger.Rectify, ChinaUtc(2026, 10, 8, 9, 30), R12Result, Finding.NotTrue);
        await db.SaveChangesAsync();

        // R4: appeal refused (still counted). R11: appeal upheld by another supervisor (excluded, its follow-up ends).
        var refused = RatingAppeal.File(ratings["R4"], Wang.Actor, "评价人对受理要求有误解。", ChinaUtc(2026, 10, 13, 11));
        refused.Decide(Supervisor, upheld: false, "受理确有不足，评价有效。", ChinaUtc(2026, 10, 14, 9));
        var upheld = RatingAppeal.File(ratings["R11"], Zhao.Actor, "该评价与事实不符，系恶意评价。", ChinaUtc(2026, 10, 13, 9, 30));
        upheld.Decide(OtherSupervisor, upheld: true, "经调查评价与事实不符。", ChinaUtc(2026, 10, 13, 11));
        followUps["R11"].Machine(CaseActor.System, isRater: false, ChinaUtc(2026, 10, 13, 11), new RatingFollowUp.Args()).Fire(FollowUpTrigger.CloseByAppeal);
        db.RatingAppeals.AddRange(refused, upheld);
        await db.SaveChangesAsync();

        return ratings.ToDictionary(r => r.Key, r => r.Value.Id);
    }

    /// <summary>The access codes of the seeded ratings (never shown on the statistics page either).</summary>
    public static Task<List<string>> AccessCodesAsync(PortalFactory factory) =>
        factory.WithDb(db => db.Ratings.Select(r => r.AccessCode).ToListAsync());

    /// <summary>Every value that identifies a rater or a case, or is a rater's comment.</summary>
    public static IEnumerable<string> Secrets(IEnumerable<string> accessCodes) =>
        RaterNames.Concat(RaterPhones).Concat(RaterIds).Concat(CaseNumbers).Append(CommentMark).Concat(accessCodes);
}

/// <summary>One portal per provider with the data set seeded once, shared by the tests of a class.</summary>
public sealed class RatingStatisticsWorld : IAsyncLifetime
{
    private readonly Dictionary<Provider, Task<SeededPortal>> portals = [];
    private readonly Lock gate = new();

    public Task<SeededPortal> GetAsync(Provider provider)
    {
        lock (gate)
        {
            if (!portals.TryGetValue(provider, out var portal))
            {
                portal = SeededPortal.CreateAsync(provider);
                portals[provider] = portal;
            }

            return portal;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var portal in portals.Values)
        {
            if (portal.IsCompletedSuccessfully)
            {
                await portal.Result.Factory.DisposeAsync();
            }
        }
    }
}

public sealed record SeededPortal(PortalFactory Factory, IReadOnlyDictionary<string, long> Ids, IReadOnlyList<string> AccessCodes, TestUser Supervisor, TestUser Admin, TestUser Window, TestUser Reviewer, TestUser Applicant)
{
    public static async Task<SeededPortal> CreateAsync(Provider provider)
    {
        var factory = new PortalFactory(provider);
        var ids = await RatingStatisticsData.SeedAsync(factory);
        return new SeededPortal(
            factory,
            ids,
            await RatingStatisticsData.AccessCodesAsync(factory),
            await factory.CreateUserAsync(Roles.Supervisor),
            await factory.CreateUserAsync(Roles.Admin),
            await factory.CreateUserAsync(Roles.Window),
            await factory.CreateUserAsync(Department.Market.ReviewerRole()),
            await factory.CreateUserAsync(Roles.Applicant));
    }

    public IEnumerable<string> Secrets => RatingStatisticsData.Secrets(AccessCodes);
}

/// <summary>Reads the downloads back: RFC 4180 CSV, and the text of every part of an .xlsx package.</summary>
public static class StatisticsFiles
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The CSV text after its byte-order mark (asserts the mark is there).</summary>
    public static string CsvText(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[..3].SequenceEqual(Bom), "the CSV starts with a UTF-8 byte-order mark");
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    /// <summary>RFC 4180 records (the dashboard tests' reader).</summary>
    public static List<List<string>> ParseCsv(string text) => Dashboard.Rfc4180.Parse(text);

    /// <summary>All XML text of an .xlsx package, read with the Open XML SDK (to look for values that must not be there).</summary>
    public static string XlsxText(byte[] bytes) => Dashboard.Xlsx.AllText(bytes);
}
