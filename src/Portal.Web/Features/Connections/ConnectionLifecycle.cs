using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Connections;

/// <summary>
/// Keeps a 报装 application together: every child move is stamped for the utilities' feed; when the last child
/// ends the parent is 办结 (or withdrawn, if nothing was connected); withdrawing the parent withdraws the open children.
/// </summary>
public sealed class ConnectionLifecycle(PortalDbContext db, IServiceProvider services, CurrentUser me) : ICaseLifecycle
{
    public bool Handles(string serviceCode) => ConnectionService.IsConnection(serviceCode);

    public async Task OnStateChangedAsync(Case c, CaseState from, CaseActionContext context, CancellationToken cancellationToken)
    {
        var actions = services.GetRequiredService<CaseActions>();
        var contexts = services.GetRequiredService<CaseContexts>();
        if (ConnectionService.IsChild(c.ServiceCode))
        {
            var request = (context.Flow as UtilityConnectionFlow)?.Request ?? await ConnectionFlows.LoadRequestAsync(db, c.Id, cancellationToken);
            request.Touch(context.NowUtc);
            if (!c.State.IsFinal())
            {
                return;
            }

            // Two utilities finishing at the same moment: the parent row is locked first, so the second one waits and
            // then sees the first one's committed state (on PostgreSQL; SQLite writes one transaction at a time).
            await RowLocks.LockCaseAsync(db, request.Application.CaseId, cancellationToken);
            var parent = await db.Cases.SingleAsync(x => x.Id == request.Application.CaseId, cancellationToken);
            if (parent.State.IsFinal())
            {
                return;
            }

            var states = await ConnectionFlows.ChildStatesAsync(db, parent.Id, cancellationToken);
            if (states.All(s => s.IsFinal()))
            {
                var done = states.Contains(CaseState.Completed);
                var parentContext = (await contexts.ForAsync(parent.ServiceCode, cancellationToken, CaseActor.System)) with { Flow = new ParentConnectionFlow(() => true) };
                await actions.FireAsync(parent, done ? CaseTrigger.Complete : CaseTrigger.Withdraw, parentContext,
                    new CaseActionArgs { Reason = done ? "各专营单位均已办结" : "各专营单位的申请均已撤回" }, cancellationToken);
            }
        }
        else if (c.State == CaseState.Withdrawn)
        {
            var children = await db.UtilityRequests.Where(r => r.Application.CaseId == c.Id).Select(r => r.CaseId).ToListAsync(cancellationToken);
            foreach (var id in children)
            {
                var child = await db.Cases.SingleAsync(x => x.Id == id, cancellationToken);
                if (!child.State.IsFinal())
                {
                    var childContext = await contexts.ForCaseAsync(child, cancellationToken, CaseActor.System);
                    await actions.FireAsync(child, CaseTrigger.Withdraw, childContext, new CaseActionArgs { Reason = "申请人撤回报装申请" }, cancellationToken);
                }
            }
        }
    }

    public async Task<IReadOnlyList<CaseLink>> LinksAsync(Case c, CancellationToken cancellationToken)
    {
        if (ConnectionService.IsChild(c.ServiceCode))
        {
            var parent = await db.UtilityRequests.AsNoTracking().Where(r => r.CaseId == c.Id).Select(r => r.Application.CaseNumber).SingleOrDefaultAsync(cancellationToken);
            // A utility's staff may not open the parent (it shows the other utilities): no link for them.
            var mayOpenParent = !me.IsStaff || me.IsInRole(Roles.Window) || me.IsInRole(Roles.Supervisor) || me.IsInRole(Roles.Admin);
            return parent is null || !mayOpenParent ? [] : [new CaseLink("报装申请（总办件）", $"/Cases/{parent}")];
        }

        return [];
    }
}
