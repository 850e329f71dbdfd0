using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Data;
using Portal.Workflow;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Wraps each command in one database transaction: the state change, its history row and its deadline are
/// written together or not at all (a crash mid-request leaves nothing half-written). Concurrency conflicts and
/// workflow refusals become the portal's own failure types here.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(PortalDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            if (!IsCommand || db.Database.CurrentTransaction is not null)
            {
                return await next();
            }

            using var place = await TransactionGate.EnterAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await next();
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(ex.Entries.Any(e => e.Entity is Case) ? ConflictException.CaseChanged : ConflictException.RecordChanged);
        }
        catch (DbUpdateException ex) when (DbErrors.IsDuplicateNotification(ex))
        {
            // The same change of the case was saved first by someone else (its message exists): the database may
            // report the message's key before the case's version, but it is the same conflict.
            db.ChangeTracker.Clear();
            throw new ConflictException(ConflictException.CaseChanged);
        }
        catch (InvalidTransitionException ex)
        {
            db.ChangeTracker.Clear();
            throw new RuleViolationException(ex.UnmetGuards.Count > 0 ? ex.UnmetGuards : [ex.Message]);
        }
    }
}
