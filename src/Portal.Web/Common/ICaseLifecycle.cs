using Portal.Domain.Cases;

namespace Portal.Web.Common;

/// <summary>
/// What a service does when its cases change state (e.g. 企业开办 issues the licence when the case is 办结).
/// Implementations run inside the command's transaction.
/// </summary>
public interface ICaseLifecycle
{
    bool Handles(string serviceCode);

    Task OnStateChangedAsync(Case c, CaseState from, CaseActionContext context, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseLink>> LinksAsync(Case c, CancellationToken cancellationToken);
}
