using System.Reflection;
using MediatR;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Checks who may send a request before it is validated or handled: <see cref="PublicRequestAttribute"/> for
/// anyone, otherwise a signed-in person, with <see cref="RequireRolesAttribute"/> / <see cref="RequireStaffAttribute"/>
/// narrowing it. Per-record checks (an applicant's own case) are in the handlers.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(CurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsPublic = typeof(TRequest).GetCustomAttribute<PublicRequestAttribute>() is not null;
    private static readonly IReadOnlyList<string>? RequiredRoles = typeof(TRequest).GetCustomAttribute<RequireRolesAttribute>()?.Roles;
    private static readonly bool RequiresStaff = typeof(TRequest).GetCustomAttribute<RequireStaffAttribute>() is not null;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
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

        return next();
    }
}
