using Portal.Web.Common;
using Portal.Web.Features.Calendar;

namespace Portal.Web.Features;

/// <summary>The portal's non-page endpoints: the public calendar API and the 404 for unknown addresses (/healthz: Setup/HealthSetup).</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCalendarApi();

        // Unknown addresses are 404 for everyone (without this, the sign-in requirement would answer first).
        app.MapFallback(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            })
            .AllowAnonymous();
        return app;
    }

    /// <summary>Sends a request from a JSON endpoint and answers its result as JSON; a failure is answered by <see cref="PortalExceptionHandler"/>.</summary>
    public static async Task<IResult> SendJson<T>(this MediatR.IMediator mediator, MediatR.IRequest<T> request, CancellationToken ct) =>
        Results.Json(await mediator.Send(request, ct));
}
