using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common.Forms;

namespace Portal.Web.Common;

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
