using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;

namespace Portal.Web.Features.Dashboard;

/// <summary>
/// The supervisors' figures, computed from plain facts (history rows, cases, window numbers, queue numbers) and the
/// calendar, with no database or web host: the definitions of the 统计口径 live here and nowhere else.
/// </summary>
public static class DashboardFigures
{
    public static double Round1(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static double? Percent(int part, int whole) => whole == 0 ? null : Round1(100.0 * part / whole);

    /// <summary>部门 of a step: the department of the role holding it, or the role's own label (窗口工作人员, 督查 …).</summary>
    public static string DepartmentLabel(string holderRole) =>
        Roles.DepartmentOf(holderRole) is { } department ? department.Label()
        : string.IsNullOrEmpty(holderRole) ? "（未指定）"
        : Roles.Label(holderRole);

    /// <summary>Whether the actor of a history row is staff: not the case's applicant, not the system, not the public.</summary>
    public static bool IsStaff(EventFacts e, CaseFacts c) =>
        e.ActorId.Length > 0 && e.ActorId != c.ApplicantId && e.ActorId != CaseActor.System.UserId && e.ActorId != CaseActor.Public.UserId;

    /// <summary>
    /// The steps ended in the period: for each case, its non-note rows ordered by time then id; each row E with a
    /// deadline is a step ended by the next non-note row F; it counts when F is in the period. Open steps do not count.
    /// A deadline recomputed after a holiday change (a note inside the step) replaces the one the step started with.
    /// </summary>
    public static IReadOnlyList<Step> StepsEndedIn(Period period, DeadlineClock clock, IEnumerable<EventFacts> events, IReadOnlyDictionary<long, CaseFacts> cases)
    {
        var start = period.StartUtc(clock);
        var end = period.EndUtc(clock);
        var steps = new List<Step>();
        var all = events as IReadOnlyCollection<EventFacts> ?? events.ToList();
        var moved = all.Where(e => e.Action == Case.DeadlineChangedAction).ToLookup(e => e.CaseId);
        foreach (var history in all.Where(e => !e.IsNote).GroupBy(e => e.CaseId))
        {
            if (!cases.TryGetValue(history.Key, out var c))
            {
                continue;
            }

            var rows = history.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            for (var i = 0; i + 1 < rows.Count; i++)
            {
                var e = rows[i];
                var f = rows[i + 1];
                var recomputed = moved[history.Key].Where(x => x.At >= e.At && x.At <= f.At).OrderBy(x => x.At).ThenBy(x => x.Id).LastOrDefault();
                if ((recomputed?.DueAt ?? e.DueAt) is not { } due || f.At < start || f.At >= end)
                {
                    continue;
                }

                var staff = IsStaff(f, c);
                steps.Add(new Step(
                    c.Id,
                    c.ServiceCode,
                    e.HolderRole,
                    e.At,
                    f.At,
                    f.At <= due,
                    clock.OfficeMinutesBetween(e.At, f.At),
                    clock.OfficeMinutesBetween(e.At, due),
                    staff ? f.ActorId : null,
                    staff ? f.ActorName : null));
            }
        }

        return steps;
    }

    /// <summary>All on-time figures of the period: per service (with cases closed), department, window and staff member.</summary>
    public static StepReport Steps(
        Period period,
        DeadlineClock clock,
        IEnumerable<EventFacts> events,
        IEnumerable<CaseFacts> cases,
        IReadOnlyDictionary<string, string> windowOfUser,
        Func<string, string> serviceName)
    {
        var history = events.ToList();
        var byId = cases.ToDictionary(c => c.Id);
        var steps = StepsEndedIn(period, clock, history, byId);

        var overdueMarked = history.Where(e => e.IsOverdueMark).Select(e => e.CaseId).ToHashSet();
        var closed = byId.Values.Where(c => c.IsConcluded && period.Contains(c.ClosedAt!.Value, clock)).ToList();
        var services = steps.Select(s => s.ServiceCode).Concat(closed.Select(c => c.ServiceCode)).Distinct()
            .Select(code =>
            {
                var closedHere = closed.Where(c => c.ServiceCode == code).ToList();
                var name = serviceName(code);
                return new ServiceFigures(
                    code,
                    name,
                    StepFigures.Of(code, name, steps.Where(s => s.ServiceCode == code).ToList()),
                    closedHere.Count,
                    closedHere.Count(c => !overdueMarked.Contains(c.Id)));
            })
            .OrderByDescending(s => s.Steps.Steps).ThenByDescending(s => s.Closed).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        var departments = steps.GroupBy(s => DepartmentLabel(s.HolderRole))
            .Select(g => StepFigures.Of(g.Key, g.Key, g.ToList()))
            .OrderByDescending(f => f.Steps).ThenBy(f => f.Label, StringComparer.Ordinal)
            .ToList();

        var staffSteps = steps.Where(s => s.StaffId is not null).ToList();
        var staff = staffSteps.GroupBy(s => s.StaffId!)
            .Select(g => StepFigures.Of(g.Key, g.OrderBy(s => s.EndedAt).Last().StaffName!, g.ToList()))
            .OrderByDescending(f => f.Steps).ThenBy(f => f.Label, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToList();

        var windows = staffSteps.Where(s => windowOfUser.ContainsKey(s.StaffId!))
            .GroupBy(s => windowOfUser[s.StaffId!])
            .Select(g => StepFigures.Of(g.Key, g.Key, g.ToList()))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();

        return new StepReport(StepFigures.Of("", "合计", steps), services, departments, windows, staff);
    }

    /// <summary>
    /// 排队叫号: per local hour of issue (every hour from the first to the last with a number), and per window of the
    /// called numbers. Waiting = called − issued, over called numbers (a recalled number's latest call); service =
    /// done − served, over finished numbers.
    /// </summary>
    public static HallReport Hall(DeadlineClock clock, IEnumerable<TicketFacts> tickets)
    {
        var all = tickets.ToList();
        var byHour = all.GroupBy(t => clock.ToLocal(t.IssuedAt).Hour).ToDictionary(g => g.Key, g => g.ToList());
        var hours = new List<HourFigures>();
        if (byHour.Count > 0)
        {
            for (var hour = byHour.Keys.Min(); hour <= byHour.Keys.Max(); hour++)
            {
                var these = byHour.GetValueOrDefault(hour) ?? [];
                var called = these.Where(t => t.CalledAt is not null).ToList();
                hours.Add(new HourFigures(hour, these.Count, called.Count, AverageWait(called), these.Count(t => t.State == TicketState.NoShow)));
            }
        }

        var windows = all.Where(t => t.CalledAt is not null && !string.IsNullOrEmpty(t.WindowNumber))
            .GroupBy(t => t.WindowNumber!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var called = g.ToList();
                var done = called.Where(t => t.State == TicketState.Done && t.ServedAt is not null && t.DoneAt is not null).ToList();
                return new WindowQueueFigures(
                    g.Key,
                    called.Count,
                    called.Count(t => t.ServedAt is not null),
                    called.Count(t => t.State == TicketState.NoShow),
                    AverageWait(called),
                    done.Count == 0 ? null : Round1(done.Average(t => (t.DoneAt!.Value - t.ServedAt!.Value).TotalMinutes)));
            })
            .ToList();

        return new HallReport(all.Count, all.Count(t => t.CalledAt is not null), all.Count(t => t.State == TicketState.NoShow), hours, windows);
    }

    private static double? AverageWait(IReadOnlyCollection<TicketFacts> called) =>
        called.Count == 0 ? null : Round1(called.Average(t => (t.CalledAt!.Value - t.IssuedAt).TotalMinutes));
}
