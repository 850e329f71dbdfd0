using MediatR;
using Portal.Infrastructure.Data;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Wraps each command in one database transaction: the state change, its history row and its deadline are
/// written together or not at all (a crash mid-request leaves nothing half-written). When the database or a workflow
/// refuses the command (<see cref="PortalErrors.IsStoreOrWorkflowRefusal"/>), nothing it changed stays tracked, so the
/// page shown next reads what is stored. What the refusal means is not decided here (<see cref="PortalErrors"/>).
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
        catch (Exception ex) when (PortalErrors.IsStoreOrWorkflowRefusal(ex))
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
