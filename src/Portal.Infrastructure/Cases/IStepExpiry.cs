using Portal.Domain.Cases;

namespace Portal.Infrastructure.Cases;

/// <summary>
/// A waiting period that ends by time (公示期, 债权申报期): when its stored end passes, the deadline sweep asks the
/// service to move the case on instead of marking it overdue. Runs in the sweep's scope and database context.
/// </summary>
public interface IStepExpiry
{
    /// <summary>Returns true when it moved the case on; false leaves the sweep to mark it overdue (e.g. an objection is still open).</summary>
    Task<bool> TryExpireAsync(Case c, CancellationToken cancellationToken);

    /// <summary>Called after the sweep marked the case overdue, in the same save (e.g. to stamp a feed).</summary>
    Task OnMarkedOverdueAsync(Case c, DateTime nowUtc, CancellationToken cancellationToken) => Task.CompletedTask;
}
