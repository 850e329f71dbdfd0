using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Portal.Web.Common.Forms;

/// <summary>
/// One set of validators, three places it runs (STYLE 5): the validators' rules are written into the page as
/// <c>data-val-*</c> attributes for the browser (FluentValidation.AspNetCore's client adapters), a page's own form is
/// checked by the same validators before its handler runs (<see cref="FormValidationFilter"/>), and the MediatR
/// <see cref="Pipeline.ValidationBehavior{TRequest,TResponse}"/> checks every request, whoever sends it. Every message
/// is Chinese: FluentValidation speaks zh-CN whatever the thread's culture (background jobs included), names a field
/// by its <see cref="DisplayAttribute"/>, and ASP.NET Core's own binding messages are replaced.
/// </summary>
public static partial class FormValidation
{
    public static readonly CultureInfo Chinese = new("zh-CN");

    /// <summary>Sets FluentValidation's global options (idempotent; the test host builds the portal many times).</summary>
    public static void UseChineseMessages()
    {
        ValidatorOptions.Global.LanguageManager.Culture = Chinese;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => DisplayName(member);
    }

    /// <summary>The field's Chinese label from <c>[Display(Name = …)]</c>, or null.</summary>
    public static string? DisplayName(MemberInfo? member) => member?.GetCustomAttribute<DisplayAttribute>()?.GetName();

    public static IMvcBuilder AddPortalFormValidation(this IMvcBuilder mvc)
    {
        UseChineseMessages();
        mvc.Services.AddFluentValidationClientsideAdapters(BoundClientRule.Register);

        // Runs after the DataAnnotations and FluentValidation providers (the order of IConfigureOptions does not
        // matter for PostConfigure): the browser gets exactly the rules the server's validators have.
        mvc.Services.PostConfigure<MvcViewOptions>(o => o.ClientModelValidatorProviders.Add(new NoImplicitRequiredClientRule()));
        mvc.AddMvcOptions(o =>
        {
            // A string left empty is checked by the validators (NotEmpty, in Chinese), not by an implicit English
            // [Required] that nullable-unaware records would otherwise get.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            o.Filters.Add<FormValidationFilter>();

            // Every bound text is cleaned before it is validated (CleanTextBinder.cs).
            o.ModelBinderProviders.Insert(0, new CleanTextBinderProvider());
            ChineseBindingMessages(o.ModelBindingMessageProvider);
        });
        return mvc;
    }

    /// <summary>
    /// Model-binding refusals (a number field holding text, an empty value for a number) in Chinese, naming the field
    /// by its Chinese label. A field without one (a hidden field a person never types into, changed by hand) is not
    /// named: its program name must not reach the page.
    /// </summary>
    private static void ChineseBindingMessages(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => Labelled(field) is { } label ? $"“{value}”不是有效的{label}，请重新填写。" : $"“{value}”不是有效的值，请刷新页面后重新填写。");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值，请重新填写。");
        p.SetUnknownValueIsInvalidAccessor(field => Labelled(field) is { } label ? $"{label}的值无效，请重新填写。" : "填写的值无效，请刷新页面后重新填写。");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效，请重新填写。");
        p.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值，请重新填写。");
        p.SetValueMustBeANumberAccessor(field => Labelled(field) is { } label ? $"{label}必须是数字。" : "请填写数字。");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
        p.SetValueMustNotBeNullAccessor(field => Labelled(field) is { } label ? $"请填写{label}。" : "缺少必填的值，请刷新页面后重新填写。");
        p.SetMissingBindRequiredValueAccessor(field => Labelled(field) is { } label ? $"缺少{label}。" : "缺少必填的值，请刷新页面后重新填写。");
        p.SetMissingKeyOrValueAccessor(() => "缺少必填的值。");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空，请刷新页面后重新提交。");
    }

    /// <summary>The label when it is a Chinese one; a property's own (Latin) name when it has no label is not.</summary>
    internal static string? Labelled(string? field) => string.IsNullOrWhiteSpace(field) || LatinWord().IsMatch(field) ? null : field;

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    /// <summary>
    /// ASP.NET Core adds a client-side "required" rule to every non-nullable value (an enum select, a number) with its
    /// English text ("The … field is required."). The server never checks it (binding does, in Chinese), so the
    /// browser must not either: only the validators' own rules reach the page.
    /// </summary>
    private sealed class NoImplicitRequiredClientRule : IClientModelValidatorProvider
    {
        public void CreateValidators(ClientValidatorProviderContext context)
        {
            for (var i = context.Results.Count - 1; i >= 0; i--)
            {
                if (context.Results[i].Validator is RequiredAttributeAdapter { Attribute.ErrorMessage: null, Attribute.ErrorMessageResourceName: null })
                {
                    context.Results.RemoveAt(i);
                }
            }
        }
    }
}
