using MediatR;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

public static class EndSession
{
    /// <summary>Ends this session on the server (its row in Sessions is deleted, so the cookie is worthless even if kept or copied).</summary>
    [PublicRequest]
    public sealed record Command : IRequest<Unit>;

    public sealed class Handler(SignInManager<PortalUser> signIn, IAuditLog audit, CurrentUser me) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (me.IsSignedIn)
            {
                await audit.RecordAsync(SecurityEventType.SignedOut, new AuditSubject(me.Id, me.Principal.Identity?.Name ?? ""), null, cancellationToken);
            }

            await signIn.SignOutAsync();
            return Unit.Value;
        }
    }
}
