using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Common;

/// <summary>A page that can load its display data again after a refused post, so the form is shown with the errors.</summary>
public interface IReloadablePage
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Shows the portal's failures on the page they happened on, as <see cref="PortalErrors"/> describes them: form errors
/// on the bound command (property <c>Data</c>) or the whole form, with the page's data loaded again and what the person
/// typed kept; not found → 404; forbidden → 403; not signed in → the sign-in page. Unexpected exceptions are left to
/// the Chinese error page. (A middleware exception handler cannot re-render a page with its ModelState, hence a filter.)
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

        if (error.Shape == PortalErrorShape.Forbidden && error.Errors.Count > 0)
        {
            // The 403 page says why, in the refusal's own words (e.g. what to do to become allowed).
            context.HttpContext.Items[Features.Errors.StatusModel.ReasonKey] = error.Errors[0].Message;
        }

        executed.Result = error.Shape switch
        {
            PortalErrorShape.NotFound => new NotFoundResult(),
            PortalErrorShape.Forbidden => new StatusCodeResult(StatusCodes.Status403Forbidden),
            PortalErrorShape.SignIn => new ChallengeResult(),
            _ => await Redisplay(context, error),
        };
        executed.ExceptionHandled = true;
    }

    private static async Task<IActionResult> Redisplay(PageHandlerExecutingContext context, PortalError error)
    {
        foreach (var (field, message) in error.Errors)
        {
            context.ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{CommandProperty}.{field}", message);
        }

        if (context.HandlerInstance is not PageModel page)
        {
            return new BadRequestResult();
        }

        if (page is IReloadablePage reloadable)
        {
            await reloadable.ReloadAsync(context.HttpContext.RequestAborted);
        }

        return page.Page();
    }
}
