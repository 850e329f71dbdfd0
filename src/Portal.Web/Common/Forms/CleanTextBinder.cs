using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Domain.Identity;

namespace Portal.Web.Common.Forms;

public sealed class CleanTextBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not string raw)
        {
            return;
        }

        if (IsSecret(bindingContext.ModelMetadata))
        {
            if (raw.Length > InputText.HardLimit)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"密码过长，最多{InputText.HardLimit}个字符。");
            }

            return;
        }

        var cleaned = InputText.Clean(raw, out var removedHidden);
        var tooLong = cleaned.Length > InputText.HardLimit;
        if (tooLong)
        {
            cleaned = cleaned[..InputText.HardLimit];
        }

        if (cleaned != raw)
        {
            bindingContext.Result = ModelBindingResult.Success(cleaned);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, cleaned, cleaned);
        }

        var label = FormValidation.Labelled(bindingContext.ModelMetadata.DisplayName) ?? "填写的内容";
        if (tooLong)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{label}过长，最多{InputText.HardLimit}字。");
        }
        else if (removedHidden)
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{label}{InputText.HiddenRemoved}");
        }
    }

    /// <summary>A password is compared as typed (Identity hashes exactly what was set).</summary>
    internal static bool IsSecret(ModelMetadata metadata) =>
        metadata.DataTypeName == "Password"
        || (metadata.PropertyName ?? metadata.ParameterName ?? "").Contains("Password", StringComparison.OrdinalIgnoreCase);
}
