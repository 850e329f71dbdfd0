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
/// Translates the portal's failure types once, for every page: validation → form errors on the bound command
/// (property <c>Data</c>); refused rule or conflict → form-level errors; not found → 404; forbidden → 403;
/// not signed in → the sign-in page. What the person typed stays in the form.
/// </summary>
public sealed class PortalExceptionFilter : IAsyncPageFilter
{
    public const string CommandProperty = "Data";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not PortalException failure || executed.ExceptionHandled)
        {
            return;
        }

        var page = context.HandlerInstance as PageModel;
        var modelState = context.ModelState;
        switch (failure)
        {
            case NotFoundException:
                executed.Result = new NotFoundResult();
                break;
            case ForbiddenException:
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                break;
            case NotSignedInException:
                executed.Result = new ChallengeResult();
                break;
            case ValidationFailedException validation:
                foreach (var (field, message) in validation.Errors)
                {
                    modelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{CommandProperty}.{field}", message);
                }

                executed.Result = await Redisplay(page, context.HttpContext.RequestAborted);
                break;
            case RuleViolationException rule:
                foreach (var reason in rule.Reasons)
                {
                    modelState.AddModelError("", reason);
                }

                executed.Result = await Redisplay(page, context.HttpContext.RequestAborted);
                break;
            default:
                modelState.AddModelError("", failure.Message);
                executed.Result = await Redisplay(page, context.HttpContext.RequestAborted);
                break;
        }

        executed.ExceptionHandled = true;
    }

    private static async Task<IActionResult> Redisplay(PageModel? page, CancellationToken cancellationToken)
    {
        if (page is null)
        {
            return new BadRequestResult();
        }

        if (page is IReloadablePage reloadable)
        {
            await reloadable.ReloadAsync(cancellationToken);
        }

        return page.Page();
    }
}
