using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Benchmarks.Workflow;

/// <summary>Actors, contexts and cases built the way tests/Portal.Domain.Tests/Cases builds them.</summary>
public static class CaseKit
{
    public static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());
    public static readonly ServiceDefinition Service = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");

    public static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    public static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });
    public static readonly CaseActor Market = new("market-1", "市场监管审批员", new HashSet<string> { Department.Market.ReviewerRole() });
    public static readonly CaseActor Supervisor = new("supervisor-1", "赵督查", new HashSet<string> { Roles.Supervisor });

    public static readonly CaseActionArgs Reason = new() { Reason = "名称与已有企业近似" };

    /// <summary>When the history of <see cref="WithHistory"/> starts: Monday 23 November 2026, 09:00 in Beijing.</summary>
    public static readonly DateTime StartUtc = Clock.ToUtc(new DateTime(2026, 11, 23, 9, 0, 0));

    public static CaseActionContext At(CaseActor actor, DateTime nowUtc) => new(actor, nowUtc, Clock, Limits, Service);

    /// <summary>
    /// A case 办理中 at 市场监管 with 20 history rows: submitted, accepted, then nine rounds of a rejection proposal
    /// dismissed by the supervisor. Every action is 10 minutes after the previous one; <see cref="NextActionUtc"/> is next.
    /// </summary>
    public static Case WithHistory(int number)
    {
        var now = StartUtc;
        var c = Case.Submit($"QYKB-20261123-{number:D6}", "泰安恒远商贸有限公司设立登记", (Applicant.UserId, Applicant.Name), Channel.Online, At(Applicant, now));
        c.Fire(CaseTrigger.Accept, At(Window, now = now.AddMinutes(10)));
        for (var i = 0; i < 9; i++)
        {
            c.Fire(CaseTrigger.ProposeRejection, At(Market, now = now.AddMinutes(10)), Reason);
            c.Fire(CaseTrigger.DismissRejection, At(Supervisor, now = now.AddMinutes(10)), Reason);
        }

        return c.History.Count == HistoryLength && c.State == CaseState.InProgress
            ? c
            : throw new InvalidOperationException($"Expected {HistoryLength} history rows 办理中, got {c.History.Count} in {c.State}.");
    }

    public const int HistoryLength = 20;

    /// <summary>The instant after <see cref="WithHistory"/>'s last action.</summary>
    public static DateTime NextActionUtc => StartUtc.AddMinutes(10 * HistoryLength);

    private static TimeLimit? Limits(string key) => PolicyProfiles.Taian.Find(key)?.Limit;
}
