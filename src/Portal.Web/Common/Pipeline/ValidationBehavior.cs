using FluentValidation;
using MediatR;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Runs every FluentValidation validator of the request, so pages, tests and background jobs all hit the same
/// rules (model binding alone would let requests sent directly through MediatR skip them).
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<(string, string)>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationFailedException(failures);
        }

        return await next();
    }
}
