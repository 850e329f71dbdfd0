using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Portal.Domain.Identity;

namespace Portal.Web.Common.Forms;

/// <summary>
/// Every text a page binds (form fields, route values, query strings; items of lists and keys of dictionaries too) is
/// cleaned by <see cref="InputText.Clean(string?, out bool)"/> before the validators see it, so what is checked is
/// what is stored. Characters a person cannot see that change what the text means (control characters, direction
/// overrides) are removed and the form is shown once more with the cleaned text and a Chinese message beside the
/// field — nothing is lost and nothing hidden is stored. A value longer than <see cref="InputText.HardLimit"/> is
/// refused (and kept only up to that length). Passwords are never changed, only refused beyond that length.
/// </summary>
public sealed class CleanTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new CleanTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
}
