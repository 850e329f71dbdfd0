using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Cases;
using Portal.Web.Common;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// The end of a 公示期 or 债权申报期, fired by the deadline sweep as the system. Refused (and so marked overdue for
/// 市场监管) while an objection is still undecided.
/// </summary>
public sealed class DeregistrationExpiry(CaseContexts contexts, CaseActions actions) : IStepExpiry
{
    public async Task<bool> TryExpireAsync(Case c, CancellationToken cancellationToken) =>
        DeregistrationService.IsDeregistration(c.ServiceCode)
        && await MoveOnIfEndedAsync(c, await contexts.ForCaseAsync(c, cancellationToken, CaseActor.System), cancellationToken);

    /// <summary>If the case's waiting period has ended and nothing holds it (an undecided objection), the system moves it on.</summary>
    public async Task<bool> MoveOnIfEndedAsync(Case c, CaseActionContext context, CancellationToken cancellationToken)
    {
        var system = context with { Actor = CaseActor.System };
        if (context.Flow?.ExpiryOf(c.State) is not { } trigger || !(await c.PermittedActionsAsync(system)).Contains(trigger))
        {
            return false;
        }

        await actions.FireAsync(c, trigger, system, null, cancellationToken);
        return true;
    }
}
