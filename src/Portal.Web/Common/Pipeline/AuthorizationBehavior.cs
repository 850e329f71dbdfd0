using System.Reflection;
using MediatR;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Checks who may send a request before it is validated or handled: <see cref="PublicRequestAttribute"/> for
/// anyone, otherwise a signed-in person, with <see cref="RequireRolesAttribute"/> / <see cref="RequireStaffAttribute"/>
/// narrowing it; then the request's record checks (<see cref="IAccessRule{TRequest}"/>: someone else's case is "not
/// found"), so that validation never runs — and never shows anything — for a record the person may not touch (STYLE 13).
/// Handlers keep their own checks of what may be done with the record.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(CurrentUser user, IEnumerable<IAccessRule<TRequest>> rules) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsPublic = typeof(TRequest).GetCustomAttribute<PublicRequestAttribute>() is not null;
    private static readonly IReadOnlyList<string>? RequiredRoles = typeof(TRequest).GetCustomAttribute<RequireRolesAttribute>()?.Roles;
    private static readonly bool RequiresStaff = typeof(TRequest).GetCustomAttribute<RequireStaffAttribute>() is not null;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsPublic)
        {
            if (!user.IsSignedIn)
            {
                throw new NotSignedInException();
            }

            if (RequiredRoles is { Count: > 0 } roles && !roles.Any(user.IsInRole))
            {
                throw new ForbiddenException();
            }

            if (RequiresStaff && !user.IsStaff)
            {
                throw new ForbiddenException();
            }
        }

        foreach (var rule in rules)
        {
            await rule.EnsureAsync(request, cancellationToken);
        }

        return await next();
    }
}
