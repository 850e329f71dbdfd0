using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Calendar;

namespace Portal.Web.Features.Promises;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public PromiseList.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new PromiseList.Query(), cancellationToken);
}

/// <summary>承诺时限清单: the active profile's promises, each with the document line it comes from (public).</summary>
public static class PromiseList
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>;

    public sealed record Row(string Key, string Service, string Step, string Limit, string Source, string? Note, string DueIfNow);

    public sealed record Result(string ProfileName, string Now, IReadOnlyList<Row> Rows);

    public sealed class Handler(PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = clock.ToLocal(time.GetUtcNow().UtcDateTime);
            return new Result(
                table.ProfileName,
                CalendarApi.FormatLocal(now),
                table.Rows.Select(r => new Row(r.Key, r.Service, r.Step, r.Limit.ToString(), r.Source, r.Note,
                    Shared.DeadlineView.DueLocal(now, clock.DueLocal(now, r.Limit), clock))).ToList());
        }
    }
}
