using MediatR;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Calendar;
using Portal.Workflow;

namespace Portal.Web.Features.Promises;

/// <summary>
/// 承诺时限清单: the active profile's promises, each with the document line it comes from (marked when borrowed from
/// another place's document, or set by the administrator), whether it covers the whole process from submission or is a
/// lead time, and the office hours it is counted in as the calendar settings say (public).
/// </summary>
public static class PromiseList
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>;

    public sealed record Row(string Key, string Service, string Step, string Limit, string Source, string? Note, string DueIfNow, bool Borrowed, bool LeadTime, bool WholeProcess);

    public sealed record Result(string ProfileName, string Now, string OfficeHours, string HalfDay, IReadOnlyList<Row> Rows);

    public sealed class Handler(PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = clock.ToLocal(time.GetUtcNow().UtcDateTime);
            var hours = string.Join("、", clock.Calendar.OfficeHours.Periods.Select(p => p.ToString()));
            return new Result(
                table.ProfileName,
                CalendarApi.FormatLocal(now),
                hours,
                Shared.DeadlineView.Duration(clock.HalfDayMinutes(1), clock),
                table.Rows.Select(r =>
                {
                    var lead = table.LeadTime(r.Key);
                    var whole = table.WholeProcess(r.Key);
                    var limit = r.Limit.ToString();
                    var shown = lead ? "提前" + (r.Unit == TimeUnit.NaturalDays ? $"{r.Amount}天" : limit)
                        : r.Unit == TimeUnit.HalfWorkingDays ? $"{limit}（{Shared.DeadlineView.Duration(clock.HalfDayMinutes(r.Amount), clock)}）"
                        : limit;
                    var due = lead
                        ? $"如今天报请，最早于{DateOnly.FromDateTime(now).AddDays(r.Amount):yyyy年M月d日}开工"
                        : Shared.DeadlineView.DueLocal(now, r.Limit, clock);
                    return new Row(r.Key, r.Service, r.Step, shown, table.Cite(r), r.Note, due, table.Borrowed(r.Source) is not null && !r.EditedByAdministrator, lead, whole);
                }).ToList());
        }
    }
}
