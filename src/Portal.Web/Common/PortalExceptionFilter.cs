using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common.Forms;

namespace Portal.Web.Common;

/// <summary>A page that can load its display data again after a refused post, so the form is shown with the errors.</summary>
public interface IReloadablePage
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Shows the portal's failures on the page they happened on, as <see cref="PortalErrors"/> describes them: form errors
/// on the bound command (the property the handler's <see cref="ValidateFormAttribute"/> names, else <c>Data</c>) or the whole form, with the page's data loaded again and what the person
/// typed kept; not found → 404; forbidden → 403; not signed in → the sign-in page. When the page cannot be shown again
/// — its data cannot be loaded for this person (someone else's case), or the request was a GET with nothing to redisplay
/// — the failure is answered on the Chinese status page with its own message (<see cref="PortalErrorPages"/>).
/// Unexpected exceptions are left to the Chinese error page. (A middleware exception handler cannot re-render a page
/// with its ModelState, hence a filter.)
/// </summary>
public sealed class PortalExceptionFilter : IAsyncPageFilter
{
    public const string CommandProperty = "Data";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || PortalErrors.Describe(exception) is not { } error)
        {
            return;
        }

        // A refused post is shown on its form again; so is a refused GET of a page that can load itself again (a
        // backwards period on /Dashboard shows this month with the message). Anything else goes to the status page.
        executed.Result = error.Shape == PortalErrorShape.FormErrors && (!PortalErrorPages.IsRead(context.HttpContext) || context.HandlerInstance is IReloadablePage)
            ? await Redisplay(context, error)
            : PortalErrorPages.Answer(context.HttpContext, error);
        executed.ExceptionHandled = true;
    }

    private static async Task<IActionResult> Redisplay(PageHandlerExecutingContext context, PortalError error)
    {
        if (context.HandlerInstance is not PageModel page)
        {
            return PortalErrorPages.Answer(context.HttpContext, error);
        }

        // The messages go under the form the handler binds: the property its [ValidateForm] names (the password form
        // of Admin/Account is Password), Data otherwise.
        var form = context.HandlerMethod?.MethodInfo.GetCustomAttribute<ValidateFormAttribute>()?.Properties.FirstOrDefault() ?? CommandProperty;
        foreach (var (field, message) in error.Errors)
        {
            context.ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{form}.{field}", message);
        }

        return await PortalErrorPages.ReloadAsync(page, context.HttpContext) ?? page.Page();
    }
}

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
