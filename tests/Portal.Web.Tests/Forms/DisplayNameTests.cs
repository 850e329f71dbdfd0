using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Tests.Forms;

/// <summary>
/// Every value a page binds — a form's fields, a route or query value — has a Chinese label, so a value that cannot
/// be read is reported as “abc”不是有效的报装容量（千瓦） and never with the program's property name.
/// </summary>
public sealed partial class DisplayNameTests
{
    [Fact]
    public void Every_bound_property_of_every_page_has_a_chinese_label()
    {
        var missing = new List<string>();
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            foreach (var property in page.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
            {
                Walk(property, $"{page.Name}.{property.Name}", missing, []);
            }
        }

        Assert.True(missing.Count == 0, "Bound properties without a Chinese [Display(Name)]:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_walk_finds_a_property_without_a_label()
    {
        var missing = new List<string>();
        Walk(typeof(Unlabelled).GetProperty(nameof(Unlabelled.Form))!, "Unlabelled.Form", missing, []);

        Assert.Equal(["Unlabelled.Form.Inner.CapacityKw", "Unlabelled.Form.English"], missing);
    }

    private static void Walk(PropertyInfo property, string path, List<string> missing, HashSet<Type> seen)
    {
        if (property.GetCustomAttribute<BindNeverAttribute>() is not null)
        {
            return;
        }

        // A form (a command, its technical data, an investor row) is walked into; its fields are what a person types.
        var type = ElementType(property.PropertyType);
        var isForm = type.Namespace?.StartsWith("Portal", StringComparison.Ordinal) == true && type is { IsEnum: false, IsClass: true };
        var name = property.GetCustomAttribute<DisplayAttribute>()?.GetName();
        if (!isForm && (string.IsNullOrWhiteSpace(name) || LatinWord().IsMatch(name)))
        {
            missing.Add(path);
        }

        if (!isForm || !seen.Add(type))
        {
            return;
        }

        foreach (var child in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            Walk(child, $"{path}.{child.Name}", missing, seen);
        }

        seen.Remove(type);
    }

    private static Type ElementType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence
            && !typeof(IDictionary).IsAssignableFrom(type))
        {
            return sequence.GetGenericArguments()[0];
        }

        return type;
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    private sealed class Unlabelled
    {
        [Display(Name = "表单")]
        public UnlabelledForm Form { get; set; } = new();
    }
}

/// <summary>A form with one field without a label and one with an English label (for the walk's own test).</summary>
public sealed class UnlabelledForm
{
    [Display(Name = "技术数据")]
    public UnlabelledInner Inner { get; init; } = new();

    [Display(Name = "Capacity")]
    public string? English { get; init; }
}

public sealed class UnlabelledInner
{
    public decimal? CapacityKw { get; init; }
}
