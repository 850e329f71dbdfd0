using MediatR;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Lets every request end in one of the portal's fixed failure types: a concurrency conflict or a workflow refusal
/// thrown below becomes the <see cref="ConflictException"/> or <see cref="RuleViolationException"/> that
/// <see cref="PortalErrors.AsFailure"/> names (the cause kept as its inner exception). Pages, JSON endpoints, tests and
/// background jobs sending through MediatR therefore all see the same types. It decides nothing itself.
/// </summary>
public sealed class FailureBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception ex) when (ex is not PortalException && PortalErrors.AsFailure(ex) is { } failure)
        {
            throw failure;
        }
    }
}
