using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Common.Forms;

/// <summary>
/// Before a page's POST handler runs: validates the form named by <see cref="ValidateFormAttribute"/> with its
/// FluentValidation validators (the same ones the MediatR pipeline runs), and when the post cannot be accepted — a
/// validator refused it, or a value could not be read at all ("abc" in a number field) — shows the page again
/// instead of running the handler. A value that could not be read is never sent on as an empty one.
/// </summary>
public sealed class FormValidationFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
            || context.HandlerInstance is not PageModel page)
        {
            await next();
            return;
        }

        var cancellationToken = context.HttpContext.RequestAborted;
        var form = context.HandlerMethod?.MethodInfo.GetCustomAttribute<ValidateFormAttribute>();
        foreach (var property in form?.Properties ?? [])
        {
            await ValidateAsync(page, property, context.HttpContext.RequestServices, cancellationToken);
        }

        // A page that cannot show itself again (it loads nothing, and declares no form) keeps its own behaviour.
        if (context.ModelState.IsValid || (form is null && page is not IReloadablePage))
        {
            await next();
            return;
        }

        // The page's data is loaded for this person first: someone else's record answers 404/403, never its form.
        context.Result = await PortalErrorPages.ReloadAsync(page, context.HttpContext) ?? page.Page();
    }

    /// <summary>
    /// Adds the validators' failures to the page's model state under the form's field names
    /// (<c>Data.Address</c>); a field whose value could not be read keeps only that message.
    /// </summary>
    public static async Task ValidateAsync(PageModel page, string propertyName, IServiceProvider services, CancellationToken cancellationToken)
    {
        var property = page.GetType().GetProperty(propertyName)
            ?? throw new InvalidOperationException($"{page.GetType().Name} has no bound property {propertyName}.");
        if (property.GetValue(page) is not { } value)
        {
            return;
        }

        var validators = services.GetServices(typeof(IValidator<>).MakeGenericType(property.PropertyType)).OfType<IValidator>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(value), cancellationToken);
            foreach (var failure in result.Errors)
            {
                var key = string.IsNullOrEmpty(failure.PropertyName) ? "" : $"{propertyName}.{failure.PropertyName}";
                if (key.Length > 0 && page.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                {
                    continue;
                }

                page.ModelState.AddModelError(key, failure.ErrorMessage);
            }
        }
    }
}
