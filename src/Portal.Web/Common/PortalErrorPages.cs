using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Common;

/// <summary>
/// How a page answers a failure it cannot show on its form: 404, 403, the sign-in page, or the status page with the
/// failure's Chinese title and message (kept in <see cref="HttpContext.Items"/> for Errors/Status).
/// </summary>
public static class PortalErrorPages
{
    /// <summary>A GET or HEAD: there is no form to show again.</summary>
    public static bool IsRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);

    public static IActionResult Answer(HttpContext http, PortalError error) =>
        error.Shape == PortalErrorShape.SignIn ? new ChallengeResult() : new StatusCodeResult(StatusOf(http, error));

    /// <summary>
    /// The same answer from an endpoint that is not a page but is opened by a browser as one (a material's file link):
    /// an endpoint filter, so a failure of its handler is shown as a page's failed GET is — the Chinese status page with
    /// the failure's own title and message, or the sign-in page — instead of JSON (<see cref="PortalExceptionHandler"/>).
    /// </summary>
    public static async ValueTask<object?> AsPageAnswer(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (PortalErrors.Describe(ex) is { } error)
        {
            return error.Shape == PortalErrorShape.SignIn ? Results.Challenge() : Results.StatusCode(StatusOf(context.HttpContext, error));
        }
    }

    /// <summary>
    /// The status of a failure answered on the status page, with the failure kept for it (an empty answer with this
    /// status is re-executed as Errors/Status, which shows the failure's title and message).
    /// </summary>
    public static int StatusOf(HttpContext http, PortalError error)
    {
        http.Items[PortalErrors.ItemKey] = error;
        return error.Shape switch
        {
            PortalErrorShape.NotFound => StatusCodes.Status404NotFound,
            PortalErrorShape.Forbidden => StatusCodes.Status403Forbidden,
            _ => error.Status,
        };
    }

    /// <summary>
    /// Loads the page's data again to show its form with the errors. When the data cannot be loaded for this person
    /// (someone else's record, a record gone meanwhile) the answer is that failure instead (404, 403, the status page) —
    /// never a server error and never the record. Null: the page was reloaded (or has nothing to load).
    /// </summary>
    public static async Task<IActionResult?> ReloadAsync(PageModel page, HttpContext http)
    {
        if (page is not IReloadablePage reloadable)
        {
            return null;
        }

        try
        {
            await reloadable.ReloadAsync(http.RequestAborted);
            return null;
        }
        catch (Exception ex) when (PortalErrors.Describe(ex) is { } failure)
        {
            return Answer(http, failure);
        }
    }
}
