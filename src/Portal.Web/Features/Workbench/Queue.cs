using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Workbench;

/// <summary>
/// The staff workbench's 待办 list: every open case held by one of the signed-in person's roles, across services,
/// sorted by time left (the stored deadline), green / yellow (75% of the limit used) / red (overdue), with the
/// actions the person may take on each case now.
/// </summary>
public static class Queue
{
    /// <summary>
    /// Rows per page of the 待办 list, and the most rows of the other lists (容缺, 补正, 驳回): a person works the most
    /// urgent first, and a page of 50 rows with their actions stays small (about 80 KB) for a hall of thousands of cases.
    /// </summary>
    public const int MaxRows = 50;

    public const int PageSize = MaxRows;

    /// <summary>Longer search texts are cut to this length (a filter never fails the page).</summary>
    public const int MaxSearchLength = 50;

    [RequireStaff]
    public sealed record Query : IQuery<Result>
    {
        public string? Service { get; init; }

        public CaseState? State { get; init; }

        /// <summary>正常 / 预警 / 超时 by the rule of <see cref="DeadlineView"/>; null (or 不计时) for all.</summary>
        public DeadlineStatus? Deadline { get; init; }

        /// <summary>Part of the case number, the applicant's name or the title.</summary>
        public string? Search { get; init; }

        /// <summary>首问负责: only the cases whose owner is the signed-in person.</summary>
        public bool Mine { get; init; }

        public int Page { get; init; } = 1;

        /// <summary>The page starts after this row key (<see cref="Cursor"/>): 下一页 reads from the index, never skips rows.</summary>
        public string? After { get; init; }

        /// <summary>The page ends before this row key: 上一页.</summary>
        public string? Before { get; init; }
    }

    /// <summary>A workflow action the person may take on the case now, linking to its form on the case page.</summary>
    public sealed record CaseAction(CaseTrigger Trigger, string Label, string Href);

    /// <summary>An action on a parallel track (并联子事项) one of my roles holds, linking to the case page's track table.</summary>
    public sealed record TrackAction(long ItemId, string Track, SubItemTrigger Trigger, string Label, string Href);

    public sealed record Row(
        string Number,
        string Title,
        string Service,
        string State,
        string Holder,
        string Applicant,
        DeadlineView Deadline,
        string Submitted,
        string? Owner,
        bool Mine,
        IReadOnlyList<CaseAction> Actions,
        IReadOnlyList<TrackAction> TrackActions);

    /// <summary>A cancellation shared with one of my departments, waiting for its confirmation.</summary>
    public sealed record ShareRow(string Number, string Enterprise, string Department, string Shared);

    public sealed record Result(
        IReadOnlyList<Row> Rows,
        int Total,
        int Page,
        IReadOnlyList<(string Code, string Name)> Services,
        IReadOnlyList<(CaseState State, string Label)> States,
        IReadOnlyList<string> RoleLabels,
        IReadOnlyList<ShareRow> Shares,
        bool SeesRejections)
    {
        /// <summary>More than <see cref="CountLimit"/> rows match: <see cref="Total"/> is the limit, shown as "1000 件以上".</summary>
        public bool TotalIsAtLeast { get; init; }

        /// <summary>The number of pages, when the total is known exactly.</summary>
        public int? Pages => TotalIsAtLeast ? null : PageCount(Total);

        public bool HasNext { get; init; }

        public bool HasPrevious => Page > 1;

        /// <summary>The 下一页 link's key: the last row shown.</summary>
        public string? NextCursor { get; init; }

        /// <summary>The 上一页 link's key: the first row shown.</summary>
        public string? PreviousCursor { get; init; }

        public string TotalText => CountText(Total, TotalIsAtLeast);
    }

    /// <summary>A count as the page's navigation says it: "61", or "1000+" when more than <see cref="CountLimit"/> match.</summary>
    public static string CountText(int total, bool atLeast) =>
        atLeast ? $"{total}+" : total.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The most rows a request counts (one index range of at most this many entries): beyond it the page says
    /// "1000件以上" instead of counting 100,000 rows on every request (docs/decisions/0020-work-queue.md).
    /// </summary>
    public const int CountLimit = 1000;

