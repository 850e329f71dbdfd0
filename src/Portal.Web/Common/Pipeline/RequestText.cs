using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Portal.Domain.Identity;
using Portal.Web.Common.Forms;

namespace Portal.Web.Common.Pipeline;

/// <summary>Walks a request's text properties — nested records and lists of them included — and cleans them in place.</summary>
public static class RequestText
{
    private const int MaxDepth = 6;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PropertyInfo>> Properties = new();

    /// <summary>Cleans <paramref name="request"/> in place; returns what had to be refused (field, Chinese message).</summary>
    public static IReadOnlyList<(string Field, string Message)> Clean(object request)
    {
        var problems = new List<(string, string)>();
        Walk(request, "", 0, problems);
        return problems;
    }

    private static void Walk(object target, string prefix, int depth, List<(string, string)> problems)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in PropertiesOf(target.GetType()))
        {
            var path = prefix + property.Name;
            var value = property.GetValue(target);
            switch (value)
            {
                case string text when property.CanWrite:
                    if (Cleaned(text, property, path, problems) is { } cleanText && !ReferenceEquals(cleanText, text))
                    {
                        property.SetValue(target, cleanText);
                    }

                    break;
                case string[] array:
                    for (var i = 0; i < array.Length; i++)
                    {
                        if (array[i] is { } item && Cleaned(item, property, $"{path}[{i}]", problems) is { } cleaned)
                        {
                            array[i] = cleaned;
                        }
                    }

                    break;
                case IList<string> texts when !texts.IsReadOnly:
                    for (var i = 0; i < texts.Count; i++)
                    {
                        if (texts[i] is { } item && Cleaned(item, property, $"{path}[{i}]", problems) is { } cleaned)
                        {
                            texts[i] = cleaned;
                        }
                    }

                    break;
                case IList items when IsPortalType(ElementType(property.PropertyType)):
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is { } item)
                        {
                            Walk(item, $"{path}[{i}].", depth + 1, problems);
                        }
                    }

                    break;
                case { } nested when IsPortalType(nested.GetType()):
                    Walk(nested, path + ".", depth + 1, problems);
                    break;
            }
        }
    }

    private static string? Cleaned(string text, PropertyInfo property, string path, List<(string, string)> problems)
    {
        if (property.Name.Contains("Password", StringComparison.OrdinalIgnoreCase))
        {
            if (text.Length > InputText.HardLimit)
            {
                problems.Add((path, $"密码过长，最多{InputText.HardLimit}个字符。"));
            }

            return text;
        }

        var cleaned = InputText.Clean(text, out var removedHidden);
        var label = FormValidation.DisplayName(property) ?? "填写的内容";
        if (cleaned.Length > InputText.HardLimit)
        {
            problems.Add((path, $"{label}过长，最多{InputText.HardLimit}字。"));
        }
        else if (removedHidden)
        {
            problems.Add((path, $"{label}含有看不见的控制字符或改变文字方向的字符，请删除后重新提交。"));
        }

        return cleaned == text ? text : cleaned;
    }

    private static IReadOnlyList<PropertyInfo> PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null
                && (p.PropertyType == typeof(string) || typeof(IList).IsAssignableFrom(p.PropertyType) || IsPortalType(p.PropertyType)))
            .ToList());

    private static Type? ElementType(Type listType) =>
        listType.IsArray ? listType.GetElementType() : listType.IsGenericType ? listType.GetGenericArguments()[0] : null;

    /// <summary>A class of the portal's own (a nested form, an investor row): its texts are cleaned too.</summary>
    private static bool IsPortalType(Type? type) =>
        type is { IsClass: true } && type != typeof(string) && type.Namespace?.StartsWith("Portal.", StringComparison.Ordinal) == true;
}
