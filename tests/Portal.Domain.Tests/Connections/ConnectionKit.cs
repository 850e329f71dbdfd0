using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Tests.Connections;

/// <summary>
/// What the 报装 tests share: the China calendar in Asia/Shanghai, the 枣庄 promises, the parent and child services
/// (as the web layer declares them), the people who act on a case, and helpers that submit a child case and have the
/// system accept it at once (as Apply does). Each context carries a fresh <see cref="UtilityConnectionFlow"/>, as the
/// web layer loads one for every action.
/// </summary>
internal static class ConnectionKit
{
    public static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    public static readonly ServiceDefinition ParentService =
        new("connection", "水电气热信报装", Department.Power, PromiseKeys.PowerSanLing, "BZ") { OpenToDepartment = false };

    public static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    public static readonly CaseActor OtherApplicant = new("applicant-2", "李华", new HashSet<string> { Roles.Applicant });
    public static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });
    public static readonly CaseActor Supervisor = new("supervisor-1", "赵督查", new HashSet<string> { Roles.Supervisor });
    public static readonly CaseActor PowerStaff = new("power-1", "孙供电", new HashSet<string> { Department.Power.ReviewerRole() });
    public static readonly CaseActor WaterStaff = new("water-1", "周供水", new HashSet<string> { Department.Water.ReviewerRole() });
    public static readonly CaseActor GasStaff = new("gas-1", "吴燃气", new HashSet<string> { Department.Gas.ReviewerRole() });
    public static readonly CaseActor HeatStaff = new("heat-1", "郑热力", new HashSet<string> { Department.Heat.ReviewerRole() });
    public static readonly CaseActor TelecomStaff = new("telecom-1", "冯通信", new HashSet<string> { Department.Telecom.ReviewerRole() });

    public const string EnterpriseName = "枣庄测试制造有限公司";
    public const string CreditCode = "91370402MA3C000001";
    public const string Address = "枣庄市峄城区榴园路88号";

    /// <summary>A local wall-clock time in China (UTC+8, no daylight saving) as the UTC instant the case stores.</summary>
    public static DateTime China(int year, int month, int day, int hour = 0, int minute = 0) =>
        DateTime.SpecifyKind(new DateTime(year, month, day, hour, minute, 0) - TimeSpan.FromHours(8), DateTimeKind.Utc);

    public static TimeLimit? Limits(string key) => PolicyProfiles.Zaozhuang.Find(key)?.Limit;

    public static CaseActor StaffOf(Utility utility) => utility switch
    {
        Utility.Power => PowerStaff,
        Utility.Water => WaterStaff,
        Utility.Gas => GasStaff,
        Utility.Heat => HeatStaff,
        _ => TelecomStaff,
    };

    public static string Prefix(Utility utility) => utility switch
    {
        Utility.Power => "GDBZ",
        Utility.Water => "GSBZ",
        Utility.Gas => "RQBZ",
        Utility.Heat => "GRBZ",
        _ => "TXBZ",
    };

    public static ServiceDefinition ServiceFor(Utility utility) => new(
        "connection-" + utility.ToString().ToLowerInvariant(),
        utility.ServiceLabel(),
        utility.Department(),
        utility switch
        {
            Utility.Power => PromiseKeys.PowerSanLing,
            Utility.Water => PromiseKeys.WaterConnect,
            Utility.Gas => PromiseKeys.GasConnect,
            Utility.Heat => PromiseKeys.HeatConnect,
            _ => PromiseKeys.TelecomConnect,
        },
        Prefix(utility));

    // ---- technical data -------------------------------------------------------------------------------------------

    /// <summary>Low-voltage enterprise data that is valid and, with the defaults, qualifies for 三零 without approval.</summary>
    public static TechnicalData LowVoltage(decimal kw = 100m, decimal? lineM = 150m, bool works = true, bool sanLing = true, bool noInterestedParty = true) =>
        new()
        {
            CapacityKw = kw,
            Voltage = VoltageLevel.Low,
            LineLengthM = lineM,
            ExternalWorks = works,
            SanLing = sanLing,
            NoInterestedParty = noInterestedParty,
        };

    public static TechnicalData HighVoltage(VoltageLevel voltage, bool dual, decimal kw = 2_000m) =>
        new() { CapacityKw = kw, Voltage = voltage, DualSupply = dual, LineLengthM = 800m, ExternalWorks = true };

    public static TechnicalData WaterData(decimal? pipeM, bool works = true, int? diameterMm = 50) =>
        new() { PipeLengthM = pipeM, ExternalWorks = works, DiameterMm = diameterMm };

    public static TechnicalData GasData(decimal? cubicMetres = 3_000m) => new() { GasCubicMetresPerMonth = cubicMetres };

    public static TechnicalData HeatData() => new() { HeatAreaM2 = 1_200m };

    public static TechnicalData TelecomData() => new() { TelecomBandwidthMbps = 500 };

    public static TechnicalData DataFor(Utility utility) => utility switch
    {
        Utility.Power => LowVoltage(),
        Utility.Water => WaterData(100m),
        Utility.Gas => GasData(),
        Utility.Heat => HeatData(),
        _ => TelecomData(),
    };

    // ---- applications and cases -----------------------------------------------------------------------------------

    public static ConnectionApplication Application(DateTime nowUtc, CustomerKind customer = CustomerKind.Enterprise) =>
        customer == CustomerKind.Enterprise
            ? new ConnectionApplication(Applicant.UserId, customer, EnterpriseName, CreditCode, Address, "新建厂房生产用电", nowUtc)
            : new ConnectionApplication(Applicant.UserId, customer, null, null, Address, "居民生活用电", nowUtc);

    /// <summary>One utility's request on a new application, classified as Apply does (the data is checked first).</summary>
    public static UtilityRequest Request(
        Utility utility,
        TechnicalData data,
        DateTime nowUtc,
        CustomerKind customer = CustomerKind.Enterprise,
        bool majorPlanChange = false,
        ConnectionApplication? application = null)
    {
        Assert.Empty(data.Problems(utility));
        application ??= Application(nowUtc, customer);
        var request = new UtilityRequest(application, utility, data, ConnectionClassifier.Classify(utility, application.Customer, data, majorPlanChange));
        application.Requests.Add(request);
        return request;
    }

    public static CaseActionContext At(CaseActor actor, DateTime nowUtc, UtilityRequest request) =>
        new(actor, nowUtc, Clock, Limits, ServiceFor(request.Utility)) { Flow = new UtilityConnectionFlow(request) };

    public static CaseActionArgs Because(string? reason) => new() { Reason = reason };

    public static string NumberOf(UtilityRequest request, DateTime nowUtc) =>
        $"{Prefix(request.Utility)}-{Clock.ToLocal(nowUtc):yyyyMMdd}-000001";

    /// <summary>Submits the child case as the applicant (online).</summary>
    public static Case Submit(UtilityRequest request, DateTime nowUtc, CaseActor? filedBy = null)
    {
        var c = Case.Submit(
            NumberOf(request, nowUtc),
            $"{Address} {request.Utility.ServiceLabel()}",
            (Applicant.UserId, Applicant.Name),
            Channel.Online,
            At(filedBy ?? Applicant, nowUtc, request),
            request.Application.CreditCode);
        request.AttachTo(1, c.Number, nowUtc);
        return c;
    }

    /// <summary>Submits and has the system accept at the same instant, as Apply does for every child.</summary>
    public static Case Accepted(UtilityRequest request, DateTime acceptedAtUtc)
    {
        var c = Submit(request, acceptedAtUtc);
        c.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, acceptedAtUtc, request));
        return c;
    }

    /// <summary>Schedules the (joint) survey and has the utility record its findings at <paramref name="recordedAtUtc"/>.</summary>
    public static void Survey(Case c, UtilityRequest request, DateTime scheduledAtUtc, DateTime recordedAtUtc, string findings = "现场具备接入条件，表位已确定")
    {
        request.Application.ScheduleSurvey(scheduledAtUtc, Window.Name);
        c.Fire(CaseTrigger.RecordSurvey, At(StaffOf(request.Utility), recordedAtUtc, request), Because(findings));
    }

    /// <summary>Signs the contract (utility) and confirms it (applicant): the case reaches 装表接通.</summary>
    public static void SignBothSides(Case c, UtilityRequest request, DateTime utilityAtUtc, DateTime applicantAtUtc)
    {
        Sign(c, request, StaffOf(request.Utility), utilityAtUtc);
        c.Fire(CaseTrigger.ConfirmContract, At(Applicant, applicantAtUtc, request));
    }

    /// <summary>The utility writes the contract's terms (those suggested from the data) and signs, as its signing form does.</summary>
    public static void Sign(Case c, UtilityRequest request, CaseActor staff, DateTime atUtc)
    {
        request.DraftContract(ContractTerms.Suggested(request), atUtc);
        c.Fire(CaseTrigger.SignContract, At(staff, atUtc, request));
    }
}