    public static int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>A row's place in the list: its deadline (sort key) and case id, written "ticks.id" in 下一页/上一页 links.</summary>
    public readonly record struct Cursor(DateTime DueAt, long CaseId)
    {
        public override string ToString() => $"{DueAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

        /// <summary>Reads a link's key; anything else (edited by hand, cut short) is no key: the page falls back to its number.</summary>
        public static Cursor? Parse(string? text)
        {
            var parts = text?.Split('.');
            if (parts is not { Length: 2 }
                || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                || ticks > DateTime.MaxValue.Ticks)
            {
                return null;
            }

            return new Cursor(new DateTime(ticks, DateTimeKind.Utc), id);
        }
    }

    /// <summary>The 时限 filter's choices in the order the page offers them.</summary>
    public static IReadOnlyList<(DeadlineStatus Status, string Label)> DeadlineChoices { get; } =
    [
        (DeadlineStatus.OnTrack, "正常"),
        (DeadlineStatus.Warning, "预警（已用时限75%以上）"),
        (DeadlineStatus.Overdue, "超时"),
    ];

    public static Dictionary<string, string> Filters(string? service, CaseState? state, DeadlineStatus? deadline, string? search, bool mine)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(service))
        {
            values["Service"] = service;
        }

        if (state is { } s)
        {
            values["State"] = s.ToString();
        }

        if (deadline is { } d)
        {
            values["Deadline"] = d.ToString();
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            values["Search"] = search.Trim();
        }

        if (mine)
        {
            values["Mine"] = "true";
        }

        return values;
    }

    public sealed class Handler(
        PortalDbContext db,
        CurrentUser me,
        ServiceCatalog services,
        CalendarService calendar,
        CaseContexts contexts,
        IEnumerable<ICaseFlowSource> flows,
        TimeProvider time)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var roles = WorkbenchPeople.StaffRoles(me);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;

            // The work queue has one row per (case, holding role): the case's own step and each working track. Each of my
            // roles is one range of the index (Holder, DueAt, CaseId), read in order and only as far as the page needs, so
            // the cost follows the page, not the number of open cases; a case two of my roles hold is shown once.
            var total = await CountAsync(roles, request, now, cancellationToken);
            var atLeast = total > CountLimit;
            total = Math.Min(total, CountLimit);
            var lastPage = atLeast ? CountLimit / PageSize : PageCount(total);
            var page = Math.Clamp(request.Page, 1, lastPage);
            List<Cursor>? keys = null;
            var hasNext = false;
            if (Cursor.Parse(request.After) is { } after)
            {
                (keys, hasNext) = await KeysAsync(roles, request, now, after, forward: true, skip: 0, cancellationToken);
                page = keys.Count == 0 ? page : atLeast ? Math.Max(request.Page, 2) : Math.Clamp(request.Page, 2, Math.Max(2, lastPage));
            }
            else if (Cursor.Parse(request.Before) is { } before)
            {
                var (backwards, more) = await KeysAsync(roles, request, now, before, forward: false, skip: 0, cancellationToken);
                if (more && backwards.Count == PageSize)
                {
                    keys = Enumerable.Reverse(backwards).ToList();
                    hasNext = true;
                    page = Math.Max(request.Page, 2);
                    page = atLeast ? page : Math.Min(page, lastPage);
                }
                else
                {
                    page = 1; // reached the top of the list
                }
            }

            if (keys is not { Count: > 0 })
            {
                (keys, hasNext) = await KeysAsync(roles, request, now, null, forward: true, skip: (page - 1) * PageSize, cancellationToken);
                if (keys.Count == 0)
                {
                    page = 1;
                }
            }

            var ids = keys.Select(k => k.CaseId).ToList();
            var loaded = await db.Cases.AsNoTracking()
                .Include(c => c.SubItems)
                .Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, cancellationToken);
            var cases = ids.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();

            var permitted = new PermittedActions(contexts, flows, me, roles);
            var rows = new List<Row>(cases.Count);
            foreach (var c in cases)
            {
                var (actions, trackActions) = await permitted.ForAsync(c, cancellationToken);
                rows.Add(new Row(
                    c.Number,
                    c.Title,
                    services.NameOf(c.ServiceCode),
                    MyTracks(c, roles) is { Length: > 0 } mine ? $"{c.State.Label()}（{mine}）" : c.State.Label(),
                    Roles.Label(c.HolderRole),
                    c.ApplicantName,
                    DeadlineView.For(c, now, clock),
                    DeadlineView.Format(clock.ToLocal(c.CreatedAt)),
                    c.OwnerName,
                    c.OwnerId is not null && c.OwnerId == me.Id,
                    actions,
                    trackActions));
            }

            var departments = roles.Select(Roles.DepartmentOf).OfType<Department>().ToList();
            var shares = departments.Count == 0 ? [] : await db.CancellationShares.AsNoTracking()
                .Where(s => s.ConfirmedAt == null && departments.Contains(s.Department))
                .OrderBy(s => s.SharedAt)
                .Select(s => new { s.Application.CaseNumber, s.Application.EnterpriseName, s.Department, s.SharedAt })
                .Take(MaxRows)
                .ToListAsync(cancellationToken);
            return new Result(
                rows,
                total,
                page,
                services.All.Select(s => (s.Code, s.Name)).ToList(),
                CaseStates.Open.Select(s => (s, s.Label())).ToList(),
                roles.Select(Roles.Label).ToList(),
                shares.Select(s => new ShareRow(s.CaseNumber, s.EnterpriseName, s.Department.Label(), DeadlineView.Format(clock.ToLocal(s.SharedAt)))).ToList(),
                RejectionQueue.MaySee(me))
            {
                TotalIsAtLeast = atLeast,
                HasNext = hasNext,
                NextCursor = keys.Count > 0 ? keys[^1].ToString() : null,
                PreviousCursor = keys.Count > 0 ? keys[0].ToString() : null,
            };
        }

        /// <summary>How many cases my roles hold that pass the filters, counted no further than <see cref="CountLimit"/> + 1.</summary>
        private async Task<int> CountAsync(List<string> roles, Query request, DateTime now, CancellationToken cancellationToken)
        {
            if (roles.Count == 1)
            {
                return await Rows(roles[0], request, now).Take(CountLimit + 1).CountAsync(cancellationToken);
            }

            var seen = new HashSet<long>();
            foreach (var role in roles)
            {
                seen.UnionWith(await Rows(role, request, now).Select(w => w.CaseId).Take(CountLimit + 1).ToListAsync(cancellationToken));
            }

            return Math.Min(seen.Count, CountLimit + 1);
        }

        /// <summary>
        /// The keys of one page: after (or, backwards, before) <paramref name="from"/>, or from the top skipping
        /// <paramref name="skip"/> rows. Each role's range gives at most skip + page + 1 keys; merged, a case held by two of my
        /// roles counts once. The extra key says whether there is more.
        /// </summary>
        private async Task<(List<Cursor> Keys, bool More)> KeysAsync(List<string> roles, Query request, DateTime now, Cursor? from, bool forward, int skip, CancellationToken cancellationToken)
        {
            var take = skip + PageSize + 1;
            var all = new List<Cursor>();
            foreach (var role in roles)
            {
                var rows = Rows(role, request, now);
                if (from is { } f)
                {
                    // The bound on DueAt alone lets both databases seek into the index (Holder, DueAt, CaseId) at the key.
                    rows = forward
                        ? rows.Where(w => w.DueAt >= f.DueAt && (w.DueAt > f.DueAt || w.CaseId > f.CaseId))
                        : rows.Where(w => w.DueAt <= f.DueAt && (w.DueAt < f.DueAt || w.CaseId < f.CaseId));
                }

                rows = forward
                    ? rows.OrderBy(w => w.DueAt).ThenBy(w => w.CaseId)
                    : rows.OrderByDescending(w => w.DueAt).ThenByDescending(w => w.CaseId);
                var keys = await rows.Select(w => new { w.DueAt, w.CaseId }).Take(take).ToListAsync(cancellationToken);
                all.AddRange(keys.Select(k => new Cursor(k.DueAt, k.CaseId)));
            }

            var ordered = all.Distinct();
            ordered = forward
                ? ordered.OrderBy(k => k.DueAt).ThenBy(k => k.CaseId)
                : ordered.OrderByDescending(k => k.DueAt).ThenByDescending(k => k.CaseId);
            var window = ordered.Skip(skip).Take(PageSize + 1).ToList();
            var more = window.Count > PageSize;
            return (window.Take(PageSize).ToList(), more);
        }

        /// <summary>One role's rows of the work queue with the filters applied.</summary>
        private IQueryable<WorkItem> Rows(string role, Query request, DateTime now) =>
            Filter(db.WorkItems.AsNoTracking().Where(w => w.Holder == role), request, me.Id, now);

        /// <summary>
        /// The filters, as SQL on the already indexed set. The 时限 colours follow <see cref="DeadlineView.For"/> and
        /// <see cref="DeadlineStatuses.Of"/> exactly: red once now is past the deadline, yellow from the stored 75% mark
        /// (inclusive) up to and including the deadline, no colour while paused or without a limit.
        /// </summary>
        private static IQueryable<WorkItem> Filter(IQueryable<WorkItem> query, Query request, string? myId, DateTime now)
        {
            if (!string.IsNullOrEmpty(request.Service))
            {
                query = query.Where(w => w.ServiceCode == request.Service);
            }

            if (request.State is { } state)
            {
                query = query.Where(w => w.State == state);
            }

            var none = WorkItem.NoDeadline;
            query = request.Deadline switch
            {
                DeadlineStatus.Overdue => query.Where(w => !w.Paused && w.DueAt < now),
                DeadlineStatus.Warning => query.Where(w => !w.Paused && w.DueAt != none && w.DueAt >= now
                    && w.WarnAt != null && w.WarnAt <= now),
                DeadlineStatus.OnTrack => query.Where(w => !w.Paused && w.DueAt != none && w.DueAt >= now
                    && (w.WarnAt == null || w.WarnAt > now)),
                _ => query,
            };

            var search = request.Search?.Trim();
            if (!string.IsNullOrEmpty(search))
            {
                search = search.Length > MaxSearchLength ? search[..MaxSearchLength] : search;

                // Case numbers are upper case (QYKB-…): a clerk typing "qykb" still finds them.
                var number = search.ToUpperInvariant();
                query = query.Where(w => w.Case.Number.Contains(number) || w.Case.ApplicantName.Contains(search) || w.Case.Title.Contains(search));
            }

            if (request.Mine)
            {
                query = query.Where(w => w.OwnerId != null && w.OwnerId == myId);
            }

            return query;
        }

        private static string MyTracks(Case c, List<string> roles) =>
            string.Join("、", c.SubItems.Where(s => roles.Contains(s.HolderRole) && s.IsOpen).Select(s => $"{s.Label}{SubItemWorkflow.Label(s.State)}"));
    }

    /// <summary>
    /// The actions a person may take on a case now, decided by the same <see cref="Common.CaseActions.PermittedForAsync"/> as
    /// the case page, with the case's workflow and its service's own steps.
    /// Track actions are those of the tracks my roles hold (a department's 开始办理 / 办结 / 退回); starting or
    /// resubmitting another department's track (启动 / 重新提交, window or applicant side) stays on the case page.
    /// The calendar and promise table are read once per service, not once per row; a service's own steps
    /// (注销's application, 报装's request) are loaded per case.
    /// </summary>
    private sealed class PermittedActions(CaseContexts contexts, IEnumerable<ICaseFlowSource> flows, CurrentUser me, List<string> roles)
    {
        private readonly Dictionary<string, CaseActionContext> byService = [];

        public async Task<(IReadOnlyList<CaseAction> Actions, IReadOnlyList<TrackAction> TrackActions)> ForAsync(Case c, CancellationToken cancellationToken)
        {
            if (!byService.TryGetValue(c.ServiceCode, out var context))
            {
                context = await contexts.ForAsync(c.ServiceCode, cancellationToken);
                byService[c.ServiceCode] = context;
            }

            var source = flows.FirstOrDefault(f => f.Handles(c.ServiceCode));
            if (source is not null)
            {
                context = context with { Flow = await source.LoadAsync(c, cancellationToken) };
            }

            var actions = (await Common.CaseActions.PermittedForAsync(c, context, me.IsInRole(Roles.Supervisor)))
                .Where(WorkbenchPeople.IsOnCasePage)
                .Select(t => new CaseAction(t, WorkbenchPeople.LabelOf(t, context), WorkbenchPeople.CaseHref(c.Number, WorkbenchPeople.AnchorOf(t))))
                .ToList();
            var trackActions = new List<TrackAction>();
            foreach (var i in c.SubItems.Where(i => roles.Contains(i.HolderRole)).OrderBy(i => i.Id))
            {
                trackActions.AddRange((await i.PermittedActionsAsync(context, "probe")).Select(t => new TrackAction(
                    i.Id, i.Label, t, $"{i.Label}：{SubItemWorkflow.Label(t)}", WorkbenchPeople.CaseHref(c.Number, WorkbenchPeople.TracksAnchor))));
            }

            return (actions, trackActions);
        }
    }
}
