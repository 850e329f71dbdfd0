using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Portal.Web.Common;

/// <summary>
/// Answers a failure of a JSON endpoint (the calendar API, the call board's feed, …) as <see cref="PortalErrors"/>
/// describes it: problem details with a Chinese title, the status (400, 401, 403, 404, 409, 422; 500 for anything
/// unexpected), <c>error</c> (the messages in one line) and <c>errors</c> (each message with its field). Sent as
/// <c>application/json</c> so that clients reading the earlier <c>{"error": …}</c> answers keep working. Never a stack
/// trace; an unexpected failure is logged here with its exception. Pages are not answered here: their failures are
/// shown by <see cref="PortalExceptionFilter"/>, and anything it leaves goes to the Chinese error page.
/// </summary>
public sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger) : IExceptionHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsJsonEndpoint(httpContext))
        {
            return false;
        }

        var error = PortalErrors.Describe(exception);
        if (error is null)
        {
            // An exception handled here is not logged by the middleware (.NET 10): an unexpected one is logged here.
            logger.LogError(exception, "Unexpected failure of {Method} {Path}", httpContext.Request.Method, httpContext.Features.Get<IExceptionHandlerFeature>()?.Path);
            error = PortalErrors.Unexpected;
        }

        var problem = new ProblemDetails
        {
            Status = error.Status,
            Title = error.Title,
            Detail = error.Message,
            Extensions =
            {
                ["error"] = error.Message,
                ["errors"] = error.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList(),
                ["traceId"] = httpContext.TraceIdentifier,
            },
        };
        httpContext.Response.StatusCode = error.Status;
        await httpContext.Response.WriteAsJsonAsync(problem, Json, "application/json; charset=utf-8", cancellationToken);
        return true;
    }

    /// <summary>
    /// Whether the request had been routed to an endpoint that is not a Razor page (a minimal API answering JSON). The
    /// exception handling middleware clears the endpoint before asking handlers; its feature keeps the original.
    /// </summary>
    public static bool IsJsonEndpoint(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint()) is { } endpoint
        && endpoint.Metadata.GetMetadata<ActionDescriptor>() is null;
}
