using Portal.Domain.Cases;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Profiles;

namespace Portal.Web.Common;

/// <summary>Builds the context a case action needs: the current person, the time, the calendar and the active promises.</summary>
public sealed class CaseContexts(CurrentUser user, TimeProvider time, CalendarService calendar, PromiseService promises, ServiceCatalog services)
{
    public async Task<CaseActionContext> ForAsync(string serviceCode, CancellationToken cancellationToken, CaseActor? actor = null)
    {
        var clock = await calendar.GetClockAsync(cancellationToken);
        var table = await promises.GetAsync(cancellationToken);
        return new CaseActionContext(actor ?? user.ToActor(), time.GetUtcNow().UtcDateTime, clock, table.Limit, services.Get(serviceCode));
    }
}
