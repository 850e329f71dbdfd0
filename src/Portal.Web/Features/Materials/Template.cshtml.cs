using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Materials;

namespace Portal.Web.Features.Materials;

/// <summary>A material's template or worked example, public and printable.</summary>
[AllowAnonymous]
public sealed class TemplateModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "模板")]
    public string Code { get; set; } = "";

    public MaterialTemplate Template { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (MaterialCatalog.Template(Code) is not { } template)
        {
            return NotFound();
        }

        Template = template;
        return Page();
    }
}
