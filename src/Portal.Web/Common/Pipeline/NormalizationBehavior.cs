using MediatR;
using Portal.Domain.Identity;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Cleans every text of a request (<see cref="InputText.Clean(string?, out bool)"/>) before it is authorized,
/// validated or handled, so requests sent without a page (tests, background jobs, the JSON endpoints) are checked
/// and stored exactly as page posts are (a page's form was already cleaned when it was bound: CleanTextBinder.cs).
/// What cannot be cleaned without changing what the sender meant — control characters, direction overrides, a text
/// longer than <see cref="InputText.HardLimit"/> — is refused in Chinese beside its field. Passwords are left as typed
/// (Identity hashes exactly what was set) and only refused beyond that length.
/// </summary>
public sealed class NormalizationBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not null)
        {
            var problems = RequestText.Clean(request);
            if (problems.Count > 0)
            {
                throw new ValidationFailedException(problems);
            }
        }

        return next();
    }
}
