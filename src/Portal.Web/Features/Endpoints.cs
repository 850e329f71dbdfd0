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

    /// <summary>Sends a request from a JSON endpoint, turning the portal's failures into JSON errors in Chinese.</summary>
    public static async Task<IResult> SendJson<T>(this MediatR.IMediator mediator, MediatR.IRequest<T> request, CancellationToken ct)
    {
        try
        {
            return Results.Json(await mediator.Send(request, ct));
        }
        catch (ValidationFailedException ex)
        {
            return Results.Json(new { error = ex.Message, errors = ex.Errors.Select(e => new { field = e.Field, message = e.Message }) }, statusCode: 400);
        }
        catch (NotFoundException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: 404);
        }
        catch (ForbiddenException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: 403);
        }
        catch (NotSignedInException ex)
        {
            return Results.Json(new { error = ex.Message }, statusCode: 401);
        }
    }
}
