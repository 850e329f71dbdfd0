using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;

namespace Portal.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(CalendarService calendar, TimeProvider time) : PageModel
{
    public IReadOnlyList<int> MissingYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var clock = await calendar.GetClockAsync(cancellationToken);
        MissingYears = clock.YearsMissingAround(time.GetUtcNow().UtcDateTime);
    }
}
