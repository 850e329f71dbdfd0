using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;

namespace Portal.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(CurrentUser me, ServiceCatalog services, PromiseService promises) : PageModel
{
    public bool SignedIn => me.IsSignedIn;

    public string HomePath => me.HomePath;

    public string ProfileName { get; private set; } = "";

    public string EstablishmentPromise { get; private set; } = "";

    public string NoticePromise { get; private set; } = "";

    public string CancelPromise { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var table = await promises.GetAsync(cancellationToken);
        ProfileName = table.ProfileName;
        var establishment = services.Get(Establishment.EstablishmentService.Code);
        EstablishmentPromise = table.Row(establishment.ProcessLimitKey) is { } row ? $"受理后{row.Limit}（{row.Source}）" : "见承诺时限清单";
        NoticePromise = table.Limit(Domain.Profiles.PromiseKeys.SimpleDeregistrationNotice)?.ToString() ?? "—";
        CancelPromise = table.Limit(Domain.Profiles.PromiseKeys.SimpleDeregistrationCancel)?.ToString() ?? "—";
    }
}
